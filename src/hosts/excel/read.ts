import type { Cell, CellRange, CellValue, Grid } from '../../core/grid';
import { toA1 } from '../../core/grid';
import { cellKey, parseAreasAddress } from './address';
import type { OriginalFill } from './markStore';

/** Used ranges above this many cells are read in row chunks (each a separate getRange) to stay under Excel's limits. */
export const CHUNK_THRESHOLD_CELLS = 200_000;
export const CHUNK_CELLS = 100_000;
/**
 * Cells whose values + text one sync may return. Excel on the web caps a response at 5 MB, so chunks of
 * several huge sheets are spread over more syncs; ordinary workbooks never get near this.
 */
export const SYNC_CELL_BUDGET = 200_000;
/** Fill colours of at most this many cells are read together with the values (ExcelApi 1.9), across all sheets. */
export const PRELOAD_CELL_BUDGET = 60_000;
/** Columns covered by the fill preload: target tables are 6–10 columns wide. */
export const PRELOAD_COLUMNS = 12;

export interface SheetRead {
  sheet: Excel.Worksheet;
  name: string;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
  fills?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  chunks?: Excel.Range[];
}

export interface Capabilities {
  merges: boolean;
  cellProperties: boolean;
}

/** A method the loaded office.js really has (the host may report a set whose members a stale office.js lacks). */
function hasMethod(obj: object, name: string): boolean {
  return typeof (obj as Record<string, unknown>)[name] === 'function';
}

/** Rows of the fill-preload window per sheet, so that all sheets together stay within the budget. */
export function preloadRows(sheetCount: number): number {
  return Math.max(1, Math.floor(PRELOAD_CELL_BUDGET / PRELOAD_COLUMNS / Math.max(1, sheetCount)));
}

export function preloadWindow(sheetCount: number): string {
  return `A1:${toA1(preloadRows(sheetCount) - 1, PRELOAD_COLUMNS - 1)}`;
}

/**
 * Optimistic read of one sheet in the same round trip as every other sheet: dimensions, values, displayed
 * text, merged areas and (when supported) the fill of the top-left window for the marking step.
 */
export function queueSheetRead(ws: Excel.Worksheet, name: string, caps: Capabilities, window: string): SheetRead {
  // getUsedRange (not …OrNullObject) returns A1 on a blank sheet, so every call below has a real object.
  const used = ws.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount,values,text');
  const read: SheetRead = { sheet: ws, name, used };
  if (caps.merges && hasMethod(used, 'getMergedAreasOrNullObject')) {
    read.merges = used.getMergedAreasOrNullObject();
    read.merges.load('address');
  }
  if (caps.cellProperties && hasMethod(used, 'getCellProperties')) {
    read.fills = used.getIntersection(ws.getRange(window)).getCellProperties({ format: { fill: { color: true, pattern: true } } });
  }
  return read;
}

/** Robust read, round 1: dimensions and merges only (no values, so no payload risk). */
export function queueSheetDims(ws: Excel.Worksheet, name: string, caps: Capabilities): SheetRead {
  const used = ws.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const read: SheetRead = { sheet: ws, name, used };
  if (caps.merges && hasMethod(used, 'getMergedAreasOrNullObject')) {
    read.merges = used.getMergedAreasOrNullObject();
    read.merges.load('address');
  }
  return read;
}

export interface ChunkPlan {
  read: SheetRead;
  /** 0-based offset inside the used range, and number of rows. */
  offset: number;
  rows: number;
  cells: number;
}

/** Robust read, round 2: split every used range into row chunks (small ranges are one chunk). */
export function planChunks(read: SheetRead): ChunkPlan[] {
  const { rowCount, columnCount } = read.used;
  const step = rowCount * columnCount > CHUNK_THRESHOLD_CELLS ? Math.max(1, Math.floor(CHUNK_CELLS / columnCount)) : rowCount;
  const plans: ChunkPlan[] = [];
  for (let r = 0; r < rowCount; r += step) {
    const rows = Math.min(step, rowCount - r);
    plans.push({ read, offset: r, rows, cells: rows * columnCount });
  }
  return plans;
}

/** Packs chunks into groups that each fit one sync's budget (one group unless the data is huge). */
export function groupChunks(plans: ChunkPlan[], budget = SYNC_CELL_BUDGET): ChunkPlan[][] {
  const groups: ChunkPlan[][] = [];
  let current: ChunkPlan[] = [];
  let cells = 0;
  for (const plan of plans) {
    if (current.length > 0 && cells + plan.cells > budget) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(plan);
    cells += plan.cells;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function queueChunk(plan: ChunkPlan): void {
  const { read } = plan;
  const chunk = read.sheet.getRangeByIndexes(read.used.rowIndex + plan.offset, read.used.columnIndex, plan.rows, read.used.columnCount);
  chunk.load('values,text');
  (read.chunks ??= []).push(chunk);
}

function cellOf(value: unknown, text: unknown): Cell | undefined {
  const shown = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  if ((value === '' || value === null || value === undefined) && shown === '') return undefined;
  const v: CellValue =
    typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : value == null ? null : String(value);
  return { value: v, text: shown || (v === null ? '' : String(v)) };
}

export function mergesOf(read: SheetRead): CellRange[] {
  if (!read.merges || read.merges.isNullObject) return [];
  return parseAreasAddress(read.merges.address ?? '');
}

/** Builds the grid after the sync(s). */
export function toGrid(read: SheetRead): Grid {
  const { rowIndex, columnIndex } = read.used;
  let values: unknown[][];
  let text: unknown[][];
  if (read.chunks) {
    values = read.chunks.flatMap((c) => c.values);
    text = read.chunks.flatMap((c) => c.text);
  } else {
    values = read.used.values;
    text = read.used.text;
  }
  const cells = values.map((row, r) => row.map((v, c) => cellOf(v, text[r]?.[c])));
  return { sheetName: read.name, cells, merges: mergesOf(read), origin: { row: rowIndex, col: columnIndex } };
}

/** Fills of the preloaded window, keyed "Sheet!A1". The window starts at the used range's top-left cell. */
export function preloadedFills(read: SheetRead, into: Map<string, OriginalFill>): void {
  if (!read.fills) return;
  const { rowIndex, columnIndex } = read.used;
  read.fills.value.forEach((row, r) =>
    row.forEach((props, c) => {
      const fill = props.format?.fill;
      into.set(cellKey(read.name, toA1(rowIndex + r, columnIndex + c)), {
        color: fill?.color ?? null,
        pattern: fill?.pattern ?? null,
      });
    }),
  );
}
