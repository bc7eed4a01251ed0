/**
 * Insertion plans: what a host writes to insert a standard template, as plain data. Hosts only execute a plan;
 * a plan inserts whole rows (content below shifts down) and writes only cells that are empty.
 */
import { groupBy } from '../groupBy';
import { FRAMEWORKS, type FrameworkKey } from '../frameworks';
import { type CellRange, type CellRef, toA1 } from '../grid';
import type { ProjectTable } from '../model';
import { isFillerName } from '../rules/filler-indicator';
import { compact } from '../text';
import { templateInputs } from '../values';
import type { RenderedRow, RenderedTemplate } from './render';

/** How a planned cell is formatted; hosts map these to fonts, fills and number formats. */
export type CellRole = 'title' | 'unit' | 'label' | 'text' | 'header' | 'indicator' | 'money';

export interface PlannedValidation {
  /** Absolute sheet range. */
  range: CellRange;
  /** Dropdown entries. Other values stay allowed (clerks' variants such as "产出指标（50分）"). */
  list: string[];
}

export interface InsertPlan {
  sheet: string;
  /** New rows go below this 0-based sheet row (-1 = at the top); everything below shifts down. */
  after: number;
  /** 0-based sheet column of the first planned column. */
  left: number;
  /** Cells of the inserted rows (relative to left), null = empty. */
  rows: (string | number | null)[][];
  /** Role of each planned cell, same shape as rows. */
  roles: CellRole[][];
  /** Merged areas in absolute sheet coordinates after insertion. */
  merges: CellRange[];
  validations: PlannedValidation[];
  /** Cells that hold 【请填写…】 inputs, absolute after insertion. */
  inputs: { label: string; ref: CellRef }[];
  /** Whole block written (absolute, after insertion): borders and the input highlight rule cover it. */
  block: CellRange;
  /** Existing empty cells to write (replace mode); never a non-empty cell. */
  writes: { ref: CellRef; text: string }[];
  /** zh-CN lines for the preview: what will happen, and what is left to the clerk. */
  preview: string[];
  /**
   * Rows whose formats the inserted rows copy, so they look like the surrounding table (fonts, borders, fills of
   * header rows): per inserted row a 0-based sheet row as it is BEFORE insertion, or null for the role's standard
   * format; `left` is the source's column that matches the plan's `left`. Hosts apply the role formats first and
   * then copy over them.
   */
  formatFrom?: { rows: (number | null)[]; left: number };
}

export const TABLE_WIDTH = 7;
const HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
export const SCHEDULE_LABELS = ['3月底', '6月底', '9月底', '12月底'];
const BASIS_CATEGORIES = ['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准'];

export interface TablePlanOptions {
  sheet: string;
  /** 0-based sheet row and column of the selected cell: the table starts there. */
  row: number;
  col: number;
  unitName?: string;
  projectCode?: string;
  budget?: number;
  /** An existing table whose look the new one copies (title, field rows, indicator header and rows). */
  like?: ProjectTable;
}

function ref(sheet: string, row: number, col: number): CellRef {
  return { sheet, row, col, address: toA1(row, col) };
}

function validationsFor(framework: FrameworkKey, sheet: string, top: number, bottom: number, left: number): PlannedValidation[] {
  const fw = FRAMEWORKS[framework];
  const col = (c: number): CellRange => ({ top, bottom, left: left + c, right: left + c });
  void sheet;
  return [
    { range: col(0), list: fw.level1.map((l) => l.name) },
    { range: col(1), list: fw.level1.flatMap((l) => l.level2.map((x) => x.name)) },
    { range: col(5), list: BASIS_CATEGORIES.map((c) => `${c}：`) },
  ];
}

function indicatorCells(r: RenderedRow, showLevel1: boolean): (string | null)[] {
  return [showLevel1 ? r.level1 : null, r.level2, r.level3, r.description, r.value, r.basis, null];
}

function collectInputs(plan: Pick<InsertPlan, 'rows' | 'after' | 'left' | 'sheet'>): { label: string; ref: CellRef }[] {
  const out: { label: string; ref: CellRef }[] = [];
  plan.rows.forEach((cells, i) =>
    cells.forEach((v, c) => {
      if (typeof v !== 'string') return;
      for (const label of templateInputs(v)) out.push({ label, ref: ref(plan.sheet, plan.after + 1 + i, plan.left + c) });
    }),
  );
  return out;
}

