import type { Cell, CellRange, CellValue, Grid } from '../../core/grid';
import { toA1 } from '../../core/grid';
import { cellKey, parseAreasAddress } from './address';
import type { OriginalFill } from './markStore';

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

/** Before anything is measured: response bytes per cell (value + displayed text) assumed for the first chunk. */
export const FIRST_BYTES_PER_CELL = 256;
/** Never assume less than this per cell, whatever was measured (JSON separators, quotes, numbers). */
export const MIN_BYTES_PER_CELL = 8;
/** At most this many cells in one chunk (one getRange), however small the cells are. */
export const MAX_CHUNK_CELLS = 100_000;

/** Where the row-chunked read of one sheet stands. */
export interface ChunkCursor {
  read: SheetRead;
  /** Next row (0-based, inside the used range) to read. */
  next: number;
}

export interface QueuedChunk {
  cursor: ChunkCursor;
  rows: number;
  range: Excel.Range;
}

/**
 * Queues the next group of row chunks (across sheets, in order) whose response should fit `budget` bytes
 * at `bytesPerCell`; at least one row is always taken so the read makes progress.
 */
export function queueChunkGroup(cursors: ChunkCursor[], bytesPerCell: number, budget: number): QueuedChunk[] {
  const group: QueuedChunk[] = [];
  let room = budget;
  for (const cursor of cursors) {
    const { rowIndex, columnIndex, rowCount, columnCount } = cursor.read.used;
    while (cursor.next < rowCount) {
      const rowBytes = Math.max(1, columnCount) * bytesPerCell;
      let rows = Math.min(rowCount - cursor.next, Math.floor(room / rowBytes), Math.max(1, Math.floor(MAX_CHUNK_CELLS / Math.max(1, columnCount))));
      if (rows < 1) {
        if (group.length > 0) return group;
        rows = 1;
      }
      const range = cursor.read.sheet.getRangeByIndexes(rowIndex + cursor.next, columnIndex, rows, columnCount);
      range.load('values,text');
      group.push({ cursor, rows, range });
      cursor.next += rows;
      room -= rows * rowBytes;
      if (room <= 0) return group;
    }
  }
  return group;
}

/** After the sync: the measured response bytes per cell of a group (its densest chunk). */
export function measuredBytesPerCell(group: QueuedChunk[], measure: (v: unknown) => number): number {
  let worst = 0;
  for (const { range, rows, cursor } of group) {
    const cells = rows * Math.max(1, cursor.read.used.columnCount);
    worst = Math.max(worst, (measure(range.values) + measure(range.text)) / cells);
  }
  return worst;
}

/** Keeps a successfully read group's chunks, in row order per sheet. */
export function keepChunks(group: QueuedChunk[]): void {
  for (const { cursor, range } of group) (cursor.read.chunks ??= []).push(range);
}

/** A failed group is read again: rewind its sheets to where the group started. */
export function rewind(group: QueuedChunk[]): void {
  for (const { cursor, rows } of [...group].reverse()) cursor.next -= rows;
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
