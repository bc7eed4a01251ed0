/**
 * What the add-in remembers inside the workbook, kept on a very hidden sheet "_jixiao": column A holds the
 * mark store (original fills, which notes are ours), column B the pane's state (settings, ignored findings).
 * A sheet survives 另存为 .xlsx/.et in every format WPS writes, unlike some document properties.
 *
 * A cell holds at most 32 767 characters, so each JSON text is split over consecutive cells, each prefixed
 * with "j" (so no piece can ever be read back as a number, a date or a formula).
 */
import {
  addSheetAfter,
  hideSheet,
  type EtWorkbook,
  type EtWorksheet,
  findSheet,
  get,
  set,
  sheetList,
  sheetName,
} from './et';

export const STATE_SHEET = '_jixiao';
const PREFIX = 'j';
const CHUNK = 30000;
const MAX_CHUNKS = 2000;

export type StoreColumn = 'A' | 'B';

function cellValue(ws: EtWorksheet, address: string): unknown {
  return ws.Range(address).Value2;
}

export function readColumn(ws: EtWorksheet, col: StoreColumn): string {
  let text = '';
  for (let row = 1; row <= MAX_CHUNKS; row++) {
    const v = cellValue(ws, `${col}${row}`);
    if (typeof v !== 'string' || !v.startsWith(PREFIX)) break;
    text += v.slice(PREFIX.length);
  }
  return text;
}

function chunks(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + CHUNK);
    // Never split a surrogate pair.
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export function writeColumn(ws: EtWorksheet, col: StoreColumn, text: string): void {
  const parts = chunks(text);
  parts.forEach((part, i) => {
    ws.Range(`${col}${i + 1}`).Value2 = PREFIX + part;
  });
  // Clear leftovers of a longer previous text.
  for (let row = parts.length + 1; row <= MAX_CHUNKS; row++) {
    const range = ws.Range(`${col}${row}`);
    const v = range.Value2;
    if (typeof v !== 'string' || !v.startsWith(PREFIX)) break;
    range.Value2 = '';
  }
}

export function stateSheet(wb: EtWorkbook): EtWorksheet | undefined {
  return findSheet(wb, STATE_SHEET);
}

/** The state sheet, created (very hidden, last) when missing. The user's active sheet stays active. */
export function ensureStateSheet(wb: EtWorkbook): EtWorksheet {
  const existing = stateSheet(wb);
  if (existing) return existing;
  const active = get<EtWorksheet | null | undefined>(wb, 'ActiveSheet');
  const sheets = sheetList(wb);
  const ws = addSheetAfter(wb, sheets[sheets.length - 1]);
  set(ws, 'Name', STATE_SHEET);
  hideSheet(ws);
  if (active && sheetName(active) !== STATE_SHEET) active.Activate();
  return ws;
}

/** Per-key state (column B): a JSON object of strings. */
export function readStateMap(wb: EtWorkbook): Record<string, string> {
  const ws = stateSheet(wb);
  if (!ws) return {};
  try {
    const data = JSON.parse(readColumn(ws, 'B') || '{}');
    if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

export function writeStateMap(wb: EtWorkbook, map: Record<string, string>): void {
  writeColumn(ensureStateSheet(wb), 'B', JSON.stringify(map));
}

export function readMarksText(wb: EtWorkbook): string | undefined {
  const ws = stateSheet(wb);
  if (!ws) return undefined;
  return readColumn(ws, 'A') || undefined;
}

export function writeMarksText(wb: EtWorkbook, text: string): void {
  const ws = text ? ensureStateSheet(wb) : stateSheet(wb);
  if (ws) writeColumn(ws, 'A', text);
}
