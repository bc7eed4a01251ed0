import type { Field, IndicatorColumn, IndicatorRow, MoneyField, ProjectTable, SchedulePeriod } from '../model';
import type { CellRef } from '../grid';
import { INDICATOR_HEADER_HINTS, INDICATOR_HEADERS, LABELS, LINE_PATTERNS, NOT_AN_INDICATOR_COLUMN, periodMonth } from './labels';
import { parsePercent } from '../values';
import { parseMoney } from './numbers';
import type { SheetView } from './sheet';

type LabelKind = Exclude<keyof typeof LABELS, (typeof LINE_PATTERNS)[number]>;
const LABEL_KINDS = Object.keys(LABELS).filter((k) => !(LINE_PATTERNS as readonly string[]).includes(k)) as LabelKind[];

/** Kind of a label cell. A trailing colon ("项目编号：") is part of how labels are typed, not of the name. */
export function labelKind(key: string): LabelKind | undefined {
  const k = key.replace(/:+$/, '');
  if (k === '') return undefined;
  return LABEL_KINDS.find((kind) => LABELS[kind].test(k));
}

/** First non-empty, visible cell of a row (grid-local column), if any. */
function firstFilledCol(view: SheetView, row: number): number | undefined {
  for (let c = 0; c < view.cols; c++) {
    if (!view.isMergeSlave(row, c) && view.key(row, c) !== '') return c;
  }
  return undefined;
}

/** A line after a table: "注：…", "填报人：…", "联系电话：…", "填报日期：…". */
export function isFooterRow(view: SheetView, row: number): boolean {
  const c = firstFilledCol(view, row);
  return c !== undefined && LABELS.footer.test(view.key(row, c));
}

function isLabel(key: string): boolean {
  return labelKind(key) !== undefined || periodMonth(key) !== undefined;
}

/** True for the header row of an indicator grid (一级指标 | 二级指标 | 三级指标 …). */
export function isIndicatorHeaderRow(view: SheetView, row: number): boolean {
  let found = 0;
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(row, c);
    if (LABELS.level1.test(k) || LABELS.level2.test(k) || LABELS.level3.test(k)) found++;
  }
  return found >= 2;
}

/** Columns of 项目名称/项目编码 labels in a row. */
function identityLabelCols(view: SheetView, row: number): number[] {
  const cols: number[] = [];
  for (let c = 0; c < view.cols; c++) {
    if (view.isMergeSlave(row, c)) continue;
    const kind = labelKind(view.key(row, c));
    if (kind === 'projectName' || kind === 'projectCode') cols.push(c);
  }
  return cols;
}

type InlineKind = 'projectCode' | 'projectName' | 'budget' | 'fiscal' | 'other' | 'fundUse' | 'goal';
const INLINE_KINDS: readonly string[] = ['projectCode', 'projectName', 'budget', 'fiscal', 'other', 'fundUse', 'goal'];

/** "项目名称：干部培训" — a label and its value typed in one cell. */
export function inlineField(key: string): { kind: InlineKind; value: string } | undefined {
  // Try each colon: "其中:财政资金:30" is labelled by "其中:财政资金".
  for (let i = key.indexOf(':'); i >= 0 && i <= 16; i = key.indexOf(':', i + 1)) {
    if (i < 2 || i === key.length - 1) continue;
    const kind = labelKind(key.slice(0, i));
    if (kind && INLINE_KINDS.includes(kind)) return { kind: kind as InlineKind, value: key.slice(i + 1) };
  }
  return undefined;
}

function readInlineField(view: SheetView, table: ProjectTable, row: number, col: number): void {
  const inline = inlineField(view.key(row, col));
  if (!inline) return;
  const cell = view.field(row, col, inline.kind === 'goal' || inline.kind === 'fundUse');
  // Drop the label with its colons ("其中：财政资金：30" → "30") from the text as shown.
  const labelPart = view.key(row, col).slice(0, -inline.value.length - 1);
  const colons = (labelPart.match(/:/g) ?? []).length + 1;
  let text = cell.text;
  for (let k = 0; k < colons; k++) text = text.replace(/^[^:：]*[:：]\s*/, '');
  const field: Field = { text, raw: text, ref: cell.ref };
  if (inline.kind === 'budget' || inline.kind === 'fiscal' || inline.kind === 'other') {
    table[inline.kind] = { ...field, amount: parseMoney(text, text) };
  } else {
    table[inline.kind] = field;
  }
}

