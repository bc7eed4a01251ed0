import { type CellRange, parseRangeAddress } from '../../core/grid';

/** Key of one cell across the workbook: "Sheet!A1" (sheet names may contain "!", so split at the last one). */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, '').toUpperCase()}`;
}

export function splitKey(key: string): { sheet: string; address: string } {
  const i = key.lastIndexOf('!');
  return { sheet: key.slice(0, i), address: key.slice(i + 1) };
}

/** "'My ''Sheet'''!$A$1" → { sheet: "My 'Sheet'", address: "A1" }; the sheet part is optional. */
export function splitQualified(qualified: string): { sheet?: string; address: string } {
  const i = qualified.lastIndexOf('!');
  const address = qualified.slice(i + 1).replace(/\$/g, '').trim().toUpperCase();
  if (i < 0) return { address };
  let sheet = qualified.slice(0, i).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address };
}

/**
 * Parses the address of a RangeAreas ("Sheet1!A1:B2, Sheet1!C3:C5"). Quoted sheet names may contain
 * commas; pieces without a valid address after the last "!" are skipped rather than guessed.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const piece of address.split(',')) {
    const range = parseRangeAddress(splitQualified(piece).address);
    if (range) out.push(range);
  }
  return out;
}
