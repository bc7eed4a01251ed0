/**
 * Bounded .xlsx reader for checking: streams the package's XML (shared strings, styles for number formats,
 * worksheets, merges) into grids, values only. Every size is limited (file, decompressed bytes, cells,
 * merges, sheets, used area); a file over a limit is refused with a zh-CN message naming it. Time and
 * memory are linear in the file. No Node APIs: the standalone page bundles this module.
 */
import type { Cell, CellRange, CellValue, Grid } from '../../core/grid';
import { parseA1, parseRangeAddress, toA1 } from '../../core/grid';
import { formatDate, formatGeneral, formatNumber, isDateFormat } from './format';
import { type Relationship, attr, decodeUtf8, parsePart, parseRelsText, parseXmlText, relIs, relsPartName, resolveTarget } from './opc';
import { type InflateBudget, ZipError, ZipReader } from './zip';

export interface ReadLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Decompressed bytes over all parts read. */
  maxUnzippedBytes: number;
  /** Cells holding a value, over all sheets. */
  maxCells: number;
  /** Merged areas, over all sheets. */
  maxMerges: number;
  /** Worksheets in the workbook. */
  maxSheets: number;
  /** Rows × columns of one sheet's used range. */
  maxSheetArea: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxCells: 2_000_000,
  maxMerges: 200_000,
  maxSheets: 255,
  maxSheetArea: 50_000_000,
};

export type FileReadErrorCode =
  | 'missing'
  | 'not-xlsx'
  | 'encrypted'
  | 'corrupt'
  | 'empty'
  | 'too-large'
  | 'uncalculated'
  | 'not-regular';

export const FILE_READ_MESSAGES: Record<FileReadErrorCode, string> = {
  missing: '文件不存在',
  'not-xlsx': '不是 .xlsx 文件（可能是 .xls 或改了扩展名的文本）',
  encrypted: '文件有密码保护，请先在 Excel 中取消密码',
  corrupt: '文件已损坏无法读取',
  empty: '工作簿中没有工作表',
  'too-large': '文件超过读取上限',
  uncalculated: '公式未计算，请在 Excel 中打开并保存后再检查',
  'not-regular': '不是普通文件（可能是设备、管道或文件夹），已拒绝读取',
};

export class FileReadError extends Error {
  readonly code: FileReadErrorCode;
  constructor(code: FileReadErrorCode, message: string = FILE_READ_MESSAGES[code]) {
    super(message);
    this.name = 'FileReadError';
    this.code = code;
  }
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

/** Rejects what is not an .xlsx package, by its first bytes, with a message a clerk understands. */
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

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel writes characters XML cannot hold as "_xHHHH_" (and a literal "_x" as "_x005F_x"). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

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

/** Built-in number formats (ECMA-376 18.8.30, zh-CN variants for the East Asian ids). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy',
  18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午 h"时"mm"分"', 35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"', 56: '上午/下午 h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** Whether a number under this format is a date (the serial becomes a Date, as Excel shows it). */
function isDateNumFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare) || /[年月日时分秒]/.test(bare);
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/** What a number format means for reading a cell, worked out once per format (not once per cell). */
interface FormatInfo {
  numFmt: string | undefined;
  /** A number under it is read as a Date. */
  valueIsDate: boolean;
  /** A number under it is shown as a date (displayText). */
  textIsDate: boolean;
  withTime: boolean;
  /** Displayed text of the numbers met so far (bounded). */
  texts: Map<number, string>;
}

const formatInfos = new Map<string | undefined, FormatInfo>();

function formatInfo(numFmt: string | undefined): FormatInfo {
  let info = formatInfos.get(numFmt);
  if (info === undefined) {
    if (formatInfos.size >= 128) formatInfos.clear();
    info = {
      numFmt,
      valueIsDate: isDateNumFmt(numFmt) && !/^general$/i.test(numFmt ?? ''),
      textIsDate: !!numFmt && isDateFormat(numFmt),
      withTime: !!numFmt && /h/i.test(numFmt),
      texts: new Map(),
    };
    formatInfos.set(numFmt, info);
  }
  return info;
}

