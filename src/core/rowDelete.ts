/**
 * "删除此行": removing one indicator row of a table. Pure functions shared by every host: the plan (which
 * cells go, which category names must be carried to the row that moves up), its effect on a Grid snapshot,
 * and the shift of every address below it (findings, fixes, stored marks).
 */
import type { Cell, CellRange, CellRef, Grid } from './grid';
import { columnLetters, parseA1, toA1 } from './grid';
import type { Field, IndicatorRow, ProjectTable } from './model';
import type { Finding, Fix, RowDeletion } from './findings';
import { memoByObject } from './memo';

/** Every cell of an indicator row the parser read, by field. */
function rowFields(row: IndicatorRow): Field[] {
  return [
    row.level1,
    row.level2,
    row.level3,
    row.description,
    row.value,
    row.basis,
    ...Object.values(row.extra ?? {}).filter((f): f is Field => !!f),
    ...(row.grades ?? []),
  ];
}

/**
 * Used columns of a table: its recorded extent, widened to every column of its indicator grid. Asked once per
 * deletable row of a table: computed once per table (a parsed table does not change).
 */
export const tableColumns = memoByObject((table: ProjectTable): { left: number; right: number } | undefined => {
  let left = Infinity;
  let right = -Infinity;
  const add = (col: number): void => {
    if (col < left) left = col;
    if (col > right) right = col;
  };
  for (const c of table.columns ?? []) add(c.col);
  for (const r of table.indicators) for (const f of rowFields(r)) if (!f.absent) add(f.ref.col);
  if (table.left !== undefined) add(table.left);
  if (table.right !== undefined) add(table.right);
  return left <= right ? { left, right } : undefined;
});

/** Last row of a table, its indicator rows included (asked once per deletable row: computed once per table). */
const tableBottom = memoByObject((table: ProjectTable): number => table.indicators.reduce((b, r) => Math.max(b, r.row), table.bottom));

/**
 * The deletion of one indicator row of its table, or undefined when it cannot be planned safely: the row is
 * not an indicator row of the table, or a later row that is not directly below takes a name from it.
 */
export function planRowDeletion(table: ProjectTable, row: IndicatorRow): RowDeletion | undefined {
  const i = table.indicators.indexOf(row);
  const span = tableColumns(table);
  if (i < 0 || !span) return undefined;
  const own = rowFields(row).filter((f) => !f.absent && f.ref.row === row.row && f.ref.sheet === table.sheet);
  // Fields of the next row that come from a cell of this row: a 一级/二级 written once, or a merged area's top
  // (a name carried further down always passes through the next row).
  const next = table.indicators[i + 1] as IndicatorRow | undefined;
  const nextFields = next ? rowFields(next) : [];
  const taken = own.filter((f) => f.text.trim() && nextFields.some((g) => g.ref.row === f.ref.row && g.ref.col === f.ref.col));
  if (taken.length && next!.row !== row.row + 1) return undefined; // a gap row would receive the name and read as a footnote
  const carry: { col: number; text: string }[] = [];
  for (const f of taken) if (!carry.some((c) => c.col === f.ref.col)) carry.push({ col: f.ref.col, text: f.text });
  const bottom = tableBottom(table);
  const own3 = row.level3.ref.row === row.row && !row.level3.absent;
  const plan: RowDeletion = { sheet: table.sheet, row: row.row, bottom, left: span.left, right: span.right, carry };
  if (own3) plan.check = { col: row.level3.ref.col, text: row.level3.text };
  return plan;
}

/** The "删除此行" fix for an indicator row (undefined when the row cannot be deleted safely). */
export function deleteRowFix(table: ProjectTable, row: IndicatorRow): Omit<Fix, 'ref'> | undefined {
  const deleteRow = planRowDeletion(table, row);
  if (!deleteRow) return undefined;
  return { kind: 'delete-row', from: row.level3.text, to: '', description: rowDeletionText(deleteRow), deleteRow };
}

