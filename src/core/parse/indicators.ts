/**
 * The indicator grid: a column model built from the header (any subset and order of known columns, extra
 * columns kept as typed fields, two-row headers, graded tables), then one row per 三级 with 一级/二级 carried
 * down through merged or blank cells.
 */
import type { CellRef } from '../grid';
import type { ColumnKey, ExtraColumn, Field, IndicatorColumn, IndicatorColumnInfo, IndicatorRow, ProjectTable } from '../model';
import { classifyStacked, classifyTitle, COLUMN_TITLES, coreTitle, GRADE_TITLE, titlePeriod } from './columns';
import { LABELS } from './labels';
import { firstFilledCol, isFooterRow, isIdentityRow, isIndicatorHeaderRow } from './rows';
import type { SheetView } from './sheet';
import { withoutTrailingColons } from '../text';

export const CORE_COLUMNS: readonly IndicatorColumn[] = ['level1', 'level2', 'level3', 'description', 'value', 'basis'];
const TEXT_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['description', 'value', 'basis']);
/** "指标内容" names the 三级 indicator when the header has no 三级 title, and describes it otherwise. */
const CONTENT_TITLE = /^(?:指标内容|绩效指标内容)$/;
/** Category names as they stand in 一级/二级 cells ("数量指标", "产出指标（50分）"). */
const LEVEL1_NAME = /^(?:产出|效益|满意度|成本|投入|过程|效果|影响|管理|履职)(?:指标)?/;
const LEVEL2_NAME =
  /^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|可持续发展|服务对象满意度|社会公众满意度|满意度|经济成本|社会成本|生态环境成本|预算执行)(?:指标)?/;

/** The grid's columns (grid-local) and header extent. */
export interface ColumnModel {
  headerRow: number;
  /** Last header row (headerRow + 1 for a two-row header). */
  lastHeaderRow: number;
  cols: Partial<Record<ColumnKey, number>>;
  grades: number[];
  list: IndicatorColumnInfo[];
  /** Core columns the header does not have. */
  missing: IndicatorColumn[];
  /** Something in the header could not be read with confidence (duplicate or unplaceable titles). */
  unsure: string[];
}

/** True when row r is a second header row under `header`: only titles, at least one under a merged or blank title. */
function isSubHeaderRow(view: SheetView, header: number): boolean {
  const r = header + 1;
  if (r >= view.rows || isIndicatorHeaderRow(view, r)) return false;
  let titles = 0;
  let underGroup = false;
  for (let c = 0; c < view.cols; c++) {
    if (view.isMergeSlave(r, c)) continue;
    const k = view.key(r, c);
    if (k === '') continue;
    const known = classifyTitle(k) !== undefined || titlePeriod(k) !== undefined || LABELS.subHeader.test(k) || GRADE_TITLE.test(k);
    if (!known) return false;
    titles++;
    const above = view.merge(header, c);
    if ((above && above.right > above.left) || view.key(header, c) === '') underGroup = true;
  }
  return titles > 0 && underGroup;
}