function hasInlineIdentity(view: SheetView, row: number): boolean {
  for (let c = 0; c < view.cols; c++) {
    const kind = inlineField(view.key(row, c))?.kind;
    if (kind === 'projectName' || kind === 'projectCode') return true;
  }
  return false;
}

/**
 * True for the row that opens a target table: a 项目名称/项目编码 label followed by its value (or a blank slot).
 * In a list or summary sheet the same words are column titles followed by more column titles
 * (序号 | 项目名称 | 预算数 | 财政资金…): that is a list header, not a table.
 */
export function isIdentityRow(view: SheetView, row: number): boolean {
  const cols = identityLabelCols(view, row);
  if (cols.length === 0) return hasInlineIdentity(view, row);
  const first = firstFilledCol(view, row);
  if (first !== undefined && LABELS.listIndex.test(view.key(row, first))) return false;
  return cols.some((c) => !isLabel(view.key(row, view.nextSlotCol(row, c))));
}

/** A row of column titles (项目名称 next to 预算数, 项目编码…) heading a list of projects rather than one table. */
export function isListHeaderRow(view: SheetView, row: number): boolean {
  const cols = identityLabelCols(view, row);
  return cols.length > 0 && !isIdentityRow(view, row);
}

/**
 * Column of the value that belongs to the label at (row, col): the first non-empty cell to its right
 * before the next label, or the first slot when the value is blank (so findings can point at it).
 */
function valueCol(view: SheetView, row: number, col: number): number | undefined {
  const first = view.nextSlotCol(row, col);
  for (let c = first; c < view.cols; c++) {
    if (view.isMergeSlave(row, c)) continue;
    const k = view.key(row, c);
    if (k === '') continue;
    return isLabel(k) ? first : c;
  }
  return first;
}

function moneyField(view: SheetView, row: number, col: number): MoneyField {
  const f = view.field(row, col);
  return { ...f, amount: parseMoney(f.raw, f.text) };
}

export interface TableRegion {
  top: number;
  bottom: number;
}