/** zh-CN: "删除第16行（A至F列），下方内容上移一行". */
export function rowDeletionText(d: RowDeletion): string {
  const cols = d.left === d.right ? `${columnLetters(d.left)}列` : `${columnLetters(d.left)}至${columnLetters(d.right)}列`;
  return `删除第${d.row + 1}行（${cols}），下方内容上移一行`;
}

/** zh-CN refusal when the row no longer shows what the check expects (the sheet changed since the check). */
export function rowDeletionStale(d: RowDeletion, shown: string | undefined): string | undefined {
  if (!d.check || (shown ?? '').trim() === d.check.text.trim()) return undefined;
  return `第${d.row + 1}行的内容已经改变（${toA1(d.row, d.check.col)} 现为“${(shown ?? '').trim()}”），未删除。请重新校验后再操作。`;
}

/**
 * Why a deletion cannot be done, in zh-CN, or undefined. A merged area at or below the row that crosses the
 * table's side edges, or that crosses its last row, would be cut by the shift (spreadsheet programs, which
 * shift cells down to the sheet's end and back, refuse both anywhere below the row).
 */
export function rowDeletionBlocked(merges: readonly CellRange[], d: RowDeletion): string | undefined {
  const cut = merges.find(
    (m) =>
      m.bottom >= d.row &&
      m.left <= d.right &&
      m.right >= d.left &&
      (m.left < d.left || m.right > d.right || (m.top <= d.bottom && m.bottom > d.bottom)),
  );
  if (!cut) return undefined;
  return `合并单元格 ${toA1(cut.top, cut.left)}:${toA1(cut.bottom, cut.right)} 跨出了本表的范围，删除此行会拆开它。请手工删除此行。`;
}

/**
 * The deletion widened to whole merged areas on the moving rows: a reader may clip a merge to the cells that
 * hold values (F16:G16 read as F16), while the spreadsheet program shifts the whole area.
 */
export function widenToMerges(d: RowDeletion, merges: readonly CellRange[]): RowDeletion {
  let { left, right } = d;
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of merges) {
      if (m.bottom < d.row || m.top > d.bottom || m.right < left || m.left > right) continue;
      if (m.left < left || m.right > right) {
        left = Math.min(left, m.left);
        right = Math.max(right, m.right);
        changed = true;
      }
    }
  }
  return left === d.left && right === d.right ? d : { ...d, left, right };
}

/** Where a merged area ends up; undefined when it disappears (it was on the deleted row only, or becomes one cell). */
export function mergeAfterDeletion(m: CellRange, d: RowDeletion): CellRange | undefined {
  if (m.right < d.left || m.left > d.right || m.bottom < d.row || m.top > d.bottom) return m;
  const moved = m.top > d.row ? { ...m, top: m.top - 1, bottom: m.bottom - 1 } : { ...m, bottom: m.bottom - 1 };
  if (moved.bottom < moved.top || (moved.top === moved.bottom && moved.left === moved.right)) return undefined;
  return moved;
}

/** Where a cell ends up; undefined when it was on the deleted row. Cells outside the table stay. */
export function refAfterDeletion<R extends CellRef>(ref: R, d: RowDeletion): R | undefined {
  if (ref.sheet !== d.sheet || ref.col < d.left || ref.col > d.right || ref.row < d.row || ref.row > d.bottom) return ref;
  if (ref.row === d.row) return undefined;
  return { ...ref, row: ref.row - 1, address: toA1(ref.row - 1, ref.col) };
}

/** The same for an A1 address on a sheet (stored marks are kept by address). */
export function addressAfterDeletion(sheet: string, address: string, d: RowDeletion): string | undefined {
  const pos = parseA1(address);
  if (!pos) return address;
  return refAfterDeletion({ sheet, row: pos.row, col: pos.col, address }, d)?.address;
}

