/**
 * How a spreadsheet moves cells when a band of rows is inserted (dir 1, shift down) or deleted (dir -1, shift
 * up) in some columns only: the behaviour both host fakes (Excel, WPS) model for 插入模板 and 删除此行.
 */
import type { CellRange } from '../../src/core/grid';

/** Where a row of the band's columns goes; undefined when it is deleted. */
export function shiftedRow(row: number, band: CellRange, dir: 1 | -1): number | undefined {
  const n = band.bottom - band.top + 1;
  if (row < band.top) return row;
  if (dir === 1) return row + n;
  return row <= band.bottom ? undefined : row - n;
}

/** True when a merged area crosses the band's side edges at or below it (the host refuses the change). */
export function cutsMerge(merges: readonly CellRange[], band: CellRange): boolean {
  return merges.some((m) => m.bottom >= band.top && m.left <= band.right && m.right >= band.left && (m.left < band.left || m.right > band.right));
}

/** Merged areas after the shift: those below move, those over the band grow or shrink, emptied ones go. */
export function shiftMerges<M extends CellRange>(merges: readonly M[], band: CellRange, dir: 1 | -1): M[] {
  const n = band.bottom - band.top + 1;
  return merges.flatMap((m) => {
    if (m.right < band.left || m.left > band.right || m.bottom < band.top) return [m];
    if (dir === 1) return [m.top >= band.top ? { ...m, top: m.top + n, bottom: m.bottom + n } : { ...m, bottom: m.bottom + n }];
    if (m.top > band.bottom) return [{ ...m, top: m.top - n, bottom: m.bottom - n }];
    const overlap = Math.min(m.bottom, band.bottom) - Math.max(m.top, band.top) + 1;
    const top = Math.min(m.top, band.top);
    const after = { ...m, top, bottom: top + (m.bottom - m.top + 1 - overlap) - 1 };
    return after.bottom < after.top || (after.top === after.bottom && after.left === after.right) ? [] : [after];
  });
}