/** Builds the column model from the header row (and the row under it when it is a second header row). */
export function columnModel(view: SheetView, headerRow: number): ColumnModel {
  const twoRows = isSubHeaderRow(view, headerRow);
  const lastHeaderRow = twoRows ? headerRow + 1 : headerRow;
  const cols: Partial<Record<ColumnKey, number>> = {};
  const list: IndicatorColumnInfo[] = [];
  const grades: number[] = [];
  const unsure: string[] = [];
  let content: number | undefined;
  const second: Partial<Record<ColumnKey, IndicatorColumnInfo>> = {};
  const claim = (key: ColumnKey, c: number, title: string, ref: CellRef) => {
    if (cols[key] !== undefined) {
      if ((key === 'level2' || key === 'level3' || key === 'value') && !second[key]) second[key] = { key, col: ref.col, title, ref };
      // Two columns with the same meaning and no period word to tell them apart.
      else if (TEXT_COLUMNS.has(key) || key === 'level3') unsure.push(`两列“${COLUMN_TITLES[key]}”`);
      return;
    }
    cols[key] = c;
    list.push({ key, col: ref.col, title, ref });
  };
  for (let c = 0; c < view.cols; c++) {
    const m = view.master(headerRow, c);
    const upper = m.row === headerRow ? view.key(headerRow, m.col) : view.key(m.row, m.col);
    const upperShown = view.text(m.row, m.col);
    const lowerCell = twoRows && !view.isMergeSlave(headerRow + 1, c) ? view.key(headerRow + 1, c) : '';
    if (lowerCell === '' && m.col !== c) continue; // the rest of a merged title
    if (upper === '' && lowerCell === '') continue;
    const title = lowerCell === '' ? upperShown : `${upperShown}/${view.text(headerRow + 1, c)}`;
    const ref = view.field(lowerCell === '' ? m.row : headerRow + 1, c).ref;
    if (lowerCell === '' && GRADE_TITLE.test(upper)) {
      grades.push(c);
      list.push({ key: 'grade', col: ref.col, title, ref });
      continue;
    }
    if (twoRows && lowerCell !== '' && GRADE_TITLE.test(lowerCell)) {
      grades.push(c);
      list.push({ key: 'grade', col: ref.col, title, ref });
      continue;
    }
    if (lowerCell === '' && CONTENT_TITLE.test(coreTitle(upper))) {
      content ??= c;
      continue;
    }
    const key = twoRows ? classifyStacked(upper, lowerCell) : classifyTitle(upper);
    if (key) claim(key, c, title, ref);
    else if (twoRows && lowerCell !== '' && classifyTitle(upper) !== undefined) unsure.push(`“${title}”列`);
  }
  // Two sets of 二级 | 三级 | 指标值 side by side without period words (中期 | 年度, as 东莞's 批复表 prints
  // them): forms always put the 实施期 set first, so the later set holds this year's indicators. A set is more than
  // a second name column: two name titles alone (评价指标 | 评价内容 | 指标名称) are not two sets, only unsure.
  if (second.level3 && (second.level2 || second.value)) {
    const mid: Record<string, ColumnKey> = { level2: 'midTermLevel2', level3: 'midTermLevel3', value: 'midTermValue' };
    for (const key of ['level2', 'level3', 'value'] as const) {
      const later = second[key];
      if (!later || cols[mid[key]] !== undefined) {
        if (later) unsure.push(`两列“${COLUMN_TITLES[key]}”`);
        continue;
      }
      const first = list.find((c) => c.key === key)!;
      first.key = mid[key];
      cols[mid[key]] = cols[key];
      cols[key] = later.col - (view.grid.origin?.col ?? 0);
      list.push(later);
    }
  } else {
    for (const key of ['level2', 'level3', 'value'] as const) if (second[key]) unsure.push(`两列“${COLUMN_TITLES[key]}”`);
  }
  if (content !== undefined) {
    const key: ColumnKey = cols.level3 === undefined ? 'level3' : 'description';
    if (cols[key] === undefined) claim(key, content, view.text(headerRow, content), view.field(headerRow, content).ref);
  }
  // A blank header cell between two known columns, with the standard order around it (一级 | 二级 | 三级 | ␣ |
  // 指标值 | 依据): the blank is the column the order puts there. A title that names something else never is.
  const core = CORE_COLUMNS;
  for (let i = 1; i + 1 < core.length; i++) {
    const key = core[i];
    const before = cols[core[i - 1]];
    const after = cols[core[i + 1]];
    if (cols[key] !== undefined || before === undefined || after === undefined) continue;
    const gap = view.spanEnd(headerRow, before) + 1;
    if (gap < after && view.spanEnd(headerRow, gap) + 1 === after && view.key(headerRow, gap) === '' && !(twoRows && view.key(headerRow + 1, gap) !== '')) {
      claim(key, gap, '', view.field(headerRow, gap).ref);
    }
  }
  list.sort((a, b) => a.col - b.col);
  const missing = core.filter((k) => cols[k] === undefined);
  return { headerRow, lastHeaderRow, cols, grades, list, missing, unsure };
}

/**
 * Sheet column past the header, where absent columns point (outside the table's used columns). A title merged
 * down from the row above (年度指标值 over 指标性质 | 指标值 | 度量单位, 实际完成值 spanning both rows) counts.
 */
function headerEnd(view: SheetView, model: ColumnModel): number {
  let end = -1;
  for (let r = model.headerRow; r <= model.lastHeaderRow; r++) {
    for (let c = 0; c < view.cols; c++) {
      const m = view.master(r, c);
      if (view.key(m.row, m.col) !== '') end = Math.max(end, view.spanEnd(m.row, m.col));
    }
  }
  return end;
}

const EXTRA_KEYS: readonly ExtraColumn[] = [
  'weight', 'valueType', 'unit', 'standard', 'priorActual', 'actual', 'score', 'deviation', 'midTermValue', 'midTermLevel2', 'midTermLevel3', 'remark',
];

function looksLike(view: SheetView, rows: number[], col: number | undefined, re: RegExp): number {
  if (col === undefined) return 0;
  let hits = 0;
  for (const r of rows) {
    const k = coreTitle(view.key(r, col));
    if (k !== '' && re.test(k)) hits++;
  }
  return hits;
}

