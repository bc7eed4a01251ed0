import { type Grid, type CellRange, gridColCount, refAt, textAt, cellAt } from '../grid';
import type { Field } from '../model';
import { compact } from '../text';

/** Characters SheetView.text changes (besides the trim): tabs, ideographic spaces, line ends, runs of spaces. */
const NEEDS_TIDY = /[\t\u3000\r\n]| {2}/;

/**
 * A read-only view over one grid with label-friendly text: every cell's displayed text is kept
 * as typed (for messages) and in a compact form (width-folded, no spaces) for label matching.
 */
export class SheetView {
  readonly rows: number;
  readonly cols: number;
  private readonly keys: string[][];
  /**
   * Merged areas by grid-local row, each row's list sorted by left column: building costs the merges'
   * heights (not their areas), a lookup is a binary search, so a merge over a whole sheet stays cheap.
   */
  private readonly rowMerges: CellRange[][] = [];

  constructor(readonly grid: Grid) {
    this.rows = grid.cells.length;
    this.cols = gridColCount(grid);
    this.keys = grid.cells.map((row, r) => (row ?? []).map((_, c) => compact(textAt(grid, r, c))));
    const dr = grid.origin?.row ?? 0;
    // Files list merges mostly left to right: only the rows whose list came out of order are sorted (sorting
    // every row's list copied it each time).
    const unsorted = new Set<CellRange[]>();
    for (const m of grid.merges) {
      // Clipped to the grid's rows (plus one): a whole-column merge must not blow up.
      const bottom = Math.min(m.bottom - dr, this.rows);
      for (let r = Math.max(0, m.top - dr); r <= bottom; r++) {
        const list = (this.rowMerges[r] ??= []);
        if (list.length > 0 && list[list.length - 1].left > m.left) unsorted.add(list);
        list.push(m);
      }
    }
    for (const list of unsorted) list.sort((a, b) => a.left - b.left);
  }

  get sheet(): string {
    return this.grid.sheetName;
  }

  /** Compact label key of a cell ('' when empty). */
  key(row: number, col: number): string {
    return this.keys[row]?.[col] ?? '';
  }

  /** Displayed text, whitespace-normalised but otherwise as typed. */
  text(row: number, col: number): string {
    const t = textAt(this.grid, row, col);
    // Most cells have nothing to normalise: one test instead of two replacements.
    if (!NEEDS_TIDY.test(t)) return t.trim();
    return t.replace(/[ \t\u3000]+/g, ' ').replace(/ ?\r?\n ?/g, '\n').trim();
  }

  /** Text with line breaks preserved (goal paragraphs). */
  rawText(row: number, col: number): string {
    return textAt(this.grid, row, col).replace(/\r\n?/g, '\n').trim();
  }

  isRowEmpty(row: number): boolean {
    const keys = this.keys[row];
    return !keys || keys.every((k) => k === '');
  }

  merge(row: number, col: number): CellRange | undefined {
    const list = this.rowMerges[row];
    if (!list) return undefined;
    const c = col + (this.grid.origin?.col ?? 0);
    // Last merge starting at or before c; merges in one row do not overlap (overlaps: first one wins).
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].left <= c) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = found; i >= 0 && i >= found - 1; i--) if (list[i].right >= c) return list[i];
    return undefined;
  }

  /** True for a cell hidden inside a merged area (not its top-left cell). */
  isMergeSlave(row: number, col: number): boolean {
    const m = this.merge(row, col);
    if (!m) return false;
    const r = row + (this.grid.origin?.row ?? 0);
    const c = col + (this.grid.origin?.col ?? 0);
    return r !== m.top || c !== m.left;
  }

  /** Grid-local position of the visible (top-left) cell of the merge containing (row, col). */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.merge(row, col);
    if (!m) return { row, col };
    return { row: m.top - (this.grid.origin?.row ?? 0), col: m.left - (this.grid.origin?.col ?? 0) };
  }

  /** Last column (grid-local) covered by the cell at (row, col), following a horizontal merge. */
  spanEnd(row: number, col: number): number {
    const m = this.merge(row, col);
    return m ? m.right - (this.grid.origin?.col ?? 0) : col;
  }

  field(row: number, col: number, keepLines = false): Field {
    const cell = cellAt(this.grid, row, col);
    return {
      text: keepLines ? this.rawText(row, col) : this.text(row, col),
      raw: cell?.value ?? null,
      ref: refAt(this.grid, row, col),
    };
  }

  /** First non-empty cell right of `col` in `row` (skipping merged continuation cells), up to maxCol. */
  nextValueCol(row: number, col: number, maxCol = this.cols - 1): number | undefined {
    for (let c = this.spanEnd(row, col) + 1; c <= maxCol; c++) {
      if (this.isMergeSlave(row, c)) continue;
      if (this.key(row, c) !== '') return c;
    }
    return undefined;
  }

  /** First cell right of `col` (the value slot, even if empty or past the used range). */
  nextSlotCol(row: number, col: number): number {
    return this.spanEnd(row, col) + 1;
  }
}
