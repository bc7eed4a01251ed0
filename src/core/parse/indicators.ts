/** The indicator grid: header columns, 一级/二级 carried down through merged or blank cells, one row per 三级. */
import type { CellRef } from '../grid';
import type { Field, IndicatorColumn, IndicatorRow, ProjectTable } from '../model';
import { INDICATOR_HEADER_HINTS, INDICATOR_HEADERS, LABELS, NOT_AN_INDICATOR_COLUMN } from './labels';
import { isFooterRow, isIdentityRow, isIndicatorHeaderRow } from './rows';
import type { SheetView } from './sheet';

const COLUMN_NAMES: Record<IndicatorColumn, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
  basis: '指标值确定依据',
};

const TEXT_COLUMNS: ReadonlySet<IndicatorColumn> = new Set<IndicatorColumn>(['description', 'value', 'basis']);

/**
 * A second header row right under the indicator header whose titles are 实施期 / 年度 (中长期 forms with a
 * merged 指标值 title over two sub-columns). Moves the value column to the 年度 sub-column and returns the row,
 * or undefined when there is no such row.
 */
function readSubHeader(
  view: SheetView,
  headerRow: number,
  cols: Partial<Record<IndicatorColumn, number>>,
  refs: Record<IndicatorColumn, CellRef | undefined>,
): number | undefined {
  const r = headerRow + 1;
  if (r >= view.rows || cols.value === undefined) return undefined;
  let annual: number | undefined;
  let titles = 0;
  for (let c = 0; c < view.cols; c++) {
    if (view.isMergeSlave(r, c)) continue;
    const k = view.key(r, c);
    if (k === '') continue;
    if (!LABELS.subHeader.test(k)) return undefined;
    titles++;
    if (annual === undefined && !/^(?:实施期|中长期|项目期)/.test(k)) annual = c;
  }
  if (titles === 0) return undefined;
  // The 年度 sub-column must sit under the 指标值 title: right of it, before the next known column.
  const start = cols.value;
  const nextKnown = Math.min(...Object.values(cols).filter((c): c is number => c !== undefined && c > start), view.cols);
  if (annual !== undefined && annual >= start && annual < nextKnown) {
    cols.value = annual;
    refs.value = view.field(r, annual).ref;
  }
  return r;
}