function filledCount(view: SheetView, rows: number[], col: number | undefined): number {
  if (col === undefined) return 0;
  return rows.filter((r) => view.key(r, col) !== '').length;
}

/**
 * Forms without a 三级 title that put the indicator names under 二级 (一级指标 | 二级指标 | 指标值, the 二级
 * cells holding "培训人次"): the 二级 column is the 三级 one, and a 一级 column holding 数量指标/质量指标 is the
 * 二级 one. Decided by what the cells hold, never by the title alone.
 */
function shiftNamesUnderLevel2(view: SheetView, model: ColumnModel, rows: number[]): boolean {
  const { cols } = model;
  if (cols.level3 !== undefined || cols.level2 === undefined) return false;
  const filled = filledCount(view, rows, cols.level2);
  const categories = looksLike(view, rows, cols.level2, LEVEL2_NAME) + looksLike(view, rows, cols.level2, LEVEL1_NAME);
  if (filled === 0 || categories * 2 >= filled) return false;
  const level1Filled = filledCount(view, rows, cols.level1);
  const level1AsLevel2 = level1Filled > 0 && looksLike(view, rows, cols.level1, LEVEL2_NAME) * 2 > level1Filled;
  const entry = (key: ColumnKey) => model.list.find((c) => c.key === key);
  const l2 = entry('level2')!;
  l2.key = 'level3';
  cols.level3 = cols.level2;
  delete cols.level2;
  if (level1AsLevel2) {
    entry('level1')!.key = 'level2';
    cols.level2 = cols.level1;
    delete cols.level1;
  }
  model.missing = CORE_COLUMNS.filter((k) => cols[k] === undefined);
  return true;
}

/** Grid-local rows of the indicator block: from under the header to the first row that ends it. */
function dataRows(view: SheetView, model: ColumnModel, bottom: number): number[] {
  const rows: number[] = [];
  const firstCol = Math.min(...Object.values(model.cols).filter((c): c is number => c !== undefined), ...model.grades);
  for (let r = model.lastHeaderRow + 1; r <= bottom; r++) {
    if (view.isRowEmpty(r)) continue;
    if (isIdentityRow(view, r) || isIndicatorHeaderRow(view, r) || isFooterRow(view, r) || isPartLabelRow(view, r)) break;
    // A closing line: 合计/总分 (self-evaluation), 评价结论, 存在问题…, in or left of the first column.
    const filled = firstFilledCol(view, r);
    const first = filled === undefined || filled > firstCol ? '' : view.key(r, filled);
    if (CLOSING.test(coreTitle(first))) break;
    rows.push(r);
  }
  return rows;
}

const CLOSING = /^(?:合计|总计|总分|评价结论|存在问题|改进措施|自评结论|综合评价|其他(?:需要?|需)?说明的?(?:问题|事项|情况)|项目负责人|财务负责人|填报人|审核意见)/;

/** "年度绩效指标", "长期绩效指标", "实施期绩效指标": a line that opens another indicator block of the same table. */
export const PART_LABEL = /^(?:(?:实施期|中长期|长期|中期|项目期|年度|当年|本年度?)(?:绩效)?(?:指标|目标)(?:表)?|绩效(?:指标|目标)(?:\((?:实施期|年度|中长期|长期)\)))$/;

export function isPartLabelRow(view: SheetView, row: number): boolean {
  let seen = 0;
  let label = false;
  for (let c = 0; c < view.cols; c++) {
    if (view.isMergeSlave(row, c)) continue;
    const k = view.key(row, c);
    if (k === '') continue;
    seen++;
    if (PART_LABEL.test(withoutTrailingColons(k))) label = true;
  }
  return label && seen === 1;
}

/** The part label of the indicator block headed at row r: in the header row's first cell or the line above. */
export function partLabelAt(view: SheetView, r: number): { row: number; col: number; key: string } | undefined {
  const first = firstFilledCol(view, r);
  if (first !== undefined && PART_LABEL.test(withoutTrailingColons(view.key(r, first)))) return { row: r, col: first, key: view.key(r, first) };
  for (let above = r - 1; above >= Math.max(0, r - 2); above--) {
    if (view.isRowEmpty(above)) continue;
    if (!isPartLabelRow(view, above)) return undefined;
    const c = firstFilledCol(view, above)!;
    return { row: above, col: c, key: view.key(above, c) };
  }
  return undefined;
}

