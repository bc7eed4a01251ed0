/**
 * Questions rules ask about a parsed table: which columns it has, which parts the parser is unsure of, and
 * whether a cell lies inside it. Rules call these instead of assuming the standard six-column form.
 */
import type { CellRef } from '../grid';
import type { ColumnKey, ProjectTable, UncertainPart } from '../model';

/** True when the indicator grid has this column (e.g. hasColumn(table, 'description')). */
export function hasColumn(table: ProjectTable, key: ColumnKey): boolean {
  if (table.columns) {
    for (const c of table.columns) if (c.key === key) return true;
    return false;
  }
  // Tables built by hand (tests) without a column model: the six standard columns.
  return STANDARD_COLUMNS.has(key);
}

const STANDARD_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['level1', 'level2', 'level3', 'description', 'value', 'basis']);

/** True when the parser could not read this part of the table with confidence. */
export function isUncertain(table: ProjectTable, part: UncertainPart): boolean {
  return table.uncertain?.includes(part) ?? false;
}

/** True when the cell lies inside the table's rows and used columns. */
export function refInTable(table: ProjectTable, ref: CellRef): boolean {
  if (ref.sheet !== table.sheet || ref.row < table.top || ref.row > table.bottom) return false;
  if (table.left !== undefined && ref.col < table.left) return false;
  if (table.right !== undefined && ref.col > table.right) return false;
  return true;
}

const same = (a: CellRef | undefined, b: CellRef) => !!a && a.row === b.row && a.col === b.col && a.sheet === b.sheet;

/** The part of the table a cell belongs to, for silencing findings on unsure parts. */
export function partOfRef(table: ProjectTable, ref: CellRef): UncertainPart | undefined {
  if ([table.budget, table.fiscal, table.other, table.carryover].some((f) => same(f?.ref, ref))) return 'budget';
  if (same(table.goal?.ref, ref) || same(table.midTermGoal?.ref, ref)) return 'goal';
  if (same(table.fundUse?.ref, ref)) return 'fundUse';
  if (table.schedule.some((p) => same(p.label.ref, ref) || same(p.value?.ref, ref))) return 'schedule';
  const header = table.indicatorHeader?.row;
  const last = table.indicators[table.indicators.length - 1]?.row;
  if (header !== undefined && ref.sheet === table.sheet && ref.row >= header && ref.row <= (last ?? header)) return 'indicators';
  return undefined;
}
