import type { Field, IndicatorColumn, IndicatorRow, MoneyField, ProjectTable, SchedulePeriod } from '../model';
import type { CellRef } from '../grid';
import { INDICATOR_HEADERS, LABELS, periodMonth } from './labels';
import { parsePercent } from '../values';
import { parseMoney } from './numbers';
import type { SheetView } from './sheet';

type LabelKind = Exclude<keyof typeof LABELS, 'unitLine' | 'title'>;
const LABEL_KINDS = Object.keys(LABELS).filter((k) => k !== 'unitLine' && k !== 'title') as LabelKind[];

export function labelKind(key: string): LabelKind | undefined {
  if (key === '') return undefined;
  return LABEL_KINDS.find((kind) => LABELS[kind].test(key));
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

export function isIdentityRow(view: SheetView, row: number): boolean {
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(row, c);
    if (LABELS.projectName.test(k) || LABELS.projectCode.test(k)) return true;
  }
  return false;
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

  for (let r = region.top; r <= region.bottom && headerRow === undefined; r++) {
    if (isIndicatorHeaderRow(view, r)) {
      headerRow = r;
      break;
    }
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const kind = labelKind(view.key(r, c));
      if (!kind) continue;
      const vc = () => valueCol(view, r, c);
      switch (kind) {
        case 'projectCode':
        case 'projectName': {
          firstIdentityRow ??= r;
          const col = vc();
          if (col !== undefined) table[kind] = view.field(r, col);
          break;
        }
        case 'budget':
        case 'fiscal':
        case 'other': {
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
        case 'goal': {
          const col = vc();
          if (col !== undefined) table.goal = readGoal(view, r, col, c, region.bottom);
          break;
        }
        default:
          break;
      }
    }
  }

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
    if (periods.length) return periods;
  }
  return [];
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
  for (let r = top; r < identityRow; r++) {
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const key = view.key(r, c);
      if (key === '') continue;
      const unit = LABELS.unitLine.exec(key);
      if (unit) {
        table.moneyUnit = unit[1];
        continue;
      }
      if (!table.title && (LABELS.title.test(key) || r === top)) table.title = view.field(r, c);
      else if (!table.unitName && !labelKind(key)) table.unitName = view.field(r, c);
    }
  }
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
  // A header missing some columns: assume the standard order after the last known one.
  let last = -1;
  for (const h of INDICATOR_HEADERS) {
    if (cols[h] === undefined) cols[h] = last + 1;
    last = cols[h]!;
  }
  table.indicatorHeader = { row: headerRow + (view.grid.origin?.row ?? 0), refs };

  let prev: IndicatorRow | undefined;
  for (let r = headerRow + 1; r <= bottom; r++) {
    if (view.isRowEmpty(r)) continue;
    if (isIdentityRow(view, r) || isIndicatorHeaderRow(view, r)) break;
    const cell = (h: IndicatorColumn): Field => {
      const c = cols[h]!;
      const m = view.master(r, c);
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
