import type { Finding, Severity } from '../core/findings';
import { type CellRange, type Grid, gridColCount, toA1 } from '../core/grid';
import { groupByCell, noteText, worstSeverity } from '../core/marks';

export interface LayoutCell {
  /** 0-based sheet coordinates of the (top-left) cell. */
  row: number;
  col: number;
  address: string;
  text: string;
  rowSpan: number;
  colSpan: number;
  severity?: Severity;
  note?: string;
  /** Every address the rendered cell covers (just `address` unless merged). */
  covers: string[];
}

export interface LayoutRow {
  row: number;
  cells: LayoutCell[];
}

export interface SheetLayout {
  rows: LayoutRow[];
  /** Sheet columns shown, 0-based. */
  cols: number[];
  totalRows: number;
  firstRow: number;
  truncatedCols: boolean;
}

/**
 * Lays out rows [start, start + maxRows) of a grid as table rows: merged areas become one cell with
 * rowSpan/colSpan (clipped to the window), marks are attached to the cell that covers their address.
 */
export function layoutSheet(
  grid: Grid,
  marks: readonly Finding[],
  start: number,
  maxRows: number,
  maxCols: number,
): SheetLayout {
  const oRow = grid.origin?.row ?? 0;
  const oCol = grid.origin?.col ?? 0;
  const localRows = grid.cells.length;
  let localCols = gridColCount(grid);
  for (const m of grid.merges) localCols = Math.max(localCols, m.right - oCol + 1);
  let totalRows = localRows;
  for (const m of grid.merges) totalRows = Math.max(totalRows, m.bottom - oRow + 1);
  const truncatedCols = localCols > maxCols;
  localCols = Math.min(localCols, maxCols);
  const first = Math.max(0, Math.min(start, Math.max(0, totalRows - 1)));
  const last = Math.min(totalRows, first + maxRows) - 1;

  // Anchor (clipped to the window) → merge, and every covered non-anchor cell.
  const anchors = new Map<string, CellRange>();
  const covered = new Set<string>();
  for (const m of grid.merges) {
    const top = Math.max(m.top - oRow, first);
    const bottom = Math.min(m.bottom - oRow, last);
    const left = m.left - oCol;
    const right = Math.min(m.right - oCol, localCols - 1);
    if (top > bottom || left > right || left < 0) continue;
    anchors.set(`${top},${left}`, m);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
  }

  const byCell = groupByCell(marks.filter((f) => f.ref.sheet === grid.sheetName));
  const rows: LayoutRow[] = [];
  for (let r = first; r <= last; r++) {
    const cells: LayoutCell[] = [];
    for (let c = 0; c < localCols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const merge = anchors.get(`${r},${c}`);
      const covers: string[] = [];
      let rowSpan = 1;
      let colSpan = 1;
      // A merged area shows the text of its real top-left cell, even when clipped by the window.
      let srcRow = r;
      let srcCol = c;
      if (merge) {
        srcRow = merge.top - oRow;
        srcCol = merge.left - oCol;
        rowSpan = Math.min(merge.bottom - oRow, last) - r + 1;
        colSpan = Math.min(merge.right - oCol, localCols - 1) - c + 1;
        for (let mr = merge.top; mr <= merge.bottom; mr++)
          for (let mc = merge.left; mc <= merge.right; mc++) covers.push(toA1(mr, mc));
      } else {
        covers.push(toA1(r + oRow, c + oCol));
      }
      const found = covers.flatMap((a) => byCell.get(`${grid.sheetName}!${a}`) ?? []);
      const cell = grid.cells[srcRow]?.[srcCol];
      cells.push({
        row: srcRow + oRow,
        col: srcCol + oCol,
        address: toA1(srcRow + oRow, srcCol + oCol),
        text: cell ? cell.text || (cell.value === null ? '' : String(cell.value)) : '',
        rowSpan,
        colSpan,
        covers,
        ...(found.length ? { severity: worstSeverity(found), note: noteText(found) } : {}),
      });
    }
    rows.push({ row: r + oRow, cells });
  }
  const cols = Array.from({ length: localCols }, (_, c) => c + oCol);
  return { rows, cols, totalRows, firstRow: first, truncatedCols };
}