/** displayText(value, info.numFmt), with the format's predicates and the number's text remembered. */
function cellText(value: string | number | boolean | Date, info: FormatInfo): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return displayText(value, info.numFmt);
  if (info.textIsDate) return formatDate(new Date(EXCEL_EPOCH + Math.round(value * 86400000)), info.withTime);
  let text = info.texts.get(value);
  if (text === undefined) {
    try {
      text = formatNumber(value, info.numFmt);
    } catch {
      text = formatGeneral(value);
    }
    // -0 would share +0's entry (Map keys compare with SameValueZero).
    if (info.texts.size < 256 && !Object.is(value, -0)) info.texts.set(value, text);
  }
  return text;
}

/** s[from, to) as a number when it is 1 to 9 plain digits (as Number() reads them, without a string); else -1. */
function digitsAt(s: string, from: number, to: number): number {
  if (from < 0 || to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Row and column (0-based) of the reference a1At last read. */
let a1Row = 0;
let a1Col = 0;

/** Reads the plain form of a cell reference, "B12", at s[from, to) as parseA1 would; false for any other form. */
function a1At(s: string, from: number, to: number): boolean {
  if (from < 0) return false;
  let i = from;
  let col = 0;
  for (let ch = s.charCodeAt(i); i < to && i - from < 3 && ch >= 65 && ch <= 90; ch = s.charCodeAt(++i)) col = col * 26 + (ch - 64);
  const digits = i;
  const row = digitsAt(s, digits, to);
  if (digits === from || digits - from > 3 || row < 1 || to - digits > 7) return false;
  a1Row = row - 1;
  a1Col = col - 1;
  return true;
}

/** "B2:D5" as parseRangeAddress reads it, without its string splitting for the plain uppercase form every writer uses. */
function parseMergeRef(ref: string): CellRange | undefined {
  const n = ref.length;
  let i = 0;
  let c1 = 0;
  let r1 = 0;
  let c2 = 0;
  let r2 = 0;
  for (let part = 0; part < 2; part++) {
    const letters = i;
    let col = 0;
    for (let ch = ref.charCodeAt(i); ch >= 65 && ch <= 90 && i - letters < 3; ch = ref.charCodeAt(++i)) col = col * 26 + (ch - 64);
    const digits = i;
    let row = 0;
    for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57 && i - digits < 7; ch = ref.charCodeAt(++i)) row = row * 10 + (ch - 48);
    if (i === letters || digits === letters || i === digits || row < 1) return parseRangeAddress(ref);
    if (part === 0) {
      c1 = col - 1;
      r1 = row - 1;
      if (ref.charCodeAt(i) !== 58 /* : */) return parseRangeAddress(ref);
      i++;
    } else {
      c2 = col - 1;
      r2 = row - 1;
    }
  }
  if (i !== n) return parseRangeAddress(ref);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export interface ReadResult {
  grids: Grid[];
  /** zh-CN notes about what was adjusted while reading (e.g. a merge clipped to the used range). */
  notes: string[];
}

interface SheetRef {
  name: string;
  part: string;
  state: string;
}

const bytesText = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.ceil(n / 1024)} KB`;

function tooLarge(message: string): FileReadError {
  return new FileReadError('too-large', `${message}，已拒绝读取（此限制防止异常文件耗尽内存）`);
}

const corrupt = (why: string): FileReadError => new FileReadError('corrupt', `${FILE_READ_MESSAGES.corrupt}（${why}）`);

/**
 * Reads every worksheet of an .xlsx/.xlsm package into grids (very hidden add-in state sheets skipped).
 * Throws FileReadError with a zh-CN message: not an .xlsx, encrypted, corrupt, over a limit, or holding
 * formulas saved without their results.
 */
export function readGridsFromXlsx(data: Uint8Array | ArrayBuffer, limits: Partial<ReadLimits> = {}): ReadResult {
  const lim: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const key of Object.keys(DEFAULT_READ_LIMITS) as (keyof ReadLimits)[]) {
    const v = Object.prototype.hasOwnProperty.call(limits, key) ? limits[key] : undefined;
    if (typeof v === 'number' && v > 0) lim[key] = v;
  }
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length > lim.maxFileBytes) {
    throw tooLarge(`文件大小 ${bytesText(bytes.length)} 超过上限 ${bytesText(lim.maxFileBytes)}`);
  }
  checkSignature(bytes);
  try {
    return new XlsxReader(bytes, lim).read();
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    if (err instanceof ZipError) {
      throw err.kind === 'limit' ? tooLarge(err.message) : corrupt(err.message);
    }
    if (err instanceof RangeError) throw tooLarge('文件内容过大，超出可用内存');
    throw corrupt(err instanceof Error ? err.message.slice(0, 80) : String(err));
  }
}

class XlsxReader {
  private readonly zip: ZipReader;
  private readonly budget: InflateBudget;
  private readonly notes: string[] = [];
  private cellCount = 0;
  private mergeCount = 0;
  private date1904 = false;
  private sharedStrings: string[] | undefined;
  private sharedStringsPart: string | undefined;
  /** Number format per cellXfs index. */
  private xfFormats: (string | undefined)[] = [];
  /** formatInfo per cellXfs index, filled as cells use them. */
  private readonly xfInfos: FormatInfo[] = [];
  private readonly uncalculated: string[] = [];
  private uncalculatedCount = 0;

  constructor(
    bytes: Uint8Array,
    private readonly lim: ReadLimits,
  ) {
    this.zip = new ZipReader(bytes);
    this.budget = {
      remaining: lim.maxUnzippedBytes,
      message: `解压后的内容超过上限 ${bytesText(lim.maxUnzippedBytes)}（可能是“压缩炸弹”）`,
    };
  }

  private readText(part: string): string | undefined {
    const entry = this.zip.get(part);
    return entry ? decodeUtf8(this.zip.read(entry, this.budget)) : undefined;
  }

  private rels(part: string): Relationship[] | undefined {
    const name = relsPartName(part);
    const text = this.readText(name);
    return text === undefined ? undefined : parseRelsText(name, text);
  }

  read(): ReadResult {
    const rootRels = this.rels('');
    const officeRel = rootRels?.find((r) => relIs(r, 'officeDocument') && !r.external);
    const workbookPart = officeRel ? resolveTarget('', officeRel.target) : undefined;
    if (!rootRels || !workbookPart) {
      if (this.zip.get('xl/workbook.xml')) throw corrupt('缺少包关系部件 _rels/.rels');
      throw new FileReadError('not-xlsx', '不是 .xlsx 文件：这是一个 zip 压缩包（可能是 .docx 等其他文件），里面没有 Excel 工作簿');
    }
    if (!this.zip.get('[Content_Types].xml')) throw corrupt('缺少内容类型部件 [Content_Types].xml');
    const wbText = this.readText(workbookPart);
    if (wbText === undefined) {
      throw new FileReadError('not-xlsx', '不是 .xlsx 文件：这是一个 zip 压缩包（可能是 .docx 等其他文件），里面没有 Excel 工作簿');
    }
    const wbRels = this.rels(workbookPart);
    if (!wbRels) throw corrupt(`缺少工作簿关系部件 ${relsPartName(workbookPart)}`);
    const relById = new Map(wbRels.map((r) => [r.id, r]));

    const sheets: SheetRef[] = [];
    let sheetElements = 0;
    parseXmlText(workbookPart, wbText, {
      open: (tag, local) => {
        if (local === 'workbookPr') {
          const v = attr(tag, 'date1904');
          this.date1904 = v === '1' || v === 'true';
        } else if (local === 'sheet') {
          sheetElements++;
          if (sheetElements > this.lim.maxSheets) {
            throw tooLarge(`工作表数量超过上限 ${this.lim.maxSheets}`);
          }
          const rel = relById.get(attr(tag, 'id', true) ?? '');
          const name = attr(tag, 'name') ?? '';
          if (!rel) throw corrupt(`工作表“${name}”缺少关系`);
          if (!relIs(rel, 'worksheet')) return; // chart sheets, dialog and macro sheets hold no cells to check
          sheets.push({ name, part: resolveTarget(workbookPart, rel.target), state: attr(tag, 'state') ?? 'visible' });
        }
      },
    });
    if (sheetElements === 0) throw new FileReadError('empty');

    const ssRel = wbRels.find((r) => relIs(r, 'sharedStrings') && !r.external);
    if (ssRel) {
      this.sharedStringsPart = resolveTarget(workbookPart, ssRel.target);
      this.readSharedStrings(this.sharedStringsPart);
    }
    const stylesRel = wbRels.find((r) => relIs(r, 'styles') && !r.external);
    if (stylesRel) this.readStyles(resolveTarget(workbookPart, stylesRel.target));

    const grids: Grid[] = [];
    for (const sheet of sheets) {
      if (!this.zip.get(sheet.part)) throw corrupt(`缺少工作表“${sheet.name}”的内容部件 ${sheet.part}`);
      const grid = this.readSheet(sheet);
      // Very hidden sheets are add-in state (the WPS host keeps its marks in "_jixiao"), never a clerk's table.
      if (sheet.state !== 'veryHidden') grids.push(grid);
    }
    if (this.uncalculatedCount > 0) {
      const where = this.uncalculated.join('、');
      const more = this.uncalculatedCount > this.uncalculated.length ? ` 等 ${this.uncalculatedCount} 处` : '';
      throw new FileReadError('uncalculated', `${FILE_READ_MESSAGES.uncalculated}（${where}${more}的公式没有保存计算结果）`);
    }
    return { grids, notes: this.notes };
  }

  private readSharedStrings(part: string): void {
    const entry = this.zip.get(part);
    if (!entry) return; // checked when a cell refers to it
    const strings: string[] = [];
    let current = '';
    let inT = false;
    let phonetic = 0;
    parsePart(this.zip, entry, this.budget, {
      open(_tag, local) {
        if (local === 'si') current = '';
        else if (local === 't') inT = phonetic === 0;
        else if (local === 'rPh') phonetic++;
      },
      close(local) {
        if (local === 't') inT = false;
        else if (local === 'rPh') phonetic--;
        else if (local === 'si') strings.push(unescapeOoxml(current));
      },
      text(t) {
        if (inT) current += t;
      },
    });
    this.sharedStrings = strings;
  }

  private readStyles(part: string): void {
    const entry = this.zip.get(part);
    if (!entry) return;
    const custom = new Map<number, string>();
    const xfIds: number[] = [];
    let inCellXfs = false;
    parsePart(this.zip, entry, this.budget, {
      open(tag, local) {
        if (local === 'numFmt') {
          const id = Number(attr(tag, 'numFmtId'));
          const code = attr(tag, 'formatCode');
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (local === 'cellXfs') inCellXfs = true;
        else if (local === 'xf' && inCellXfs) xfIds.push(Number(attr(tag, 'numFmtId') ?? 0));
      },
      close(local) {
        if (local === 'cellXfs') inCellXfs = false;
      },
    });
    this.xfFormats = xfIds.map((id) => (Number.isInteger(id) ? custom.get(id) ?? BUILTIN_FORMATS[id] : undefined));
  }

  private readSheet(sheet: SheetRef): Grid {
    const cells: (Cell | undefined)[][] = [];
    const merges: CellRange[] = [];
    let rowIndex = -1;
    let colIndex = -1;
    let maxRow = -1;
    let maxCol = -1;
    // Current cell.
    let type = '';
    let style = 0;
    let hasF = false;
    let hasV = false;
    let v = '';
    let inline = '';
    let inV = false;
    let inIsT = false;
    let inIs = false;
    let phonetic = 0;
    const lim = this.lim;

    const finishCell = (): void => {
      const r = rowIndex;
      const c = colIndex;
      let value: CellValue = null;
      const info = this.xfInfos[style] ?? (this.xfInfos[style] = formatInfo(this.xfFormats[style]));
      if (hasF && (!hasV || (v === '' && type !== 'str' && type !== 's' && type !== 'inlineStr'))) {
        this.uncalculatedCount++;
        if (this.uncalculated.length < 5) this.uncalculated.push(`“${sheet.name}”${toA1(r, c)}`);
        return;
      }
      switch (type) {
        case 's': {
          if (!hasV) return;
          if (!this.sharedStrings) {
            throw corrupt(this.sharedStringsPart ? `缺少共享字符串部件 ${this.sharedStringsPart}` : '单元格引用了共享字符串，但工作簿中没有共享字符串部件');
          }
          const digits = digitsAt(v, 0, v.length);
          const i = digits >= 0 ? digits : Number(v);
          if (!Number.isInteger(i) || i < 0 || i >= this.sharedStrings.length) {
            throw corrupt(`工作表“${sheet.name}”${toA1(r, c)} 引用了不存在的共享字符串`);
          }
          value = this.sharedStrings[i];
          break;
        }
        case 'inlineStr':
          value = unescapeOoxml(hasV ? v : inline);
          break;
        case 'str':
          value = v;
          break;
        case 'b':
          if (!hasV) return;
          value = v.trim() === '1' || v.trim().toLowerCase() === 'true';
          break;
        case 'e':
          if (!hasV) return;
          value = v;
          break;
        case 'd': {
          if (!hasV || v === '') return;
          const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
          value = Number.isNaN(d.getTime()) ? v : d;
          break;
        }
        default: {
          if (!hasV || v.trim() === '') return;
          const digits = digitsAt(v, 0, v.length);
          const n = digits >= 0 ? digits : Number(v);
          if (!Number.isFinite(n)) {
            value = v;
          } else if (info.valueIsDate) {
            value = excelToDate(n, this.date1904);
          } else {
            value = n;
          }
        }
      }
      if (value === null || value === '') return;
      if (++this.cellCount > lim.maxCells) {
        throw tooLarge(`有内容的单元格数量超过上限 ${lim.maxCells.toLocaleString('en-US')} 个`);
      }
      (cells[r] ??= [])[c] = { value, text: cellText(value, info) };
      if (r > maxRow) maxRow = r;
      if (c > maxCol) maxCol = c;
    };

    const entry = this.zip.get(sheet.part)!;
    let inSheetData = false;
    parsePart(this.zip, entry, this.budget, {
      open: (tag, local, empty) => {
        switch (local) {
          case 'sheetData':
            inSheetData = true;
            break;
          case 'row': {
            if (!inSheetData) break;
            const ri = tag.find('r');
            const digits = ri < 0 ? -1 : digitsAt(tag.source, tag.valueStart(ri), tag.valueEnd(ri));
            const r = digits >= 0 ? digits : Number(ri < 0 ? undefined : tag.value(ri));
            rowIndex = Number.isInteger(r) && r >= 1 ? r - 1 : rowIndex + 1;
            if (rowIndex > 1_048_575) throw corrupt(`工作表“${sheet.name}”的行号超出 Excel 的范围`);
            colIndex = -1;
            break;
          }
          case 'c': {
            if (!inSheetData) break;
            const ri = tag.find('r');
            if (ri >= 0 && a1At(tag.source, tag.valueStart(ri), tag.valueEnd(ri))) {
              rowIndex = a1Row;
              colIndex = a1Col;
            } else {
              const ref = ri < 0 ? undefined : tag.value(ri);
              const pos = ref ? parseA1(ref) : undefined;
              if (pos) {
                rowIndex = pos.row;
                colIndex = pos.col;
              } else {
                colIndex++;
                if (rowIndex < 0) rowIndex = 0;
              }
            }
            if (rowIndex > 1_048_575 || colIndex > 16_383) throw corrupt(`工作表“${sheet.name}”的单元格地址超出 Excel 的范围`);
            hasF = false;
            hasV = false;
            v = '';
            inline = '';
            if (empty) {
              // "<c r="B1" s="4"/>" (a styled blank) holds no value: its type and style are never used.
              type = 'n';
              style = 0;
              break;
            }
            type = tag.attr('t') ?? 'n';
            const si = tag.find('s');
            const digits = si < 0 ? 0 : digitsAt(tag.source, tag.valueStart(si), tag.valueEnd(si));
            if (digits >= 0) style = digits;
            else {
              const s = Number(tag.value(si));
              style = Number.isInteger(s) && s >= 0 ? s : 0;
            }
            break;
          }
          case 'f':
            hasF = true;
            break;
          case 'v':
            hasV = true;
            inV = true;
            break;
          case 'is':
            inIs = true;
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            inIsT = inIs && phonetic === 0;
            break;
          case 'mergeCell': {
            const range = parseMergeRef(attr(tag, 'ref') ?? '');
            if (!range) break;
            if (++this.mergeCount > lim.maxMerges) {
              throw tooLarge(`合并单元格区域数量超过上限 ${lim.maxMerges.toLocaleString('en-US')} 个`);
            }
            merges.push(range);
            break;
          }
        }
      },
      close: (local) => {
        switch (local) {
          case 'sheetData':
            inSheetData = false;
            break;
          case 'c':
            if (inSheetData) finishCell();
            break;
          case 'v':
            inV = false;
            break;
          case 'is':
            inIs = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 't':
            inIsT = false;
            break;
        }
      },
      text: (t) => {
        if (inV) v += t;
        else if (inIsT) inline += t;
      },
    });

    const rows = maxRow + 1;
    const cols = maxCol + 1;
    if (rows * cols > lim.maxSheetArea) {
      throw tooLarge(
        `工作表“${sheet.name}”的已用区域（${rows.toLocaleString('en-US')} 行 × ${cols.toLocaleString('en-US')} 列）超过上限 ${lim.maxSheetArea.toLocaleString('en-US')} 个单元格`,
      );
    }
    const kept = this.clipMerges(sheet.name, merges, maxRow, maxCol);
    if (!removeMergedSlaves(cells, kept, lim.maxSheetArea)) {
      throw tooLarge(`工作表“${sheet.name}”的合并区域相互重叠、总面积超过上限 ${lim.maxSheetArea.toLocaleString('en-US')} 个单元格`);
    }
    for (let r = 0; r < cells.length; r++) cells[r] ??= [];
    kept.sort((a, b) => a.top - b.top || a.left - b.left);
    return { sheetName: sheet.name, cells, merges: kept };
  }

  /** Clips merges to the used range (cells holding values); drops those left with a single cell. */
  private clipMerges(sheetName: string, merges: CellRange[], maxRow: number, maxCol: number): CellRange[] {
    const kept: CellRange[] = [];
    let clipped = 0;
    for (const m of merges) {
      if (m.bottom <= maxRow && m.right <= maxCol) {
        if (m.bottom > m.top || m.right > m.left) kept.push(m);
        continue;
      }
      // Only merges far past the used range are worth a note (a bomb, or whole columns merged).
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) clipped++;
      const bottom = Math.min(m.bottom, maxRow);
      const right = Math.min(m.right, maxCol);
      if (m.top <= maxRow && m.left <= maxCol && (bottom > m.top || right > m.left)) {
        kept.push({ top: m.top, left: m.left, bottom, right });
      }
    }
    if (clipped) this.notes.push(`工作表“${sheetName}”有 ${clipped} 个合并区域远超出有内容的范围，已按有内容的范围读取`);
    return kept;
  }
}

/** Merged areas show only their top-left cell: values stored in the other cells are not displayed. */
function removeMergedSlaves(cells: (Cell | undefined)[][], merges: readonly CellRange[], maxWork: number): boolean {
  // Merges (already clipped to the used range) that do not overlap cover at most the used area, so `maxWork`
  // (the area limit) only stops overlapping ones, which no spreadsheet program writes.
  let work = 0;
  for (const m of merges) {
    work += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (work > maxWork) return false;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = cells[r];
      if (!row) continue;
      const from = r === m.top ? m.left + 1 : m.left;
      const to = Math.min(m.right, row.length - 1);
      for (let c = from; c <= to; c++) if (row[c] !== undefined) row[c] = undefined;
    }
  }
  return true;
}