/** A whole new project table (fields, schedule, goal, indicators) starting at the selected cell. */
export function planNewTable(r: RenderedTemplate, opts: TablePlanOptions): InsertPlan {
  const L = opts.col;
  const T = opts.row;
  const rows: (string | number | null)[][] = [];
  const roles: CellRole[][] = [];
  const merges: CellRange[] = [];
  const from: (number | null)[] = [];
  const like = likeRows(opts.like);
  const add = (cells: (string | number | null)[], role: CellRole[] | CellRole, source?: keyof typeof like): number => {
    const padded = [...cells, ...new Array(TABLE_WIDTH).fill(null)].slice(0, TABLE_WIDTH);
    rows.push(padded);
    roles.push(Array.isArray(role) ? role : new Array(TABLE_WIDTH).fill(role));
    from.push(source ? (like[source] ?? null) : null);
    return T + rows.length - 1;
  };
  const merge = (top: number, left: number, bottom: number, right: number): void => {
    merges.push({ top, left: L + left, bottom, right: L + right });
  };
  const lt: CellRole[] = ['label', 'text', 'text', 'label', 'text', 'text', 'text'];
  let y = add([`${r.projectName}绩效目标表`], 'title', 'title');
  merge(y, 0, y, 6);
  y = add([opts.unitName ?? null, null, null, null, null, '单位：万元'], 'unit');
  merge(y, 0, y, 4);
  merge(y, 5, y, 6);
  y = add(['项目编码', opts.projectCode ?? '【请填写项目编码】', null, '项目名称', r.projectName], lt, 'fields');
  merge(y, 1, y, 2);
  merge(y, 4, y, 6);
  const money = opts.budget !== undefined && opts.budget > 0 ? Math.round(opts.budget * 100) / 100 : null;
  y = add(['预算规模及资金用途', '预算数', money, '其中：财政资金', money, '其他资金', null], ['label', 'label', 'money', 'label', 'money', 'label', 'money'], 'money');
  const budgetTop = y;
  y = add([null, r.fundUse], 'text', 'fundUse');
  merge(budgetTop, 0, y, 0);
  merge(y, 1, y, 6);
  y = add(['资金支出计划（%）', ...SCHEDULE_LABELS], ['label', 'header', 'header', 'header', 'header', 'text', 'text']);
  const schedTop = y;
  y = add([], 'text');
  merge(schedTop, 0, y, 0);
  merge(schedTop, 5, y, 6);
  y = add(['绩效目标', r.goal], lt, 'goal');
  merge(y, 1, y, 6);
  y = add(HEADER, 'header', 'header');
  merge(y, 5, y, 6);
  const first = y + 1;
  let groupStart = first;
  r.rows.forEach((row, i) => {
    const newGroup = i === 0 || r.rows[i - 1].level1 !== row.level1;
    if (newGroup && i > 0) merge(groupStart, 0, T + rows.length - 1, 0);
    if (newGroup) groupStart = T + rows.length;
    y = add(indicatorCells(row, newGroup), 'indicator', 'indicator');
    merge(y, 5, y, 6);
  });
  if (r.rows.length > 0) merge(groupStart, 0, y, 0);
  // One empty row keeps the new table apart from whatever followed the selected cell.
  add([], 'text');
  const plan: InsertPlan = {
    sheet: opts.sheet,
    after: T - 1,
    left: L,
    rows,
    roles,
    merges: merges.filter((m) => m.bottom > m.top || m.right > m.left),
    validations: r.rows.length ? validationsFor(r.framework, opts.sheet, first, y, L) : [],
    inputs: [],
    block: { top: T, left: L, bottom: T + rows.length - 2, right: L + TABLE_WIDTH - 1 },
    writes: [],
    preview: [],
    ...(opts.like && from.some((x) => x !== null) ? { formatFrom: { rows: from, left: tableLeft(opts.like) } } : {}),
  };
  plan.inputs = collectInputs(plan);
  plan.preview = [
    `在 ${opts.sheet}!${toA1(T, L)} 插入“${r.template.title}”模板的完整项目表，共 ${rows.length - 1} 行（其中指标 ${r.rows.length} 行），表后留一空行；原有内容整体下移，不改动任何已有单元格。`,
    ...inputLines(plan.inputs),
  ];
  return plan;
}