/** True when the header at row r opens another block (实施期/年度) of the table above it. */
export function opensPart(view: SheetView, r: number): boolean {
  return partLabelAt(view, r) !== undefined;
}

function partKind(key: string | undefined): NonNullable<ProjectTable['parts']>[number]['kind'] {
  if (!key) return 'other';
  if (/实施期|中长期|长期|中期|项目期/.test(key)) return 'midTerm';
  if (/年度|当年|本年/.test(key)) return 'annual';
  if (/自评|实际|完成/.test(key)) return 'selfEval';
  return 'other';
}

export interface IndicatorBlock {
  model: ColumnModel;
  rows: IndicatorRow[];
  /** Grid-local last row of the block. */
  end: number;
}

/** Reads one indicator block under the header at headerRow. */
export function readIndicatorBlock(view: SheetView, headerRow: number, bottom: number): IndicatorBlock {
  const model = columnModel(view, headerRow);
  const rowsHere = dataRows(view, model, bottom);
  shiftNamesUnderLevel2(view, model, rowsHere);
  const { cols } = model;
  const end0 = headerEnd(view, model);
  const origin = view.grid.origin?.row ?? 0;
  const originCol = view.grid.origin?.col ?? 0;
  // Absent columns point past the header: never a cell of the table.
  const absentCol = new Map<IndicatorColumn, number>();
  model.missing.forEach((h, i) => absentCol.set(h, end0 + 1 + i));
  const owner = new Map<number, ColumnKey>();
  for (const info of model.list) owner.set(info.col - originCol, info.key);
  const lastHeaderRow = model.lastHeaderRow;

  const cellAt = (r: number, c: number, key: ColumnKey): Field => {
    // The merge's visible cell (as view.master, without a position object per cell).
    const m = view.merge(r, c);
    const mRow = m ? m.top - origin : r;
    const mCol = m ? m.left - originCol : c;
    // A merge reaching up into the header (a header title merged down over a blank cell) holds no value.
    if (mRow <= lastHeaderRow) return { text: '', raw: null, ref: view.field(r, c).ref };
    // 三级 merged across the 描述 column (or 描述 across 指标值): the text belongs to the left column only.
    const from = owner.get(mCol);
    if (mCol !== c && from !== undefined && from !== key && key !== 'level1' && key !== 'level2') {
      return { text: '', raw: null, ref: view.field(mRow, mCol).ref };
    }
    return view.field(mRow, mCol);
  };
  const cell = (r: number, key: IndicatorColumn): Field => {
    const c = cols[key];
    if (c === undefined) return { text: '', raw: null, ref: view.field(r, absentCol.get(key)!).ref, absent: true };
    return cellAt(r, c, key);
  };
  const keyOf = (r: number, key: ColumnKey): string => (cols[key] === undefined ? '' : view.key(r, cols[key]!));
  const dataKeys = model.list.filter((c) => c.key !== 'level1' && c.key !== 'level2' && c.key !== 'remark');
  // The block's extra columns, in EXTRA_KEYS order: looked up once, not per row.
  const extraKeys = EXTRA_KEYS.filter((k) => cols[k] !== undefined);

  const out: IndicatorRow[] = [];
  let prev: IndicatorRow | undefined;
  let end = lastHeaderRow;
  for (const r of rowsHere) {
    const level2Blank = keyOf(r, 'level2') === '';
    const rest = dataKeys.some((c) => view.key(r, c.col - originCol) !== '');
    if (!rest && level2Blank) {
      // A row with text only in the first column is a footnote, not an indicator.
      if (keyOf(r, 'level1') !== '') break;
      continue;
    }
    const level1Carried = cols.level1 !== undefined && keyOf(r, 'level1') === '' && prev !== undefined;
    const level2Carried = cols.level2 !== undefined && level2Blank && prev !== undefined && (level1Carried || cols.level1 === undefined);
    const row: IndicatorRow = {
      row: r + origin,
      level1: level1Carried ? prev!.level1 : cell(r, 'level1'),
      level1Carried,
      level2: level2Carried ? prev!.level2 : cell(r, 'level2'),
      level2Carried,
      level3: cell(r, 'level3'),
      description: cell(r, 'description'),
      value: cell(r, 'value'),
      basis: cell(r, 'basis'),
    };
    if (extraKeys.length) {
      const extra: Partial<Record<ExtraColumn, Field>> = {};
      for (const k of extraKeys) extra[k] = cellAt(r, cols[k]!, k);
      row.extra = extra;
    }
    if (model.grades.length) row.grades = model.grades.map((c) => cellAt(r, c, 'grade'));
    out.push(row);
    prev = row;
    end = r;
  }
  return { model, rows: out, end };
}

