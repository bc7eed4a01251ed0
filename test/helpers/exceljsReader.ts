/**
 * The ExcelJS-based reader the bounded reader replaced: the reference it is compared with in tests.
 */
import ExcelJS from 'exceljs';
import { type Cell, type CellRange, type CellValue, type Grid, parseRangeAddress } from '../../src/core/grid';
import { FILE_READ_MESSAGES, FileReadError, checkSignature, displayText } from '../../src/hosts/file/xlsxReader';

const toBytes = (data: ArrayBuffer | Uint8Array): Uint8Array => (data instanceof Uint8Array ? data : new Uint8Array(data));

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const limit = bytes.length - text.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let k = 0; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = toBytes(data);
  checkSignature(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; JSZip underneath accepts any Uint8Array.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new FileReadError('corrupt', `${FILE_READ_MESSAGES.corrupt}（${shortReason(err)}）`);
  }
  if (wb.worksheets.length === 0 && !containsAscii(bytes, 'xl/workbook.xml')) {
    // A zip that is not a workbook at all (.docx, .zip renamed to .xlsx).
    throw new FileReadError('not-xlsx', '不是 .xlsx 文件：这是一个 zip 压缩包（可能是 .docx 等其他文件），里面没有 Excel 工作簿');
  }
  return wb;
}

/** A clerk-readable reason for a load failure; the raw library text is kept only as a hint. */
function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const known: [RegExp, string][] = [
    [/end of central directory|end of data|unexpected end|truncated/i, '文件不完整，可能下载或复制时中断了'],
    [/crc32|checksum/i, '数据校验失败，文件内容已损坏'],
    [/invalid (distance|code|block|stored)|inflate|deflate|compression/i, '压缩数据已损坏'],
    [/unexpected close tag|invalid character|unclosed|non-whitespace|attribute|xml|sax/i, '工作簿内部的 XML 格式有误'],
  ];
  for (const [re, text] of known) if (re.test(msg)) return text;
  const hint = msg.length > 80 ? `${msg.slice(0, 77)}…` : msg;
  return `技术信息：${hint}`;
}

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

