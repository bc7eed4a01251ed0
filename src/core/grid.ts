/** A host-free snapshot of one worksheet: values, displayed text and merged areas. */

export type CellValue = string | number | boolean | Date | null;

export interface Cell {
  /** Raw value as stored (0.25 for a cell shown as 25%). */
  value: CellValue;
  /** Text as the user sees it ("25%"). Falls back to String(value). */
  text: string;
}

/** Inclusive, 0-based rectangle. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheetName: string;
  /** cells[row][col], 0-based; missing entries are empty cells. */
  cells: (Cell | undefined)[][];
  merges: CellRange[];
  /** 0-based position of cells[0][0] on the sheet (a used range may not start at A1). */
  origin?: { row: number; col: number };
}

/** A cell position on a sheet. row/col are 0-based sheet coordinates. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
  /** A1 address on the sheet, e.g. "C12". */
  address: string;
}

/** Letters of the first 702 columns (A … ZZ), built once: an address is made for every field the parser reads. */
const LETTERS: readonly string[] = Array.from({ length: 702 }, (_, col) => lettersOf(col));

export function columnLetters(col: number): string {
  return col >= 0 && col < 702 ? LETTERS[col] : lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses "C12" (optionally "$C$12") into 0-based row/col; undefined when malformed. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  // Hand-written for speed (the reader calls it for every cell): $?[A-Za-z]{1,3}$?\d{1,7}, surrounding spaces ignored.
  const a = address.trim();
  const n = a.length;
  let i = a.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const letters = i;
  for (; i < n && i - letters < 4; i++) {
    const ch = a.charCodeAt(i) | 0x20;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === letters || i - letters > 3) return undefined;
  if (a.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (; i < n; i++) {
    const d = a.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  if (i === digits || i - digits > 7 || row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** "A1:B3", "$C$5" or "C5" → 0-based rectangle; undefined when malformed. */
export function parseRangeAddress(address: string): CellRange | undefined {
  const [a, b] = address.split(':');
  const start = parseA1(a ?? '');
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function rangeToA1(range: CellRange): string {
  const a = toA1(range.top, range.left);
  const b = toA1(range.bottom, range.right);
  return a === b ? a : `${a}:${b}`;
}

export function gridRowCount(grid: Grid): number {
  return grid.cells.length;
}

export function gridColCount(grid: Grid): number {
  let max = 0;
  for (const row of grid.cells) if (row && row.length > max) max = row.length;
  return max;
}

/** Reference to a cell given in grid-local coordinates. */
export function refAt(grid: Grid, row: number, col: number): CellRef {
  const r = row + (grid.origin?.row ?? 0);
  const c = col + (grid.origin?.col ?? 0);
  return { sheet: grid.sheetName, row: r, col: c, address: toA1(r, c) };
}

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.cells[row]?.[col];
}

/** Displayed text of a cell, '' when empty. */
export function textAt(grid: Grid, row: number, col: number): string {
  const cell = cellAt(grid, row, col);
  if (!cell) return '';
  if (cell.text !== undefined && cell.text !== null && cell.text !== '') return String(cell.text);
  return cell.value === null || cell.value === undefined ? '' : String(cell.value);
}

/** The merged area containing (row, col) in grid-local coordinates, if any. */
export function mergeAt(grid: Grid, row: number, col: number): CellRange | undefined {
  const r = row + (grid.origin?.row ?? 0);
  const c = col + (grid.origin?.col ?? 0);
  return grid.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

/** Builds a grid from plain rows; handy in tests and for the text import. */
export function gridFromRows(
  sheetName: string,
  rows: (CellValue | undefined)[][],
  merges: CellRange[] = [],
): Grid {
  return {
    sheetName,
    merges,
    cells: rows.map((row) =>
      row.map((v) =>
        v === undefined || v === null || v === ''
          ? undefined
          : { value: v, text: v instanceof Date ? v.toISOString().slice(0, 10) : String(v) },
      ),
    ),
  };
}