/** Reads the table's main indicator block and records its columns, notes and doubts on the table. */
export function readIndicators(view: SheetView, table: ProjectTable, headerRow: number, bottom: number): IndicatorBlock {
  const block = readIndicatorBlock(view, headerRow, bottom);
  const { model } = block;
  const refs = {} as Record<IndicatorColumn, CellRef | undefined>;
  for (const info of model.list) if ((CORE_COLUMNS as readonly string[]).includes(info.key)) refs[info.key as IndicatorColumn] = info.ref;
  table.indicatorHeader = { row: model.lastHeaderRow === headerRow ? headerRow + (view.grid.origin?.row ?? 0) : headerRow + (view.grid.origin?.row ?? 0), refs };
  table.columns = model.list;
  table.indicators = block.rows;
  const noted = model.missing.filter((h) => h === 'description' || h === 'basis');
  if (noted.length && table.kind !== 'selfEval') {
    const names = noted.map((h) => `“${COLUMN_TITLES[h]}”`).join('');
    table.notes.push({
      sheet: view.sheet,
      ref: CORE_COLUMNS.map((h) => refs[h]).find((ref) => ref !== undefined),
      message: `指标表头（第 ${headerRow + (view.grid.origin?.row ?? 0) + 1} 行）没有${names}列：这些项按空白处理，不作检查；如果评审要求填写，请在表中增加这些列。`,
    });
  }
  if (model.unsure.length) doubt(table, 'indicators', `指标表头中有${model.unsure.join('、')}无法确定含义`);
  readMoreParts(view, table, block, bottom);

  const lastRow = table.indicators[table.indicators.length - 1];
  if (lastRow && !lastRow.value.absent && lastRow.value.text === '' && (lastRow.basis.absent || lastRow.basis.text === '')) {
    table.notes.push({
      sheet: view.sheet,
      ref: lastRow.value.ref,
      message: `本表最后一行指标（第 ${lastRow.row + 1} 行）缺少指标值和确定依据，表格可能不完整（被截断）。`,
    });
  }
  return block;
}

/** Records that a part of the table could not be read with confidence (one info note is built from these). */
export function doubt(table: ProjectTable, part: NonNullable<ProjectTable['uncertain']>[number], why: string): void {
  table.uncertain ??= [];
  if (!table.uncertain.includes(part)) table.uncertain.push(part);
  (doubts.get(table) ?? doubts.set(table, []).get(table)!).push(why);
}

const doubts = new WeakMap<ProjectTable, string[]>();

/** The reasons recorded by doubt(), in order. */
export function doubtsOf(table: ProjectTable): string[] {
  return doubts.get(table) ?? [];
}

/**
 * Further indicator blocks of the same project under the first (长期绩效指标 then 年度绩效指标, 实施期 then 年度):
 * the annual block becomes the table's indicators, the others are kept as parts.
 */
function readMoreParts(view: SheetView, table: ProjectTable, first: IndicatorBlock, bottom: number): void {
  const blocks: { kind: ReturnType<typeof partKind>; label?: Field; block: IndicatorBlock }[] = [];
  const labelOf = (r: number) => {
    const at = partLabelAt(view, r);
    return at ? { kind: partKind(at.key), label: view.field(at.row, at.col) } : { kind: partKind(undefined) };
  };
  blocks.push({ ...labelOf(first.model.headerRow), block: first });
  for (let r = first.end + 1; r <= bottom; r++) {
    if (isIdentityRow(view, r)) break;
    if (!isIndicatorHeaderRow(view, r)) continue;
    if (!opensPart(view, r)) break;
    const block = readIndicatorBlock(view, r, bottom);
    blocks.push({ ...labelOf(r), block });
    r = Math.max(r, block.end);
  }
  if (blocks.length < 2) return;
  const main = blocks.find((b) => b.kind === 'annual') ?? blocks[0];
  const origin = view.grid.origin?.row ?? 0;
  table.indicators = main.block.rows;
  table.columns = main.block.model.list;
  const refs = {} as Record<IndicatorColumn, CellRef | undefined>;
  for (const info of main.block.model.list) if ((CORE_COLUMNS as readonly string[]).includes(info.key)) refs[info.key as IndicatorColumn] = info.ref;
  table.indicatorHeader = { row: main.block.model.headerRow + origin, refs };
  table.parts = blocks
    .filter((b) => b !== main)
    .map((b) => ({ kind: b.kind, ...(b.label ? { label: b.label } : {}), columns: b.block.model.list, indicators: b.block.rows }));
}
