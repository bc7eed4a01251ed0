/**
 * ExcelJS workbook loading with zh-CN errors, for the template/overview writer (insert.ts), which rebuilds
 * the package with ExcelJS. Checking and annotating never load ExcelJS (xlsxReader.ts, surgical.ts).
 */
import ExcelJS from 'exceljs';
import { FILE_READ_MESSAGES, FileReadError, checkSignature } from './xlsxReader';

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