/** Parses one table in rows top..bottom (grid-local, inclusive). */
export function parseTable(view: SheetView, region: TableRegion, index: number): ProjectTable {
  const origin = view.grid.origin?.row ?? 0;
  const table: ProjectTable = {
    id: `${view.sheet}!A${region.top + origin + 1}`,
    sheet: view.sheet,
    index,
    top: region.top + origin,
    bottom: region.bottom + origin,
    moneyUnit: '万元',
    schedule: [],
    indicators: [],
    notes: [],
  };
  let headerRow: number | undefined;
  let firstIdentityRow: number | undefined;
  let budgetRow: number | undefined;
  let fundSection: { row: number; col: number } | undefined;
  // 中长期 forms: columns holding 实施期 money labels (the 财政拨款/其他资金 labels under them belong to 实施期 too).
  const midTermCols = new Set<number>();
  let goalFromColumns = false;
  let carryover: MoneyField | undefined;

  for (let r = region.top; r <= region.bottom && headerRow === undefined; r++) {
    if (isIndicatorHeaderRow(view, r)) {
      headerRow = r;
      break;
    }
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const key = view.key(r, c);
      const kind = labelKind(key);
      if (!kind) {
        readInlineField(view, table, r, c);
        if (inlineField(key)?.kind === 'projectName' || inlineField(key)?.kind === 'projectCode') firstIdentityRow ??= r;
        continue;
      }
      const vc = () => valueCol(view, r, c);
      switch (kind) {
        case 'projectCode':
        case 'projectName': {
          firstIdentityRow ??= r;
          const col = vc();
          if (col !== undefined) table[kind] = view.field(r, col);
          break;
        }
        case 'midTermMoney':
          midTermCols.add(c);
          break;
        case 'carryover': {
          if (midTermCols.has(c)) break;
          const col = vc();
          if (col !== undefined) carryover = moneyField(view, r, col);
          break;
        }
        case 'budget':
        case 'fiscal':
        case 'other': {
          if (midTermCols.has(c)) break;
          const col = vc();
          if (col !== undefined) table[kind] = moneyField(view, r, col);
          if (kind === 'budget') budgetRow = r;
          break;
        }
        case 'fundUse': {
          const col = vc();
          if (col !== undefined) table.fundUse = view.field(r, col, true);
          break;
        }
        case 'fundSection':
          fundSection = { row: r, col: c };
          break;
        case 'schedule':
          table.schedule = readSchedule(view, r, c, region.bottom);
          break;
        case 'midTermGoal':
        case 'goal': {
          if (goalFromColumns) break;
          const under = goalUnderColumnTitle(view, r, region.bottom);
          if (under) {
            // 总体目标 | 实施期目标 | 年度目标 with the texts in the row below: read the 年度 column.
            table.goal = under;
            goalFromColumns = true;
            break;
          }
          if (kind === 'midTermGoal') break;
          const col = vc();
          if (col !== undefined) table.goal = readGoal(view, r, col, c, region.bottom);
          break;
        }
        default:
          break;
      }
    }
  }

  if (carryover) table.carryover = carryover;
  if (!table.fundUse && (fundSection || budgetRow !== undefined)) {
    table.fundUse = findImplicitFundUse(view, fundSection, budgetRow, region.bottom);
  }
  readHeading(view, table, region.top, firstIdentityRow ?? headerRow ?? region.top);

  if (headerRow === undefined) {
    table.notes.push({
      sheet: view.sheet,
      ref: table.projectName?.ref,
      message: '未找到指标表头（一级指标、二级指标、三级指标……），本表的绩效指标未能读取。',
    });
  } else {
    readIndicators(view, table, headerRow, region.bottom);
  }
  return table;
}

/**
 * The 年度 goal of a 中长期 form, where 实施期目标 and 年度目标 are column titles in one row and the goal texts
 * sit under them. undefined when the row is not laid out that way.
 */
function goalUnderColumnTitle(view: SheetView, row: number, bottom: number): Field | undefined {
  let midTerm = false;
  let annual: number | undefined;
  for (let c = 0; c < view.cols; c++) {
    if (view.isMergeSlave(row, c)) continue;
    const k = view.key(row, c).replace(/:+$/, '');
    if (LABELS.midTermGoal.test(k)) midTerm = true;
    else if (/^年度(?:绩效)?目标$/.test(k)) annual = c;
  }
  if (!midTerm || annual === undefined) return undefined;
  const m = view.merge(row, annual);
  const below = (m ? m.bottom - (view.grid.origin?.row ?? 0) : row) + 1;
  if (below > bottom) return undefined;
  return view.field(below, annual, true);
}

function readSchedule(view: SheetView, row: number, col: number, bottom: number): SchedulePeriod[] {
  // Period labels sit right of the label, in its row or (when the label is merged over two rows) the next.
  const labelEnd = view.merge(row, col)?.bottom ?? row;
  for (let r = row; r <= Math.min(labelEnd, bottom); r++) {
    const periods: SchedulePeriod[] = [];
    for (let c = view.spanEnd(row, col) + 1; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const month = periodMonth(view.key(r, c));
      if (month === undefined) continue;
      const label = view.field(r, c);
      const vr = r + 1 <= bottom ? r + 1 : undefined;
      const value = vr === undefined ? undefined : view.field(vr, c);
      periods.push({
        label,
        value,
        month,
        percent: value ? parsePercent(value.raw, value.text) : null,
      });
    }
    if (periods.length) return wholePercentRow(periods);
  }
  return [];
}

