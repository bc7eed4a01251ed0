import type { CellRef } from './grid';

/** One cell read as a labelled field of a table. */
export interface Field {
  /** Displayed text, trimmed. */
  text: string;
  /** Raw value, when the cell holds a number (money as 39, percent as 0.25). */
  raw?: string | number | boolean | Date | null;
  ref: CellRef;
  /**
   * True for an indicator field whose column the table does not have (no 描述 or 依据 column): its text is
   * empty and its ref points past the table's used columns. Rules must not report on it (the engine drops
   * any finding outside the table, see hasColumn in core/parse/query).
   */
  absent?: boolean;
}

export interface MoneyField extends Field {
  /** Parsed amount in the table's money unit; undefined when not a number. */
  amount?: number;
}

export interface SchedulePeriod {
  label: Field;
  /** The value cell under the label; undefined when the row is missing. */
  value?: Field;
  /** Parsed percentage 0–100; null when the cell is blank; undefined when it is not a percentage. */
  percent?: number | null;
  /** Month the period ends at (3, 6, 9, 10, 12), when the label says. */
  month?: number;
}

export interface IndicatorRow {
  /** 0-based sheet row. */
  row: number;
  level1: Field;
  /** True when 一级 was blank or merged and carried down from the row above. */
  level1Carried: boolean;
  level2: Field;
  level2Carried: boolean;
  level3: Field;
  description: Field;
  value: Field;
  basis: Field;
  /** Cells of the extra columns the table has (分值, 计量单位, 实际完成值, 得分, 实施期指标值…), by column key. */
  extra?: Partial<Record<ExtraColumn, Field>>;
  /** Graded tables: the thresholds under 优/良/中/差 (or 优秀/良好/合格…), in column order. */
  grades?: Field[];
}

export interface ParseNote {
  sheet: string;
  ref?: CellRef;
  message: string;
}

export interface ProjectTable {
  /** Stable id: sheet name + address of the table's first cell. */
  id: string;
  sheet: string;
  /** 0-based order in the workbook. */
  index: number;
  /** First and last 0-based sheet rows covered by the table. */
  top: number;
  bottom: number;
  title?: Field;
  unitName?: Field;
  /** Money unit from "单位：万元", default 万元. */
  moneyUnit: string;
  projectCode?: Field;
  projectName?: Field;
  budget?: MoneyField;
  fiscal?: MoneyField;
  /** 上年结转资金, on forms that split it from 当年财政拨款 (预算数 = 财政拨款 + 上年结转 + 其他资金). */
  carryover?: MoneyField;
  other?: MoneyField;
  fundUse?: Field;
  schedule: SchedulePeriod[];
  goal?: Field;
  /** Header row of the indicator grid, with the address of each column header. */
  indicatorHeader?: { row: number; refs: Record<IndicatorColumn, CellRef | undefined> };
  /** Column model of the indicator grid: every recognised column, in sheet order. */
  columns?: IndicatorColumnInfo[];
  indicators: IndicatorRow[];
  /**
   * Used columns of the table (0-based sheet columns, inclusive): the widest extent of its non-empty cells.
   * No finding may point outside [left, right] × [top, bottom].
   */
  left?: number;
  right?: number;
  /** 主管部门, 实施单位, 项目负责人 when the form has them. */
  department?: Field;
  implementer?: Field;
  manager?: Field;
  /** 实施期 (中长期) goal, beside or above the annual one; `goal` is always the annual goal. */
  midTermGoal?: Field;
  /** Self-evaluation forms: what was achieved against the goal (实际完成情况 / 年度总体目标完成情况). */
  goalActual?: Field;
  /** Form kind, when the title or layout says: 申报 (target), 批复/审核 (approval), 自评 (self-evaluation). */
  kind?: 'declare' | 'approve' | 'selfEval';
  /**
   * Further indicator blocks of the same project stacked under one another (实施期 + 年度, 申报 + 自评). The
   * annual (or first) block is `indicators`; the others are kept here with their own columns.
   */
  parts?: TablePartBlock[];
  /** Parts the parser could not read with confidence; rules depending on them stay silent. */
  uncertain?: UncertainPart[];
  notes: ParseNote[];
}

export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'basis';

/** Optional columns of real forms, kept as typed fields of each indicator row. */
export type ExtraColumn =
  | 'weight'
  | 'valueType'
  | 'unit'
  | 'standard'
  | 'priorActual'
  | 'actual'
  | 'score'
  | 'deviation'
  | 'midTermValue'
  | 'midTermLevel2'
  | 'midTermLevel3'
  | 'remark'
  | 'grade';

export type ColumnKey = IndicatorColumn | ExtraColumn;

export interface IndicatorColumnInfo {
  key: ColumnKey;
  /** 0-based sheet column. */
  col: number;
  /** Header title as printed (both rows of a two-row header joined by "/"). */
  title: string;
  ref: CellRef;
}

/** Parts of a table whose reading can be uncertain. */
export type UncertainPart = 'indicators' | 'budget' | 'schedule' | 'goal' | 'fundUse';

export interface TablePartBlock {
  /** 'midTerm' for a 实施期 block, 'annual' for a 年度 one, 'selfEval' for 自评 results, 'other' otherwise. */
  kind: 'midTerm' | 'annual' | 'selfEval' | 'other';
  label?: Field;
  columns: IndicatorColumnInfo[];
  indicators: IndicatorRow[];
}

export interface OverviewArea {
  title: Field;
  goal?: Field;
  indicators?: Field;
}

export interface DepartmentOverview {
  sheet: string;
  heading?: Field;
  overall?: Field;
  areas: OverviewArea[];
  measures: Field[];
}

export interface ParsedWorkbook {
  tables: ProjectTable[];
  overview?: DepartmentOverview;
  notes: ParseNote[];
}
