/**
 * The ExcelJS-based reader the bounded reader replaced: the reference it is compared with in tests.
 */
import ExcelJS from 'exceljs';
import { type Cell, type CellRange, type CellValue, type Grid, parseRangeAddress } from '../../src/core/grid';
import { FileReadError, displayText } from '../../src/hosts/file/xlsxReader';
import { loadWorkbook } from '../../src/hosts/file/legacyRead';

export { loadWorkbook };

type RawValue = ExcelJS.CellValue | undefined;

function richTextToString(rt: ExcelJS.CellRichTextValue): string {
  return rt.richText.map((r) => r.text ?? '').join('');
}

/** Reduces ExcelJS's value shapes to a plain value (formula → result, rich text → string, …). */
export function plainValue(v: RawValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return richTextToString(v as ExcelJS.CellRichTextValue);
    if ('hyperlink' in v && 'text' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      if (t && typeof t === 'object' && 'richText' in (t as object)) {
        return richTextToString(t as ExcelJS.CellRichTextValue);
      }
      return t === undefined || t === null ? null : String(t);
    }
    if ('formula' in v || 'sharedFormula' in v) {
      return plainValue((v as ExcelJS.CellFormulaValue).result as RawValue);
    }
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** Merged ranges as "A3:A4" strings. `ws.model` serialises the whole sheet, so read `_merges` when present. */
function mergeRanges(ws: ExcelJS.Worksheet): string[] {
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  if (internal && typeof internal === 'object') {
    return Object.values(internal)
      .map((m) => m?.range)
      .filter((r): r is string => typeof r === 'string');
  }
  return (ws.model as unknown as { merges?: string[] }).merges ?? [];
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Slave cells of a merge report the master's value; the sheet shows them empty.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      if (value === null || value === '') return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      (cells[r] ??= [])[c] = { value, text: displayText(value, cell.numFmt) };
    });
  });
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const merges: CellRange[] = [];
  for (const m of mergeRanges(ws)) {
    const range = parseRangeAddress(m);
    if (range) merges.push(range);
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { sheetName: ws.name, cells, merges };
}

export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  if (wb.worksheets.length === 0) throw new FileReadError('empty');
  // Very hidden sheets are add-in state (the WPS host keeps its marks in "_jixiao"), never a clerk's table;
  // the Excel host skips them too.
  return wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(worksheetToGrid);
}