/** First column of a table's indicator grid (where a new table's 一级 column goes). */
function tableLeft(t: ProjectTable): number {
  return t.indicatorHeader?.refs.level1?.col ?? t.indicators[0]?.level1.ref.col ?? t.left ?? 0;
}

/** Rows of an existing table to copy formats from, by kind of row. */
function likeRows(t: ProjectTable | undefined): Record<'title' | 'fields' | 'money' | 'fundUse' | 'goal' | 'header' | 'indicator', number | undefined> {
  // Only rows that really belong to the table; its title may sit just above the grid.
  const inside = (row: number | undefined, above = 0): number | undefined =>
    t && row !== undefined && row >= t.top - above && row <= t.bottom ? row : undefined;
  return {
    title: inside(t?.title?.ref.row, 2),
    fields: inside(t?.projectName?.ref.row),
    money: inside(t?.budget?.ref.row),
    fundUse: inside(t?.fundUse?.ref.row),
    goal: inside(t?.goal?.ref.row),
    header: inside(t?.indicatorHeader?.row),
    // The second indicator row when there is one: the first often carries a merged 一级 cell.
    indicator: inside(t?.indicators[1]?.row ?? t?.indicators[0]?.row),
  };
}

/**
 * The table a new table at a sheet row should look like: the nearest one above it on that sheet, else the
 * nearest below; undefined on a sheet without tables.
 */
export function neighbourTable(tables: readonly ProjectTable[], sheet: string, row: number): ProjectTable | undefined {
  const onSheet = tables.filter((t) => t.sheet === sheet);
  const above = onSheet.filter((t) => t.bottom < row).sort((a, b) => b.bottom - a.bottom)[0];
  return above ?? onSheet.filter((t) => t.top >= row).sort((a, b) => a.top - b.top)[0];
}

function inputLines(inputs: InsertPlan['inputs']): string[] {
  if (inputs.length === 0) return ['所有数据均已填写。'];
  const byLabel = groupBy(inputs, (i) => i.label);
  return [`需要填写的数据 ${byLabel.size} 项（已用黄色标出，填写后标色自动消失）：`, ...[...byLabel].map(([l, is]) => `  ${l}：${is.map((i) => i.ref.address).join('、')}`)];
}

const isEmptyRow = (row: ProjectTable['indicators'][number]): boolean =>
  [row.level3, row.description, row.value, row.basis].every((f) => compact(f.text) === '');

/**
 * Completes the indicator block of an existing table with the template: template rows whose 三级 name the table
 * lacks go first into fully empty indicator rows (only their empty cells are written), the rest are inserted as
 * new rows below the last indicator row. Filler rows ("生态效益指标") are never touched, only listed for deletion.
 */
