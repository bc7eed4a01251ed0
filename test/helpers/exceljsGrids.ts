/** The ExcelJS-based reader the bounded reader replaced, as a reference for equality tests. */
import type { CellRange, Grid } from '../../src/core/grid';
import { loadWorkbook, workbookToGrids } from './exceljsReader';

/**
 * ExcelJS grids normalised the one way the bounded reader differs on purpose: merges are clipped to the
 * rows and columns holding values, and a merge clipped down to one cell is dropped.
 */
export async function exceljsGrids(bytes: Uint8Array): Promise<Grid[]> {
  const grids = workbookToGrids(await loadWorkbook(bytes));
  return grids.map((g) => {
    let maxRow = -1;
    let maxCol = -1;
    g.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell === undefined) return;
        maxRow = Math.max(maxRow, r);
        maxCol = Math.max(maxCol, c);
      }),
    );
    const merges: CellRange[] = [];
    for (const m of g.merges) {
      const clipped = { ...m, bottom: Math.min(m.bottom, maxRow), right: Math.min(m.right, maxCol) };
      if (m.top > maxRow || m.left > maxCol) continue;
      if (clipped.bottom > clipped.top || clipped.right > clipped.left) merges.push(clipped);
    }
    return { ...g, merges };
  });
}
