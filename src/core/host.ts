import type { CellRef, Grid } from './grid';
import type { Finding, RowDeletion } from './findings';
import type { InsertPlan } from './templates/plan';

export type Scope = 'sheet' | 'workbook';

/**
 * What a spreadsheet host (Excel, WPS, an .xlsx file in memory) offers the product.
 * Adapters stay thin: all reasoning lives in src/core.
 */
export interface Host {
  readonly kind: 'excel' | 'wps' | 'file';
  /** Reads the active sheet or every sheet as grids. */
  readGrids(scope: Scope): Promise<Grid[]>;
  /** Highlights each finding's cell and attaches a note; remembers original formatting. */
  applyMarks(findings: readonly Finding[]): Promise<void>;
  /** Removes only our marks, restoring the original formatting. */
  clearMarks(): Promise<void>;
  /** Selects (and scrolls to) a cell. */
  select(ref: CellRef): Promise<void>;
  /** Writes text into cells, only where the user approved a fix. */
  writeCells?(edits: readonly { ref: CellRef; text: string }[]): Promise<void>;
  /**
   * "删除此行": removes the table's cells on one row (d.left..d.right), moves the table's cells below it up
   * one row and leaves the table's last row empty; nothing outside the table moves or changes. Marks on the
   * moved cells move with them.
   */
  deleteRow?(d: RowDeletion): Promise<void>;
  /** Inserts rows below `after` (0-based row) on a sheet, without overwriting anything. */
  insertRows?(sheet: string, after: number, rows: readonly (string | number | null)[][]): Promise<void>;
  /** Executes a template insertion plan: rows inserted (content below shifted), only empty cells written. */
  insertPlan?(plan: InsertPlan): Promise<void>;
  /** Adds a new sheet filled with rows. */
  addSheet?(name: string, rows: readonly (string | number | null)[][]): Promise<void>;
  /** Remembered per-workbook settings (ignored findings etc.). */
  loadState?(key: string): Promise<string | undefined>;
  saveState?(key: string, value: string): Promise<void>;
}
