/**
 * A small .xlsx writer for the report's 汇总 workbook: plain sheets of text and numbers with column widths,
 * a bold header row with a fill, wrapped text, one number format, a frozen first row and a filter. Rows are
 * written as XML text (strings inline) and deflated into the package as they are produced, so only the
 * compressed workbook is held: a few megabytes for 18,000 rows, where ExcelJS's in-memory model needed about
 * half a gigabyte.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { columnLetters } from '../../core/grid';
import { escapeText, escapeXml } from '../../hosts/file/xmlScan';

export type CellValue = string | number | null | undefined;

/** Cell styles: plain, plain wrapped at the top, header (bold, grey fill), money (#,##0.00), title (bold 14 pt). */
export type CellStyle = 'plain' | 'wrap' | 'header' | 'money' | 'title' | 'bold';

const STYLE_INDEX: Record<CellStyle, number> = { plain: 0, wrap: 1, header: 2, money: 3, title: 4, bold: 5 };

export interface SheetSpec {
  name: string;
  /** Column widths in characters. */
  widths: number[];
  /** Freeze the first row and put a filter on the table that starts there. */
  table?: boolean;
  /** Style of a cell; the default is "plain". */
  style?(row: number, col: number, value: CellValue): CellStyle;
  /** The rows, produced one at a time. */
  rows: Iterable<CellValue[]>;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><fonts count="3"><font><sz val="10"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="10"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="14"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EAED"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A zip written as it goes: each part is deflated in pieces of about 64 KB of XML. */
class ZipStream {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor() {
    this.zip = new Zip((err, data) => {
      if (err) this.failure = err;
      else this.chunks.push(data);
    });
  }

  /** Adds a part whose text `write` produces through the `push` it is given. */
  part(name: string, write: (push: (text: string) => void) => void): void {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    let pending = '';
    write((text) => {
      pending += text;
      if (pending.length >= 65536) {
        file.push(strToU8(pending));
        pending = '';
      }
    });
    file.push(strToU8(pending), true);
  }

  finish(): Uint8Array {
    this.zip.end();
    if (this.failure) throw this.failure;
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

function writeSheet(spec: SheetSpec, push: (text: string) => void): number {
  const cols = spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const view = spec.table
    ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  push(`${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`);
  let rowNo = 0;
  for (const row of spec.rows) {
    rowNo++;
    let cells = '';
    row.forEach((v, c) => {
      const style = STYLE_INDEX[spec.style?.(rowNo, c, v) ?? 'plain'];
      const s = style ? ` s="${style}"` : '';
      const ref = `${columnLetters(c)}${rowNo}`;
      if (typeof v === 'number' && Number.isFinite(v)) cells += `<c r="${ref}"${s}><v>${v}</v></c>`;
      else if (typeof v === 'string' && v !== '') cells += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
      else if (style) cells += `<c r="${ref}"${s}/>`;
    });
    push(`<row r="${rowNo}">${cells}</row>`);
  }
  const lastRow = Math.max(1, rowNo);
  const filter = spec.table ? `<autoFilter ref="A1:${columnLetters(Math.max(0, spec.widths.length - 1))}${lastRow}"/>` : '';
  push(`</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  return lastRow;
}

/** Writes the workbook; sheet names must already be valid and unique (see sheetName in xlsx.ts). */
export function writeXlsx(sheets: readonly SheetSpec[], meta: { creator: string; created: Date }): Uint8Array {
  const n = sheets.length;
  const sheetEntries = sheets.map((spec, i) => `<sheet name="${escapeXml(spec.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const sheetRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const overrides = sheets.map(
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `${overrides.join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rootRels =
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const created = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeText(meta.creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
  const workbookRels =
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join('')}` +
    `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`;

  const zip = new ZipStream();
  zip.part('[Content_Types].xml', (push) => push(contentTypes));
  zip.part('_rels/.rels', (push) => push(rootRels));
  zip.part('docProps/core.xml', (push) => push(core));
  zip.part('xl/_rels/workbook.xml.rels', (push) => push(workbookRels));
  zip.part('xl/styles.xml', (push) => push(STYLES));
  // The filter ranges (workbook.xml) are known once each sheet is written: the workbook part comes last.
  const defined: string[] = [];
  sheets.forEach((spec, i) => {
    let lastRow = 1;
    zip.part(`xl/worksheets/sheet${i + 1}.xml`, (push) => (lastRow = writeSheet(spec, push)));
    if (spec.table) {
      const last = columnLetters(Math.max(0, spec.widths.length - 1));
      const quoted = `'${spec.name.replace(/'/g, "''")}'`;
      defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`${quoted}!$A$1:$${last}$${lastRow}`)}</definedName>`);
    }
  });
  const workbook =
    `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetEntries.join('')}</sheets>` +
    `${defined.length ? `<definedNames>${defined.join('')}</definedNames>` : ''}<calcPr calcId="0"/></workbook>`;
  zip.part('xl/workbook.xml', (push) => push(workbook));
  return zip.finish();
}
