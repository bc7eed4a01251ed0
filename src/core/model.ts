import type { CellRef } from './grid';

/** One cell read as a labelled field of a table. */
export interface Field {
  /** Displayed text, trimmed. */
  text: string;
  /** Raw value, when the cell holds a number (money as 39, percent as 0.25). */
  raw?: string | number | boolean | Date | null;
  ref: CellRef;
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
  indicators: IndicatorRow[];
  notes: ParseNote[];
}

export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'basis';

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