function deletionAfterDeletion(other: RowDeletion, d: RowDeletion): RowDeletion | undefined {
  if (other.sheet !== d.sheet || other.right < d.left || other.left > d.right || other.row < d.row || other.row > d.bottom) return other;
  if (other.row === d.row) return undefined;
  return { ...other, row: other.row - 1 };
}

/**
 * Findings after a deletion: those on the deleted cells go, those below them move up one row (with their
 * fixes). Messages are not rewritten: a re-check after the deletion gives fresh ones.
 */
export function findingsAfterDeletion(findings: readonly Finding[], d: RowDeletion): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const ref = refAfterDeletion(f.ref, d);
    if (!ref) continue;
    if (!f.fix) {
      out.push(ref === f.ref ? f : { ...f, ref });
      continue;
    }
    const fixRef = refAfterDeletion(f.fix.ref, d);
    const deleteRow = f.fix.deleteRow ? deletionAfterDeletion(f.fix.deleteRow, d) : undefined;
    const fixGone = !fixRef || (!!f.fix.deleteRow && !deleteRow);
    const { fix: _old, ...rest } = f;
    if (fixGone) out.push({ ...rest, ref });
    else {
      const fix: Fix = { ...f.fix, ref: fixRef, ...(deleteRow ? { deleteRow, description: rowDeletionText(deleteRow) } : {}) };
      out.push({ ...rest, ref, fix });
    }
  }
  return out;
}

/**
 * A Grid after the deletion: the table's columns on the row removed, the table's cells below it moved up
 * (its last row left empty), merged areas shrunk or moved, carried names written. Throws (zh-CN) when a
 * merged area would be cut.
 */
export function gridAfterDeletion(grid: Grid, d: RowDeletion): Grid {
  if (grid.sheetName !== d.sheet) return grid;
  const blocked = rowDeletionBlocked(grid.merges, d);
  if (blocked) throw new Error(blocked);
  const oRow = grid.origin?.row ?? 0;
  const oCol = grid.origin?.col ?? 0;
  const stale = d.check && rowDeletionStale(d, grid.cells[d.row - oRow]?.[d.check.col - oCol]?.text);
  if (stale) throw new Error(stale);
  const at = d.row - oRow;
  const from = Math.max(0, d.left - oCol);
  const to = d.right - oCol;
  if (at < 0 || to < 0) throw new Error(`第${d.row + 1}行不在工作表“${grid.sheetName}”的数据区域内`);
  const cells = grid.cells.map((r) => r);
  // The top cell of a merged area that starts on the row and continues below moves to its new top.
  const carry = new Map<number, Cell>();
  for (const m of grid.merges) {
    if (m.top === d.row && m.bottom > d.row && m.left >= d.left && m.right <= d.right) {
      const top = cells[at]?.[m.left - oCol];
      if (top) carry.set(m.left - oCol, top);
    }
  }
  for (const c of d.carry) carry.set(c.col - oCol, { value: c.text, text: c.text });
  const last = Math.min(d.bottom - oRow, cells.length - 1);
  for (let r = at; r <= last; r++) {
    const next = r < last ? cells[r + 1] : undefined;
    const row = [...(cells[r] ?? [])];
    for (let c = from; c <= to; c++) {
      const moved = next?.[c];
      if (moved === undefined && c >= row.length) continue;
      while (row.length < c) row.push(undefined);
      row[c] = moved;
    }
    while (row.length && row[row.length - 1] === undefined) row.pop();
    cells[r] = row;
  }
  if (at <= last) {
    const row = [...cells[at]];
    for (const [c, cell] of carry) {
      if (c < from || c > to) continue;
      while (row.length <= c) row.push(undefined);
      row[c] = row[c] ?? cell;
    }
    cells[at] = row;
  }
  while (cells.length && !cells[cells.length - 1]?.length) cells.pop();
  const merges = grid.merges.map((m) => mergeAfterDeletion(m, d)).filter((m): m is CellRange => !!m);
  return { ...grid, cells, merges };
}
