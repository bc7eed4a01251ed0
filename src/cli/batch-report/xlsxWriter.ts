/**
 * A small .xlsx writer for the report's 汇总 workbook: plain sheets of text and numbers with column widths,
 * a bold header row with a fill, wrapped text, one number format, a frozen first row and a filter. Each
 * sheet's XML is built row by row as text with shared strings, so a batch of thousands of tables costs a few
 * tens of megabytes (ExcelJS's in-memory model needed about half a gigabyte for 18,000 rows).
 */
import { strToU8 } from 'fflate';
import { columnLetters } from '../../core/grid';
import { escapeText, escapeXml } from '../../hosts/file/xmlScan';
import { type ZipOut, writeZip } from '../../hosts/file/zip';

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

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly parts: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.parts.length;
      this.index.set(s, i);
      this.parts.push(`<si><t xml:space="preserve">${escapeText(s)}</t></si>`);
    }
    return i;
  }

  xml(): string {
    return `${HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.parts.length}">${this.parts.join('')}</sst>`;
  }
}

function sheetXml(spec: SheetSpec, strings: SharedStrings): { xml: Uint8Array; lastRow: number } {
  const out: string[] = [];
  let rowNo = 0;
  let maxCol = spec.widths.length;
  for (const row of spec.rows) {
    rowNo++;
    let cells = '';
    row.forEach((v, c) => {
      const style = STYLE_INDEX[spec.style?.(rowNo, c, v) ?? 'plain'];
      const s = style ? ` s="${style}"` : '';
      const ref = `${columnLetters(c)}${rowNo}`;
      if (typeof v === 'number' && Number.isFinite(v)) cells += `<c r="${ref}"${s}><v>${v}</v></c>`;
      else if (typeof v === 'string' && v !== '') cells += `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
      else if (style) cells += `<c r="${ref}"${s}/>`;
    });
    maxCol = Math.max(maxCol, row.length);
    out.push(`<row r="${rowNo}">${cells}</row>`);
  }
  const cols = spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const view = spec.table
    ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  const filter = spec.table ? `<autoFilter ref="A1:${columnLetters(Math.max(0, maxCol - 1))}${Math.max(1, rowNo)}"/>` : '';
  const xml =
    `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${out.join('')}</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  return { xml: strToU8(xml), lastRow: Math.max(1, rowNo) };
}

/** Writes the workbook; sheet names must already be valid and unique (see sheetName in xlsx.ts). */
export function writeXlsx(sheets: readonly SheetSpec[], meta: { creator: string; created: Date }): Uint8Array {
  const strings = new SharedStrings();
  const items: ZipOut[] = [];
  const defined: string[] = [];
  const sheetEntries: string[] = [];
  const sheetRels: string[] = [];
  const overrides: string[] = [];
  sheets.forEach((spec, i) => {
    const { xml, lastRow } = sheetXml(spec, strings);
    items.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml });
    sheetEntries.push(`<sheet name="${escapeXml(spec.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    sheetRels.push(`<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    if (spec.table) {
      const last = columnLetters(Math.max(0, spec.widths.length - 1));
      const quoted = `'${spec.name.replace(/'/g, "''")}'`;
      defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`${quoted}!$A$1:$${last}$${lastRow}`)}</definedName>`);
    }
  });
  const n = sheets.length;
  const workbook =
    `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetEntries.join('')}</sheets>` +
    `${defined.length ? `<definedNames>${defined.join('')}</definedNames>` : ''}<calcPr calcId="0"/></workbook>`;
  const workbookRels =
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join('')}` +
    `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `${overrides.join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rootRels =
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const created = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeText(meta.creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
  return writeZip(undefined, [
    { name: '[Content_Types].xml', data: strToU8(contentTypes) },
    { name: '_rels/.rels', data: strToU8(rootRels) },
    { name: 'docProps/core.xml', data: strToU8(core) },
    { name: 'xl/workbook.xml', data: strToU8(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: strToU8(workbookRels) },
    { name: 'xl/styles.xml', data: strToU8(STYLES) },
    ...items,
    { name: 'xl/sharedStrings.xml', data: strToU8(strings.xml()) },
  ]);
}