export function planIndicatorCompletion(table: ProjectTable, r: RenderedTemplate): InsertPlan {
  const present = new Set(table.indicators.map((x) => compact(x.level3.text)).filter(Boolean));
  const todo = r.rows.filter((row) => !present.has(compact(row.level3)));
  const empty = table.indicators.filter(isEmptyRow);
  const filler = table.indicators.filter((x) => isFillerName(x.level3.text));
  const writes: InsertPlan['writes'] = [];
  const reused = Math.min(empty.length, todo.length);
  for (let i = 0; i < reused; i++) {
    const target = empty[i];
    const row = todo[i];
    const cells: [typeof target.level1, string][] = [
      [target.level1, row.level1],
      [target.level2, row.level2],
      [target.level3, row.level3],
      [target.description, row.description],
      [target.value, row.value],
      [target.basis, row.basis],
    ];
    for (const [f, text] of cells) {
      // A carried (merged or blank-below) 一级 is left alone: the merged cell above already says it.
      if (f === target.level1 && target.level1Carried) continue;
      if (compact(f.text) === '') writes.push({ ref: f.ref, text });
    }
  }
  const rest = todo.slice(reused);
  const last = table.indicators[table.indicators.length - 1];
  const after = last ? last.row : table.indicatorHeader?.row ?? table.bottom;
  const left = table.indicatorHeader?.refs.level1?.col ?? last?.level1.ref.col ?? 0;
  const rows = rest.map((row) => indicatorCells(row, true));
  const roles = rows.map(() => new Array<CellRole>(TABLE_WIDTH).fill('indicator'));
  const basisCol = table.indicatorHeader?.refs.basis?.col ?? left + 5;
  const merges: CellRange[] = basisCol === left + 5 ? rest.map((_, i) => ({ top: after + 1 + i, left: left + 5, bottom: after + 1 + i, right: left + 6 })) : [];
  const plan: InsertPlan = {
    sheet: table.sheet,
    after,
    left,
    rows,
    roles,
    merges,
    validations: rows.length ? validationsFor(r.framework, table.sheet, after + 1, after + rows.length, left) : [],
    inputs: [],
    block: { top: after + 1, left, bottom: after + Math.max(rows.length, 1), right: left + TABLE_WIDTH - 1 },
    writes,
    preview: [],
    // The new rows look like the table's last indicator row.
    ...(rows.length && last ? { formatFrom: { rows: rows.map(() => after), left } } : {}),
  };
  plan.inputs = [
    ...writes.flatMap((w) => templateInputs(w.text).map((label) => ({ label, ref: w.ref }))),
    ...collectInputs(plan),
  ];
  const name = table.projectName?.text ?? table.title?.text ?? table.id;
  plan.preview = [
    `为“${name}”补充“${r.template.title}”模板中本表没有的指标 ${todo.length} 项：` +
      (reused ? `填入 ${reused} 个空行，` : '') +
      (rows.length ? `在第 ${after + 1} 行下方插入 ${rows.length} 行（下方内容整体下移）` : '不插入新行') +
      '；已有内容的单元格一律不改动。',
    ...(r.rows.length - todo.length > 0 ? [`本表已有同名指标 ${r.rows.length - todo.length} 项，保留原样。`] : []),
    ...(filler.length
      ? [`本表有 ${filler.length} 行只写了类别名称的凑数指标（${filler.map((f) => f.level3.ref.address).join('、')}），插入后请手工删除这些行。`]
      : []),
    ...inputLines(plan.inputs),
  ];
  return plan;
}

/** Where inserted row `i` copies its formats from, in sheet rows AFTER the insertion; undefined: role formats. */
export function formatSource(plan: InsertPlan, i: number): { row: number; left: number } | undefined {
  const row = plan.formatFrom?.rows[i];
  if (row === null || row === undefined) return undefined;
  const at = plan.after + 1;
  return { row: row >= at ? row + plan.rows.length : row, left: plan.formatFrom!.left };
}

/** Every cell a plan writes, in absolute coordinates (inserted rows and writes into empty cells). */
export function plannedCells(plan: InsertPlan): { ref: CellRef; value: string | number }[] {
  const out: { ref: CellRef; value: string | number }[] = [];
  plan.rows.forEach((cells, i) =>
    cells.forEach((v, c) => {
      if (v !== null && v !== '') out.push({ ref: ref(plan.sheet, plan.after + 1 + i, plan.left + c), value: v });
    }),
  );
  for (const w of plan.writes) out.push({ ref: w.ref, value: w.text });
  return out;
}

/** The table whose rows contain the cell, if any. */
export function tableAt(tables: readonly ProjectTable[], sheet: string, row: number): ProjectTable | undefined {
  return tables.find((t) => t.sheet === sheet && row >= t.top && row <= t.bottom);
}

/**
 * What inserting at a selected cell means: inside an existing table, complete its indicators; elsewhere,
 * a whole new table starting at the cell.
 */
export function planForCell(
  tables: readonly ProjectTable[],
  render: (budget: number | undefined, table: ProjectTable | undefined) => RenderedTemplate,
  at: { sheet: string; row: number; col: number },
  extra: Omit<TablePlanOptions, 'sheet' | 'row' | 'col'> = {},
): InsertPlan {
  const table = tableAt(tables, at.sheet, at.row);
  if (table) return planIndicatorCompletion(table, render(table.budget?.amount, table));
  return planNewTable(render(extra.budget, undefined), { like: neighbourTable(tables, at.sheet, at.row), ...extra, ...at });
}