export function readIndicators(view: SheetView, table: ProjectTable, headerRow: number, bottom: number): void {
  const cols: Partial<Record<IndicatorColumn, number>> = {};
  const refs = {} as Record<IndicatorColumn, CellRef | undefined>;
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(headerRow, c);
    for (const h of INDICATOR_HEADERS) {
      if (cols[h] === undefined && LABELS[h].test(k)) {
        cols[h] = c;
        refs[h] = view.field(headerRow, c).ref;
      }
    }
  }
  // A second header row (实施期 | 年度 under a merged 指标值): the 年度 sub-column holds this year's values.
  const subHeader = readSubHeader(view, headerRow, cols, refs);
  const lastHeaderRow = subHeader ?? headerRow;

  // A header cell left blank (or hidden in a merge) between known ones: assume the standard order. A column
  // the header does not have at all (一级指标 | 二级指标 | 三级指标 | 指标值, no 描述/依据) is never borrowed
  // from a neighbour: its fields read as empty, point past the grid, and the note below says so.
  let headerEnd = -1;
  for (let c = 0; c < view.cols; c++) if (view.key(headerRow, c) !== '') headerEnd = view.spanEnd(headerRow, c);
  const claimed = new Set(Object.values(cols));
  const missing: IndicatorColumn[] = [];
  let last = -1;
  for (const h of INDICATOR_HEADERS) {
    if (cols[h] === undefined) {
      const guess = last + 1; // `last` is the right edge of the previous column's (possibly merged) title
      const title = view.key(headerRow, guess);
      // A blank title, or one that names this column in other words ("指标依据"), in the standard position is
      // taken; 实施期指标值, 备注 and the like are not.
      const fits = title === '' || (INDICATOR_HEADER_HINTS[h].test(title) && !NOT_AN_INDICATOR_COLUMN.test(title));
      if (guess <= headerEnd && !claimed.has(guess) && fits) {
        cols[h] = guess;
        refs[h] = view.field(headerRow, guess).ref;
        claimed.add(guess);
      } else {
        missing.push(h);
        continue;
      }
    }
    last = view.spanEnd(headerRow, cols[h]!);
  }
  missing.forEach((h, i) => (cols[h] = headerEnd + 1 + i));
  table.indicatorHeader = { row: headerRow + (view.grid.origin?.row ?? 0), refs };
  if (missing.length) {
    const names = missing.map((h) => `“${COLUMN_NAMES[h]}”`).join('');
    table.notes.push({
      sheet: view.sheet,
      ref: INDICATOR_HEADERS.map((h) => refs[h]).find((ref) => ref !== undefined),
      message: `指标表头（第 ${headerRow + (view.grid.origin?.row ?? 0) + 1} 行）没有${names}列：这些项按空白处理，不作检查；如果评审要求填写，请在表中增加这些列。`,
    });
  }

  const owner = new Map<number, IndicatorColumn>();
  for (const h of INDICATOR_HEADERS) owner.set(cols[h]!, h);
  let prev: IndicatorRow | undefined;
  for (let r = lastHeaderRow + 1; r <= bottom; r++) {
    if (view.isRowEmpty(r)) continue;
    if (isIdentityRow(view, r) || isIndicatorHeaderRow(view, r) || isFooterRow(view, r)) break;
    const cell = (h: IndicatorColumn): Field => {
      const c = cols[h]!;
      const m = view.master(r, c);
      const here = view.field(r, c);
      // A merge reaching up into the header (a header title merged down over a blank cell) holds no value.
      if (m.row <= lastHeaderRow) return { ...here, text: '', raw: null };
      // 三级 merged across the 描述 column (or 描述 across 指标值): the text belongs to the left column only.
      const from = owner.get(m.col);
      if (m.col !== c && from !== undefined && from !== h && TEXT_COLUMNS.has(h)) {
        return { text: '', raw: null, ref: view.field(m.row, m.col).ref };
      }
      return view.field(m.row, m.col);
    };
    // Merged continuation cells read as empty, so one test covers blank and merged 一级/二级 cells.
    const blankOrMerged = (h: IndicatorColumn): boolean => view.key(r, cols[h]!) === '';
    const level2Blank = blankOrMerged('level2');
    const rest = (['level3', 'description', 'value', 'basis'] as const).some((h) => view.key(r, cols[h]!) !== '');
    if (!rest && level2Blank) {
      // A row with text only in the first column is a footnote, not an indicator.
      if (view.key(r, cols.level1!) !== '') break;
      continue;
    }
    const level1Carried = blankOrMerged('level1') && prev !== undefined;
    const level2Carried = level2Blank && prev !== undefined && level1Carried;
    const row: IndicatorRow = {
      row: r + (view.grid.origin?.row ?? 0),
      level1: level1Carried ? prev!.level1 : cell('level1'),
      level1Carried,
      level2: level2Carried ? prev!.level2 : cell('level2'),
      level2Carried,
      level3: cell('level3'),
      description: cell('description'),
      value: cell('value'),
      basis: cell('basis'),
    };
    table.indicators.push(row);
    prev = row;
  }

  const lastRow = table.indicators[table.indicators.length - 1];
  if (lastRow && lastRow.value.text === '' && lastRow.basis.text === '') {
    table.notes.push({
      sheet: view.sheet,
      ref: lastRow.value.ref,
      message: `本表最后一行指标（第 ${lastRow.row + 1} 行）缺少指标值和确定依据，表格可能不完整（被截断）。`,
    });
  }
}