/** A number typed without a % sign (General format), e.g. 25 for 25%. */
function barePercentNumber(p: SchedulePeriod): number | undefined {
  const raw = p.value?.raw;
  return typeof raw === 'number' && !/%/.test(p.value?.text ?? '') ? raw : undefined;
}

/**
 * General-format numbers are read as fractions when ≤ 1 (0.25 → 25%). In a row typed as whole percentages
 * (10, 40, 70, 100) a 1 or 0.5 means 1% or 0.5%, not 100% or 50%.
 */
function wholePercentRow(periods: SchedulePeriod[]): SchedulePeriod[] {
  const bare = periods.map(barePercentNumber);
  if (!bare.some((n) => n !== undefined && n > 1)) return periods;
  return periods.map((p, i) => {
    const n = bare[i];
    return n !== undefined && Math.abs(n) <= 1 ? { ...p, percent: n } : p;
  });
}

function readGoal(view: SheetView, row: number, valueColumn: number, labelColumn: number, bottom: number): Field {
  const field = view.field(row, valueColumn, true);
  const lines = field.text ? [field.text] : [];
  // Some sheets put each goal line in its own row under a vertically merged or blank label.
  for (let r = row + 1; r <= bottom; r++) {
    if (isIndicatorHeaderRow(view, r) || isIdentityRow(view, r)) break;
    const labelBlank = view.key(r, labelColumn) === '' || view.isMergeSlave(r, labelColumn);
    const next = view.rawText(r, valueColumn);
    if (!labelBlank || next === '' || isLabel(view.key(r, valueColumn))) break;
    lines.push(next);
  }
  return { ...field, text: lines.join('\n') };
}

/** 资金用途 without its own label: the text row under 预算数 inside the 预算规模及资金用途 block. */
function findImplicitFundUse(
  view: SheetView,
  section: { row: number; col: number } | undefined,
  budgetRow: number | undefined,
  bottom: number,
): Field | undefined {
  const startRow = section?.row ?? budgetRow!;
  const endRow = Math.min(section ? (view.merge(section.row, section.col)?.bottom ?? section.row + 1) : startRow + 1, bottom);
  const fromCol = section ? view.spanEnd(section.row, section.col) + 1 : 1;
  for (let r = startRow; r <= endRow; r++) {
    if (r === budgetRow) continue;
    let hasLabel = false;
    let textCol: number | undefined;
    for (let c = fromCol; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const k = view.key(r, c);
      if (k === '') continue;
      if (labelKind(k)) hasLabel = true;
      else textCol ??= c;
    }
    if (!hasLabel && textCol !== undefined) return view.field(r, textCol, true);
    if (!hasLabel && r !== startRow) return view.field(r, fromCol, true);
  }
  return undefined;
}

function readHeading(view: SheetView, table: ProjectTable, top: number, identityRow: number): void {
  const lines: { row: number; col: number; key: string }[] = [];
  for (let r = top; r < identityRow; r++) {
    // A row with labels (绩效目标 | …) holds fields, not the title or the unit name.
    let labelled = false;
    for (let c = 0; c < view.cols && !labelled; c++) labelled = !!labelKind(view.key(r, c)) || !!inlineField(view.key(r, c));
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const key = view.key(r, c);
      if (key === '' || LABELS.attachment.test(key) || LABELS.footer.test(key)) continue;
      const unit = LABELS.unitLine.exec(key);
      if (unit) {
        table.moneyUnit = unit[1];
        continue;
      }
      if (!labelled) lines.push({ row: r, col: c, key });
    }
  }
  // The title is the line that says 绩效目标表; failing that, the first line of the heading.
  const title = lines.find((l) => LABELS.title.test(l.key)) ?? lines.find((l) => !labelKind(l.key) && !inlineField(l.key));
  if (title) table.title = view.field(title.row, title.col);
  const unitName = lines.find((l) => l !== title && !labelKind(l.key) && !inlineField(l.key));
  if (unitName) table.unitName = view.field(unitName.row, unitName.col);
}

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

function readIndicators(view: SheetView, table: ProjectTable, headerRow: number, bottom: number): void {
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
