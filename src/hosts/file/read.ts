/**
 * .xlsx → Grid[] over ExcelJS. No Node APIs here: the standalone web page bundles this module.
 */
import ExcelJS from 'exceljs';
import { type Cell, type CellRange, type CellValue, type Grid, parseRangeAddress } from '../../core/grid';
import { formatDate, formatGeneral, formatNumber, isDateFormat } from './format';

export type FileReadErrorCode = 'missing' | 'not-xlsx' | 'encrypted' | 'corrupt' | 'empty';

export const FILE_READ_MESSAGES: Record<FileReadErrorCode, string> = {
  missing: '文件不存在',
  'not-xlsx': '不是 .xlsx 文件（可能是 .xls 或改了扩展名的文本）',
  encrypted: '文件有密码保护，请先在 Excel 中取消密码',
  corrupt: '文件已损坏无法读取',
  empty: '工作簿中没有工作表',
};

export class FileReadError extends Error {
  readonly code: FileReadErrorCode;
  constructor(code: FileReadErrorCode, message: string = FILE_READ_MESSAGES[code]) {
    super(message);
    this.name = 'FileReadError';
    this.code = code;
  }
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** True when the bytes contain `text` encoded as UTF-16LE (how CFB directory entries store names). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const limit = bytes.length - text.length * 2;
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    let ok = true;
    for (let k = 1; k < text.length && ok; k++) {
      ok = bytes[i + 2 * k] === text.charCodeAt(k) && bytes[i + 2 * k + 1] === 0;
    }
    if (ok) return true;
  }
  return false;
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const limit = bytes.length - text.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let k = 0; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Rejects files ExcelJS cannot open, by their first bytes, with a message a clerk understands. */
export function checkSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new FileReadError('not-xlsx', '文件是空的（0 字节），不是 .xlsx 文件');
  if (startsWith(bytes, ZIP_SIGNATURE)) return;
  if (startsWith(bytes, CFB_SIGNATURE)) {
    // Password-protected .xlsx files are wrapped in a compound file holding an EncryptionInfo stream.
    if (containsUtf16(bytes, 'EncryptionInfo')) {
      throw new FileReadError('encrypted', '文件有密码保护（已加密的 .xlsx），请先在 Excel 中取消密码后另存');
    }
    throw new FileReadError(
      'not-xlsx',
      '不是 .xlsx 文件：这是旧版 .xls（Excel 97-2003）格式，请在 Excel 或 WPS 中另存为 .xlsx 后再检查',
    );
  }
  throw new FileReadError('not-xlsx');
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

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Text the user sees for a value under a number format. */
export function displayText(value: CellValue, numFmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, !!numFmt && /h/i.test(numFmt));
  if (numFmt && isDateFormat(numFmt)) {
    return formatDate(new Date(EXCEL_EPOCH + Math.round(value * 86400000)), /h/i.test(numFmt));
  }
  try {
    return formatNumber(value, numFmt);
  } catch {
    return formatGeneral(value);
  }
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

/** Reads every worksheet of an .xlsx file (bytes) into grids. Throws FileReadError with a zh-CN message. */
export async function readGridsFromBuffer(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const wb = await loadWorkbook(data);
  return workbookToGrids(wb);
}
