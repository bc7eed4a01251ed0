/**
 * Surgical .xlsx annotator. The copy is the original package with only what we add changed:
 *  - styles.xml: our three mark fills and, per marked cell, a clone of the cell's own cellXfs entry that
 *    differs only in fillId/applyFill (font, border, number format, alignment stay byte for byte);
 *  - the worksheet XML: the marked cells' `s` attribute (and their text for approved fixes), an empty cell
 *    element where a finding points at a cell that has none, a <legacyDrawing> when the sheet had no notes;
 *  - the sheet's comments part and VML drawing (created when missing), their relationships and content types;
 *  - extra sheets (the 汇总 sheet) when asked for.
 * Every other part is copied byte for byte, compressed data included: charts, pivots, VBA, protection,
 * custom properties, threaded comments. Our own earlier marks (recognised by our note prefix and our fills)
 * are removed first, so marks never stack and a fixed cell loses its mark. No Node APIs (bundled for the page).
 */
import type { CellRange, CellRef } from '../../core/grid';
import { columnLetters, parseA1, parseRangeAddress, toA1 } from '../../core/grid';
import type { Finding, Severity } from '../../core/findings';
import { MARK_COLORS, type NoteSize, groupByCell, noteSize, noteText, worstSeverity, wrappedLines } from '../../core/marks';
import { type Relationship, decodeUtf8, parseRelsText, relIs, relsPartName, resolveTarget } from './opc';
import { type Tag, decodeEntities, elementEnd, escapeText, escapeXml, fragmentText, getAttr, removeAttr, setAttr, splice, tags } from './xmlScan';
import { SUMMARY_TITLE, isSummarySheetName } from '../../core/summaryMark';
import { FileReadError, checkSignature, readGridsFromXlsx } from './xlsxReader';
import { type InflateBudget, type ZipOut, ZipError, ZipReader, writeZip } from './zip';

/** First line of every note we write; how our notes are told from the user's. */
export const NOTE_PREFIX = '绩效目标表助手：';
export const NOTE_AUTHOR = '绩效目标表助手';

/** A cell of an added sheet: a value, or a value with a severity fill and an in-workbook link. */
export interface ExtraCell {
  text: string | number;
  severity?: Severity;
  /** Hyperlink location inside the workbook, e.g. "'项目表'!B3". */
  link?: string;
  bold?: boolean;
  /** Wrap long text inside the column width (top-aligned). */
  wrap?: boolean;
}

export interface ExtraSheet {
  name: string;
  rows: (string | number | null | undefined | ExtraCell)[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Print landscape, scaled to one page wide (long explanations otherwise spill onto extra pages). */
  printFitToWidth?: boolean;
}

export interface AnnotateOptions {
  /** Write each finding's fix into the copy (only where the cell still shows fix.from). */
  applyFixes?: boolean;
  /** Sheets to add at the end (e.g. the 汇总 sheet); a name already taken gets a number. */
  extraSheets?: ExtraSheet[];
}

export interface CellChange {
  ref: CellRef;
  from: string;
  to: string;
}

export interface AnnotateResult {
  buffer: Uint8Array;
  changes: CellChange[];
  /** Findings whose cell could not be found (unknown sheet or bad address); nothing was marked for them. */
  skipped: Finding[];
}

/** A cell text to write (user-approved edits from the page). */
export interface CellEdit {
  ref: CellRef;
  text: string;
}

const T = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** styles.xml for a package that has none: the default cell style only. */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const OUR_ARGB = new Set(Object.values(MARK_COLORS).map((c) => c.argb.toUpperCase()));
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function fail(message: string): never {
  throw new FileReadError('corrupt', `文件已损坏无法标注（${message}）`);
}

/** The package being edited: original entries plus replaced and added parts. */
class Package {
  readonly zip: ZipReader;
  private readonly changed = new Map<string, string | Uint8Array>();
  private readonly added: string[] = [];
  private readonly budget: InflateBudget = { remaining: 1024 * 1024 * 1024, message: '工作簿解压后超过 1 GB，无法标注' };

  constructor(bytes: Uint8Array) {
    this.zip = new ZipReader(bytes);
  }

  /** Part name as stored (case preserved) or the given name. */
  nameOf(part: string): string {
    return this.zip.get(part)?.name ?? part;
  }

  has(part: string): boolean {
    const name = this.nameOf(part);
    return !this.removed.has(name) && (this.changed.has(name) || !!this.zip.get(part));
  }

  text(part: string): string | undefined {
    const name = this.nameOf(part);
    if (this.removed.has(name)) return undefined;
    const c = this.changed.get(name);
    if (c !== undefined) return typeof c === 'string' ? c : decodeUtf8(c);
    const entry = this.zip.get(part);
    return entry ? decodeUtf8(this.zip.read(entry, this.budget)) : undefined;
  }

  set(part: string, content: string): void {
    const name = this.nameOf(part);
    this.removed.delete(name);
    if (!this.zip.get(name) && !this.changed.has(name)) this.added.push(name);
    this.changed.set(name, content);
  }

  /** Drops a part from the copy (our own earlier 汇总 sheet). */
  remove(part: string): void {
    const name = this.nameOf(part);
    this.removed.add(name);
    this.changed.delete(name);
  }
  private readonly removed = new Set<string>();

  /** Lower-case names of every part, for picking unused names. */
  names(): Set<string> {
    const s = new Set(this.zip.entries.filter((e) => !this.removed.has(e.name)).map((e) => e.name.toLowerCase()));
    for (const n of this.added) s.add(n.toLowerCase());
    return s;
  }

  write(): Uint8Array {
    const enc = new TextEncoder();
    const items: ZipOut[] = [];
    for (const e of this.zip.entries) {
      if (this.removed.has(e.name)) continue;
      const c = this.changed.get(e.name);
      if (c === undefined) items.push({ name: e.name, keep: e });
      else items.push({ name: e.name, data: typeof c === 'string' ? enc.encode(c) : c });
    }
    for (const name of this.added) {
      const c = this.changed.get(name)!;
      items.push({ name, data: typeof c === 'string' ? enc.encode(c) : c });
    }
    return writeZip(this.zip, items);
  }
}

// ------------------------------------------------------------------------------------------------ styles

interface Xf {
  raw: string;
  fillId: number;
  /** The xf without fillId/applyFill: equal keys differ only in their fill. */
  key: string;
}

class Styles {
  private fills: string[] = [];
  private xfs: Xf[] = [];
  private fonts: string[] = [];
  private readonly newFonts: string[] = [];
  private boldFontId?: number;
  private fontsTag?: Tag;
  private fontsEnd = -1;
  private readonly newFills: string[] = [];
  private readonly newXfs: string[] = [];
  private readonly byRaw = new Map<string, number>();
  /** Our fills by severity and the tag of the fill they cover ('' for none). */
  private ourFill = new Map<string, number>();
  private prefix = '';
  private fillsTag?: Tag;
  private fillsEnd = -1;
  private xfsTag?: Tag;
  private xfsEnd = -1;

  constructor(
    private readonly xml: string,
    private readonly part: string,
  ) {
    for (const t of tags(xml)) {
      if (t.close) continue;
      if (t.local === 'fonts' && !this.fontsTag) {
        this.fontsTag = t;
        this.fontsEnd = elementEnd(xml, t);
        this.fonts = childElements(xml, t, this.fontsEnd, 'font');
      } else if (t.local === 'fills' && !this.fillsTag) {
        this.fillsTag = t;
        this.prefix = t.prefix;
        this.fillsEnd = elementEnd(xml, t);
        this.fills = childElements(xml, t, this.fillsEnd, 'fill');
      } else if (t.local === 'cellXfs' && !this.xfsTag) {
        this.xfsTag = t;
        this.xfsEnd = elementEnd(xml, t);
        this.xfs = childElements(xml, t, this.xfsEnd, 'xf').map(parseXf);
        break;
      }
    }
    if (!this.xfsTag || !this.fillsTag) fail(`${part} 中缺少 cellXfs 或 fills`);
    this.xfs.forEach((x, i) => this.byRaw.has(x.raw) || this.byRaw.set(x.raw, i));
    this.fills.forEach((f, i) => {
      const sev = ourFillSeverity(f);
      const key = sev && `${sev}:${coveredTag(f)}`;
      if (key && !this.ourFill.has(key)) this.ourFill.set(key, i);
    });
  }

  /** True when some fill is one of our mark fills (an earlier run marked cells). */
  get hasMarks(): boolean {
    return this.ourFill.size > 0;
  }

  /** True when style `s` carries one of our mark fills. */
  isMarked(s: number): boolean {
    let v = this.markedCache.get(s);
    if (v === undefined) {
      const xf = this.xfs[s];
      v = !!xf && ourFillSeverity(this.fills[xf.fillId] ?? '') !== undefined;
      this.markedCache.set(s, v);
    }
    return v;
  }
  private readonly markedCache = new Map<number, boolean>();

  /**
   * The style a marked cell had before our mark: the same xf apart from the fill, with the fill our mark
   * covered (its tag is kept in our fill's bgColor), else preferring no fill.
   */
  unmarked(s: number): number {
    const xf = this.xfs[s];
    if (!xf || !this.isMarked(s)) return s;
    const tag = coveredTag(this.fills[xf.fillId] ?? '');
    let best = -1;
    for (let i = 0; i < this.xfs.length; i++) {
      const c = this.xfs[i];
      if (c.key !== xf.key || this.isMarked(i)) continue;
      const ownTag = this.tagOf(c.fillId);
      if (ownTag === tag) return i;
      if (best < 0) best = i;
    }
    // No such xf any more (the workbook was edited): the covered fill itself, if it is still there.
    const fill = tag ? this.fills.findIndex((f, i) => this.tagOf(i) === tag && ourFillSeverity(f) === undefined) : -1;
    if (fill > 0) return this.add(setXfStart(setXfStart(xf.raw, 'fillId', String(fill)), 'applyFill', '1'));
    if (best >= 0) return best;
    return this.add(removeAttr(setXfStart(xf.raw, 'fillId', '0'), 'applyFill'));
  }

  /** Tag of fill `id`: '' when it shows nothing (equal to fill 0), else a hash of its XML. */
  private tagOf(id: number): string {
    let t = this.tags.get(id);
    if (t === undefined) {
      const fill = this.fills[id] ?? '';
      t = id === 0 || normalFill(fill) === normalFill(this.fills[0] ?? '') ? '' : fillHash(fill);
      this.tags.set(id, t);
    }
    return t;
  }
  private readonly tags = new Map<number, string>();

  /** Style for a cell of style `s` marked with `severity`. */
  marked(s: number, severity: Severity): number {
    const base = this.xfs[s] ?? this.xfs[0];
    if (!base) fail(`${this.part} 中没有单元格样式`);
    const fill = this.fillFor(severity, this.isMarked(s) ? coveredTag(this.fills[base.fillId] ?? '') : this.tagOf(base.fillId));
    const raw = setXfStart(setXfStart(base.raw, 'fillId', String(fill)), 'applyFill', '1');
    return this.add(raw);
  }

  /** Style for a cell of an added sheet: the default style plus a mark fill, bold font and/or wrapped text. */
  extraCell(options: { severity?: Severity; bold?: boolean; wrap?: boolean }): number {
    const base = this.xfs[0];
    if (!base) fail(`${this.part} 中没有单元格样式`);
    let start = xfStart(base.raw);
    if (options.severity) start = setAttr(setAttr(start, 'fillId', String(this.fillFor(options.severity, ''))), 'applyFill', '1');
    if (options.bold) {
      const font = this.boldFont();
      if (font !== undefined) start = setAttr(setAttr(start, 'fontId', String(font)), 'applyFont', '1');
    }
    if (!options.wrap) return this.add(start + base.raw.slice(xfStart(base.raw).length));
    const open = setAttr(start, 'applyAlignment', '1').replace(/\s*\/?>$/, '>');
    const name = /^<([^\s>/]+)/.exec(open)?.[1] ?? 'xf';
    const p = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
    return this.add(`${open}<${p}alignment vertical="top" wrapText="1"/></${name}>`);
  }

  /** A bold copy of the default font (font 0), added once. */
  private boldFont(): number | undefined {
    if (this.boldFontId !== undefined) return this.boldFontId;
    const base = this.fonts[0];
    if (!base || !this.fontsTag) return undefined;
    const name = /^<([^\s>/]+)/.exec(base)?.[1] ?? 'font';
    const p = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
    if (/<(?:\w+:)?b\b/.test(base)) return (this.boldFontId = 0);
    const open = xfStart(base);
    const bold = open.endsWith('/>')
      ? `${open.replace(/\s*\/>$/, '>')}<${p}b/></${name}>`
      : `${open}<${p}b/>${base.slice(open.length)}`;
    this.boldFontId = this.fonts.length;
    this.fonts.push(bold);
    this.newFonts.push(bold);
    return this.boldFontId;
  }

  /** Our fill for `severity` over a cell whose own fill has tag `covered` (kept in bgColor, which a solid fill does not show). */
  private fillFor(severity: Severity, covered: string): number {
    const key = `${severity}:${covered}`;
    const known = this.ourFill.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const bg = covered ? `<${p}bgColor rgb="FF${covered}"/>` : `<${p}bgColor indexed="64"/>`;
    const xml = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${MARK_COLORS[severity].argb}"/>${bg}</${p}patternFill></${p}fill>`;
    const id = this.fills.length;
    this.fills.push(xml);
    this.newFills.push(xml);
    this.ourFill.set(key, id);
    return id;
  }

  private add(raw: string): number {
    const known = this.byRaw.get(raw);
    if (known !== undefined) return known;
    const id = this.xfs.length;
    this.xfs.push(parseXf(raw));
    this.newXfs.push(raw);
    this.byRaw.set(raw, id);
    return id;
  }

  /** styles.xml with the new fills and xfs appended, or undefined when nothing was added. */
  output(): string | undefined {
    if (!this.newFills.length && !this.newXfs.length && !this.newFonts.length) return undefined;
    const edits: { start: number; end: number; text: string }[] = [];
    const appendTo = (open: Tag, end: number, count: number, added: string[]): void => {
      if (!added.length) return;
      const startTag = this.xml.slice(open.start, open.end);
      if (open.selfClosing) {
        const opened = setAttr(startTag, 'count', String(count)).replace(/\s*\/>$/, '>');
        edits.push({ start: open.start, end: open.end, text: `${opened}${added.join('')}</${open.name}>` });
        return;
      }
      edits.push({ start: open.start, end: open.end, text: setAttr(startTag, 'count', String(count)) });
      const closeStart = this.xml.lastIndexOf('</', end - 1);
      edits.push({ start: closeStart, end: closeStart, text: added.join('') });
    };
    if (this.fontsTag) appendTo(this.fontsTag, this.fontsEnd, this.fonts.length, this.newFonts);
    appendTo(this.fillsTag!, this.fillsEnd, this.fills.length, this.newFills);
    appendTo(this.xfsTag!, this.xfsEnd, this.xfs.length, this.newXfs);
    return splice(this.xml, edits);
  }
}

function childElements(xml: string, parent: Tag, parentEnd: number, local: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const t of tags(xml, parent.end, parentEnd)) {
    if (t.close) {
      depth--;
      continue;
    }
    if (depth === 0 && t.local === local) {
      const end = elementEnd(xml, t, parentEnd);
      out.push(xml.slice(t.start, end));
      // Skip the element's inside.
      if (!t.selfClosing) depth++;
      continue;
    }
    if (!t.selfClosing) depth++;
  }
  return out;
}

function xfStart(raw: string): string {
  const m = /^<[^>]*?(?:"[^"]*"|'[^']*'|[^>"'])*?>/.exec(raw);
  return m ? m[0] : raw;
}

function setXfStart(raw: string, name: string, value: string): string {
  const start = xfStart(raw);
  return setAttr(start, name, value) + raw.slice(start.length);
}

function parseXf(raw: string): Xf {
  const start = xfStart(raw);
  const fillId = Number(getAttr(start, 'fillId') ?? 0);
  const key = removeAttr(removeAttr(start, 'fillId'), 'applyFill') + raw.slice(start.length);
  return { raw, fillId: Number.isInteger(fillId) ? fillId : 0, key };
}

/** A fill's XML without layout whitespace and namespace prefixes, for comparing fills. */
function normalFill(fill: string): string {
  return fill.replace(/>\s+</g, '><').replace(/<(\/?)[\w.-]+:/g, '<$1').trim();
}

/** Six hex digits (FNV-1a, 24 bits) naming a fill's content. */
function fillHash(fill: string): string {
  let h = 0x811c9dc5;
  const n = normalFill(fill);
  for (let i = 0; i < n.length; i++) h = Math.imul(h ^ n.charCodeAt(i), 0x01000193) >>> 0;
  return ((h ^ (h >>> 24)) & 0xffffff).toString(16).toUpperCase().padStart(6, '0');
}

/** For one of our fills: the tag of the fill it covers, kept in its bgColor ('' for none). */
function coveredTag(fill: string): string {
  return /bgColor\b[^>]*\brgb\s*=\s*["']FF([0-9A-Fa-f]{6})["']/.exec(fill)?.[1].toUpperCase() ?? '';
}

function ourFillSeverity(fill: string): Severity | undefined {
  if (!/patternType\s*=\s*["']solid["']/.test(fill)) return undefined;
  const m = /fgColor\b[^>]*\brgb\s*=\s*["']([0-9A-Fa-f]{8})["']/.exec(fill);
  if (!m || !OUR_ARGB.has(m[1].toUpperCase())) return undefined;
  return SEVERITIES.find((s) => MARK_COLORS[s].argb.toUpperCase() === m[1].toUpperCase());
}

// ------------------------------------------------------------------------------------------------ sheet scan

interface CellEl {
  row: number;
  col: number;
  open: Tag;
  end: number;
  s: number;
  hasFormula: boolean;
}

interface RowEl {
  row: number;
  open: Tag;
  /** Start of </row>, or -1 when self-closing. */
  closeStart: number;
  /** Cells in document order. */
  cells: CellEl[];
  implicitCells: boolean;
  style?: number;
}

interface SheetScan {
  prefix: string;
  sheetData: Tag;
  /** Index where </sheetData> starts (or the self-closing tag when empty). */
  sheetDataClose: number;
  rows: RowEl[];
  cells: Map<string, CellEl>;
  merges: CellRange[];
  cols: { min: number; max: number; style: number }[];
  legacyDrawing?: Tag;
  /** Where a new <legacyDrawing> goes. */
  legacyDrawingAt: number;
  implicitRows: boolean;
  /** The text after </sheetData> (to </worksheet> and beyond), and the length of the whole sheet scanned. */
  tail: string;
  sourceLength: number;
}

const cellKey = (row: number, col: number): string => `${row}:${col}`;

const LEGACY_DRAWING_FOLLOWERS = new Set([
  'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent',
]);

function scanSheet(xml: string, part: string): SheetScan {
  let sheetData: Tag | undefined;
  const cols: SheetScan['cols'] = [];
  for (const t of tags(xml)) {
    if (t.close) continue;
    if (t.local === 'col') {
      const min = Number(getAttr(t.attrText, 'min'));
      const max = Number(getAttr(t.attrText, 'max'));
      const style = Number(getAttr(t.attrText, 'style') ?? 0);
      if (min > 0 && max >= min && style > 0) cols.push({ min: min - 1, max: max - 1, style });
    } else if (t.local === 'sheetData') {
      sheetData = t;
      break;
    }
  }
  if (!sheetData) fail(`${part} 中缺少 sheetData`);
  const rows: RowEl[] = [];
  const cells = new Map<string, CellEl>();
  let sheetDataClose = sheetData.start;
  let implicitRows = false;
  if (!sheetData.selfClosing) {
    let row: RowEl | undefined;
    let cell: CellEl | undefined;
    let rowIndex = -1;
    let colIndex = -1;
    for (const t of tags(xml, sheetData.end)) {
      if (t.local === 'sheetData' && t.close) {
        sheetDataClose = t.start;
        break;
      }
      if (t.local === 'row' && !t.close) {
        const r = Number(getAttr(t.attrText, 'r'));
        if (Number.isInteger(r) && r >= 1) rowIndex = r - 1;
        else {
          rowIndex++;
          implicitRows = true;
        }
        const custom = getAttr(t.attrText, 'customFormat');
        const s = Number(getAttr(t.attrText, 's'));
        row = {
          row: rowIndex,
          open: t,
          closeStart: -1,
          cells: [],
          implicitCells: false,
          style: (custom === '1' || custom === 'true') && Number.isInteger(s) ? s : undefined,
        };
        rows.push(row);
        colIndex = -1;
        continue;
      }
      if (t.local === 'row' && t.close) {
        if (row) row.closeStart = t.start;
        row = undefined;
        continue;
      }
      if (t.local === 'c' && !t.close && row) {
        const ref = getAttr(t.attrText, 'r');
        const pos = ref ? parseA1(ref) : undefined;
        if (pos) colIndex = pos.col;
        else {
          colIndex++;
          row.implicitCells = true;
        }
        const s = Number(getAttr(t.attrText, 's') ?? 0);
        cell = { row: row.row, col: colIndex, open: t, end: t.end, s: Number.isInteger(s) && s >= 0 ? s : 0, hasFormula: false };
        row.cells.push(cell);
        cells.set(cellKey(row.row, colIndex), cell);
        if (t.selfClosing) cell = undefined;
        continue;
      }
      if (cell && t.local === 'f' && !t.close) cell.hasFormula = true;
      if (cell && t.local === 'c' && t.close) {
        cell.end = t.end;
        cell = undefined;
      }
    }
  }
  // After sheetData: merges, the legacy drawing and where a new one would go.
  const merges: CellRange[] = [];
  let legacyDrawing: Tag | undefined;
  let legacyDrawingAt = -1;
  let depth = 0;
  const after = sheetData.selfClosing ? sheetData.end : xml.indexOf('>', sheetDataClose) + 1;
  for (const t of tags(xml, after)) {
    if (t.close) {
      if (depth === 0) {
        if (legacyDrawingAt < 0) legacyDrawingAt = t.start; // </worksheet>
        break;
      }
      depth--;
      continue;
    }
    if (depth === 0) {
      if (t.local === 'legacyDrawing') legacyDrawing = t;
      if (legacyDrawingAt < 0 && LEGACY_DRAWING_FOLLOWERS.has(t.local)) legacyDrawingAt = t.start;
    }
    if (t.local === 'mergeCell') {
      const range = parseRangeAddress(getAttr(t.attrText, 'ref') ?? '');
      if (range) merges.push(range);
    }
    if (!t.selfClosing) depth++;
  }
  return {
    prefix: sheetData.prefix,
    sheetData,
    sheetDataClose,
    rows,
    cells,
    merges,
    cols,
    legacyDrawing,
    legacyDrawingAt,
    implicitRows,
    tail: xml.slice(after),
    sourceLength: xml.length,
  };
}

// ------------------------------------------------------------------------------------------------ comments

interface CommentEl {
  ref: string;
  row: number;
  col: number;
  start: number;
  end: number;
  authorId: number;
  /** Our note entirely; ours appended to a user's; not ours. */
  kind: 'ours' | 'appended' | 'user';
  /** For 'appended': where our runs start (inside <text>) and where </text> starts. */
  cutFrom?: number;
  cutTo?: number;
  /** For 'appended' notes from older versions: the user's text to keep, as plain text. */
  keepPlain?: string;
}

interface CommentsScan {
  xml: string;
  prefix: string;
  authors: string[];
  authorsTag?: Tag;
  authorsEnd: number;
  listTag?: Tag;
  listClose: number;
  comments: CommentEl[];
}

const OLD_NOTE_START = /^(\[(错误|警告|提示)\] |【(错误|警告|提示)】)/;

function scanComments(xml: string): CommentsScan {
  const scan: CommentsScan = { xml, prefix: '', authors: [], authorsEnd: -1, listClose: -1, comments: [] };
  for (const t of tags(xml)) {
    if (t.close) {
      if (t.local === 'commentList') scan.listClose = t.start;
      continue;
    }
    if (t.local === 'comments') scan.prefix = t.prefix;
    else if (t.local === 'authors') {
      scan.authorsTag = t;
      scan.authorsEnd = elementEnd(xml, t);
      for (const a of tags(xml, t.end, scan.authorsEnd)) {
        if (a.local === 'author' && !a.close) {
          if (a.selfClosing) scan.authors.push('');
          else scan.authors.push(fragmentText(`<t>${xml.slice(a.end, elementEnd(xml, a) - `</${a.name}>`.length)}</t>`));
        }
      }
    } else if (t.local === 'commentList') {
      scan.listTag = t;
      if (t.selfClosing) scan.listClose = t.start;
    } else if (t.local === 'comment') {
      const end = elementEnd(xml, t);
      const ref = getAttr(t.attrText, 'ref') ?? '';
      const pos = parseA1(ref);
      if (!pos) continue;
      const inner = xml.slice(t.end, end);
      const authorId = Number(getAttr(t.attrText, 'authorId') ?? 0);
      const c: CommentEl = { ref, row: pos.row, col: pos.col, start: t.start, end, authorId, kind: 'user' };
      const plain = fragmentText(inner);
      if (plain.startsWith(NOTE_PREFIX) || OLD_NOTE_START.test(plain)) c.kind = 'ours';
      else {
        const at = plain.indexOf(`\n\n${NOTE_PREFIX}`);
        if (at >= 0) {
          c.kind = 'appended';
          locateCut(xml, t.end, end, c, plain.slice(0, at));
        }
      }
      scan.comments.push(c);
    }
  }
  return scan;
}

/** Finds our appended runs inside a comment's <text>: from the run holding the marker to </text>. */
function locateCut(xml: string, from: number, to: number, c: CommentEl, before: string): void {
  let textClose = -1;
  let markerRun = -1;
  for (const t of tags(xml, from, to)) {
    if (t.local === 'text' && t.close) textClose = t.start;
    if (t.local === 'r' && !t.close && !t.selfClosing && markerRun < 0) {
      const end = elementEnd(xml, t, to);
      if (fragmentText(xml.slice(t.start, end)).trim() === NOTE_PREFIX) markerRun = t.start;
    }
  }
  if (markerRun >= 0 && textClose > markerRun) {
    c.cutFrom = markerRun;
    c.cutTo = textClose;
  } else {
    c.keepPlain = before;
  }
}

// ------------------------------------------------------------------------------------------------ annotate

interface SheetInfo {
  name: string;
  part: string;
  /** Relationship id in the workbook and position among all <sheet> elements (chart sheets included). */
  relId: string;
  index: number;
}

interface Mark {
  row: number;
  col: number;
  findings: Finding[];
  severity?: Severity;
  note?: string;
  fixText?: string;
}

function workbookSheets(pkg: Package): { workbookPart: string; sheets: SheetInfo[]; wbRels: Relationship[] } {
  const rootRels = pkg.text('_rels/.rels');
  const office = rootRels ? parseRelsText('_rels/.rels', rootRels).find((r) => relIs(r, 'officeDocument')) : undefined;
  if (!office) fail('缺少 _rels/.rels');
  const workbookPart = resolveTarget('', office.target);
  const wb = pkg.text(workbookPart);
  const relsText = pkg.text(relsPartName(workbookPart));
  if (wb === undefined || relsText === undefined) fail('缺少工作簿部件');
  const wbRels = parseRelsText(relsPartName(workbookPart), relsText);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  let index = -1;
  for (const t of tags(wb)) {
    if (t.close || t.local !== 'sheet') continue;
    index++;
    const idAttr = /\s([\w.-]+:)?id\s*=\s*"([^"]*)"/.exec(t.attrText);
    const rel = idAttr ? byId.get(idAttr[2]) : undefined;
    if (!rel || !relIs(rel, 'worksheet')) continue;
    sheets.push({ name: getAttr(t.attrText, 'name') ?? '', part: resolveTarget(workbookPart, rel.target), relId: rel.id, index });
  }
  return { workbookPart, sheets, wbRels };
}

function unusedName(pkg: Package, make: (n: number) => string): string {
  const names = pkg.names();
  for (let n = 1; ; n++) if (!names.has(make(n).toLowerCase())) return make(n);
}

function nextRelId(rels: Relationship[]): string {
  let max = 0;
  for (const r of rels) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `rId${max + 1}`;
}

function addRelationship(pkg: Package, source: string, type: string, target: string): string {
  const relsPart = relsPartName(source);
  const text = pkg.text(relsPart);
  const rels = text ? parseRelsText(relsPart, text) : [];
  const id = nextRelId(rels);
  const rel = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${escapeXml(target)}"/>`;
  if (text === undefined) {
    pkg.set(
      relsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
  } else {
    const at = text.lastIndexOf('</');
    pkg.set(relsPart, text.slice(0, at) + rel + text.slice(at));
  }
  return id;
}

function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

function addContentType(pkg: Package, partName: string | undefined, type: string, extension?: string): void {
  const text = pkg.text('[Content_Types].xml');
  if (text === undefined) fail('缺少 [Content_Types].xml');
  let el: string;
  if (extension) {
    if (new RegExp(`<(?:\\w+:)?Default\\s[^>]*Extension\\s*=\\s*"${extension}"`, 'i').test(text)) return;
    el = `<Default Extension="${extension}" ContentType="${type}"/>`;
  } else {
    const name = escapeXml(partName!);
    if (text.toLowerCase().includes(`partname="/${name.toLowerCase()}"`)) return;
    el = `<Override PartName="/${name}" ContentType="${type}"/>`;
  }
  const at = text.lastIndexOf('</');
  pkg.set('[Content_Types].xml', text.slice(0, at) + el + text.slice(at));
}

/** Marks per sheet part: cell key → what to write there. */
type SheetMarks = Map<string, Mark>;

/**
 * Writes an annotated copy of an .xlsx/.xlsm package: a fill by worst severity and a note per flagged cell,
 * after removing our own earlier marks. Values change only for approved fixes.
 */
export function annotateXlsx(data: Uint8Array | ArrayBuffer, findings: readonly Finding[], options: AnnotateOptions = {}): AnnotateResult {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkSignature(bytes);
  try {
    return annotatePackage(bytes, findings, options, []);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    if (err instanceof ZipError) throw new FileReadError(err.kind === 'limit' ? 'too-large' : 'corrupt', `文件无法标注（${err.message}）`);
    throw new FileReadError('corrupt', `文件已损坏无法标注（${err instanceof Error ? err.message.slice(0, 80) : String(err)}）`);
  }
}

/** Removes our marks (fills and notes) from a package; everything else is kept. */
export function clearMarksXlsx(data: Uint8Array | ArrayBuffer): Uint8Array {
  return annotateXlsx(data, []).buffer;
}

/** Writes user-approved cell texts into a copy (the page's 应用修改); nothing else changes. */
export function applyCellTexts(data: Uint8Array | ArrayBuffer, edits: readonly CellEdit[]): Uint8Array {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (!edits.length) return bytes;
  checkSignature(bytes);
  return annotatePackage(bytes, [], {}, edits).buffer;
}

function annotatePackage(bytes: Uint8Array, findings: readonly Finding[], options: AnnotateOptions, edits: readonly CellEdit[]): AnnotateResult {
  const pkg = new Package(bytes);
  const { workbookPart, sheets: allSheets, wbRels } = workbookSheets(pkg);
  // Our 汇总 sheet from an earlier run goes (a new one is added below when asked for); edits keep it.
  const oldSummaries = edits.length ? [] : ourSummarySheets(pkg, workbookPart, wbRels, allSheets);
  if (oldSummaries.length) removeSheets(pkg, workbookPart, oldSummaries);
  const sheets = allSheets.filter((s) => !oldSummaries.includes(s));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const changes: CellChange[] = [];
  const skipped: Finding[] = [];

  // Fixes are written only where the cell still shows fix.from (the reader's display text).
  const fixText = new Map<string, Map<string, string>>();
  const applied = new Set<Finding>();
  if (options.applyFixes && findings.some((f) => f.fix)) {
    const grids = readGridsFromXlsx(bytes).grids;
    const gridBySheet = new Map(grids.map((g) => [g.sheetName, g]));
    const done = new Set<string>();
    for (const f of findings) {
      // A row deletion moves every cell below it: the page's download does it (hosts/file/deleteRow), --fix does not.
      if (!f.fix || f.fix.kind === 'delete-row') continue;
      const key = `${f.fix.ref.sheet}!${f.fix.ref.address}`;
      const pos = parseA1(f.fix.ref.address);
      const grid = gridBySheet.get(f.fix.ref.sheet);
      if (done.has(key) || !pos || !grid || !byName.has(f.fix.ref.sheet)) continue;
      const shown = grid.cells[pos.row]?.[pos.col]?.text ?? '';
      if (shown.trim() !== f.fix.from.trim()) continue;
      done.add(key);
      applied.add(f);
      const m = fixText.get(f.fix.ref.sheet) ?? new Map<string, string>();
      m.set(cellKey(pos.row, pos.col), f.fix.to);
      fixText.set(f.fix.ref.sheet, m);
      changes.push({ ref: f.fix.ref, from: f.fix.from, to: f.fix.to });
    }
  }
  for (const e of edits) {
    const pos = parseA1(e.ref.address);
    if (!pos || !byName.has(e.ref.sheet)) throw new FileReadError('corrupt', `找不到工作表“${e.ref.sheet}”或单元格 ${e.ref.address}`);
    const m = fixText.get(e.ref.sheet) ?? new Map<string, string>();
    m.set(cellKey(pos.row, pos.col), e.text);
    fixText.set(e.ref.sheet, m);
  }

  const groups = new Map<string, Finding[][]>();
  for (const group of groupByCell(findings).values()) {
    const ref = group[0].ref;
    if (!byName.has(ref.sheet) || !parseA1(ref.address)) {
      skipped.push(...group);
      continue;
    }
    const list = groups.get(ref.sheet) ?? [];
    list.push(group);
    groups.set(ref.sheet, list);
  }

  const stylesRel = wbRels.find((r) => relIs(r, 'styles'));
  let stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : undefined;
  let styles: Styles | undefined;
  const getStyles = (): Styles => {
    if (styles) return styles;
    let text = stylesPart ? pkg.text(stylesPart) : undefined;
    if (text === undefined) {
      // The styles part is optional (some writers leave it out): our marks need one, with the default style first.
      const part = stylesPart ?? unusedName(pkg, (n) => (n === 1 ? 'xl/styles.xml' : `xl/styles${n}.xml`));
      text = MINIMAL_STYLES;
      pkg.set(part, text);
      if (!stylesRel) addRelationship(pkg, workbookPart, 'styles', relativeTarget(workbookPart, part));
      addContentType(pkg, part, T.styles);
      stylesPart = part;
    }
    styles = new Styles(text, stylesPart!);
    return styles;
  };

  for (const sheet of sheets) {
    const sheetGroups = groups.get(sheet.name) ?? [];
    const sheetFixes = fixText.get(sheet.name);
    const relsPart = relsPartName(sheet.part);
    const relsText = pkg.text(relsPart);
    const sheetRels = relsText ? parseRelsText(relsPart, relsText) : [];
    const commentsRel = sheetRels.find((r) => relIs(r, 'comments') && !r.external);
    const commentsPart = commentsRel ? resolveTarget(sheet.part, commentsRel.target) : undefined;
    const commentsText = commentsPart ? pkg.text(commentsPart) : undefined;
    const comments = commentsText !== undefined ? scanComments(commentsText) : undefined;
    const ourOld = comments?.comments.filter((c) => c.kind !== 'user') ?? [];
    // (styles are parsed once, lazily; a package without styles has no marks to clear)
    const oldFills = !!stylesPart && getStyles().hasMarks;
    if (!sheetGroups.length && !sheetFixes?.size && !ourOld.length && !oldFills) continue;

    const xml = pkg.text(sheet.part);
    if (xml === undefined) fail(`缺少工作表“${sheet.name}”的部件`);
    const scan = scanSheet(xml, sheet.part);

    // New marks, by the cell actually marked: findings on a merged area land on its top-left cell.
    const marks: SheetMarks = new Map();
    const mergeIndex = buildMergeIndex(scan.merges);
    for (const group of sheetGroups) {
      const pos = parseA1(group[0].ref.address)!;
      const at = mergeIndex(pos.row, pos.col) ?? pos;
      const key = cellKey(at.row, at.col);
      const mark = marks.get(key) ?? { row: at.row, col: at.col, findings: [] };
      mark.findings.push(...group);
      mark.severity = worstSeverity(mark.findings);
      mark.note = noteText(mark.findings, applied);
      marks.set(key, mark);
    }
    for (const [key, to] of sheetFixes ?? []) {
      const [row, col] = key.split(':').map(Number);
      const mark = marks.get(key) ?? { row, col, findings: [] };
      mark.fixText = to;
      marks.set(key, mark);
    }

    // Cells carrying our fill from an earlier run (with or without our note): back to their own style.
    const st = oldFills || [...marks.values()].some((m) => m.severity) ? getStyles() : undefined;
    const restyle = new Map<string, number>();
    if (st && oldFills) {
      for (const [key, cell] of scan.cells) if (st.isMarked(cell.s)) restyle.set(key, st.unmarked(cell.s));
    }

    const edits: { start: number; end: number; text: string }[] = [];
    const p = scan.prefix;
    const rowsByIndex = new Map(scan.rows.map((r) => [r.row, r]));
    const baseStyle = (row: number, col: number): number => {
      const r = rowsByIndex.get(row);
      if (r?.style !== undefined) return r.style;
      return scan.cols.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
    };
    const insertions = new Map<number, string[]>(); // position → new elements, kept in cell order
    // Start-tag edits of existing rows: spans dropped, cells put into a self-closing row.
    const rowEdits = new Map<RowEl, { dropSpans: boolean; inside: string[] }>();
    const rowEdit = (row: RowEl): { dropSpans: boolean; inside: string[] } => {
      let e = rowEdits.get(row);
      if (!e) rowEdits.set(row, (e = { dropSpans: false, inside: [] }));
      return e;
    };
    const pushInsert = (at: number, text: string): void => {
      const list = insertions.get(at) ?? [];
      list.push(text);
      insertions.set(at, list);
    };
    const newCellXml = (row: number, col: number, s: number, text?: string): string => {
      const sAttr = s ? ` s="${s}"` : '';
      if (text === undefined || text === '') return `<${p}c r="${toA1(row, col)}"${sAttr}/>`;
      return `<${p}c r="${toA1(row, col)}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}is></${p}c>`;
    };

    const sortedMarks = [...marks.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const sortedRows = [...scan.rows].sort((a, b) => a.row - b.row);
    /** The first row after `row` (binary search: marks × rows would be quadratic on big sheets). */
    const rowAfter = (row: number): RowEl | undefined => {
      let lo = 0;
      let hi = sortedRows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sortedRows[mid].row > row) hi = mid;
        else lo = mid + 1;
      }
      return sortedRows[lo];
    };
    for (const mark of sortedMarks) {
      const key = cellKey(mark.row, mark.col);
      const cell = scan.cells.get(key);
      const current = cell ? restyle.get(key) ?? cell.s : baseStyle(mark.row, mark.col);
      const s = mark.severity && st ? st.marked(st.unmarked(current), mark.severity) : current;
      restyle.delete(key);
      if (cell) {
        if (mark.fixText !== undefined && cell.hasFormula) {
          // A formula is never overwritten by a suggested text.
          const i = changes.findIndex((c) => c.ref.sheet === sheet.name && parseA1(c.ref.address)?.row === mark.row && parseA1(c.ref.address)?.col === mark.col);
          if (i >= 0) changes.splice(i, 1);
          mark.fixText = undefined;
        }
        const startTag = xml.slice(cell.open.start, cell.open.end);
        let newStart = s ? setAttr(startTag, 's', String(s)) : removeAttr(startTag, 's');
        if (mark.fixText === undefined) {
          if (newStart !== startTag) edits.push({ start: cell.open.start, end: cell.open.end, text: newStart });
          continue;
        }
        newStart = removeAttr(newStart, 't');
        const closed = newStart.replace(/\s*\/?>$/, '');
        const text =
          mark.fixText === ''
            ? `${closed}/>`
            : `${closed} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(mark.fixText)}</${p}t></${p}is></${cell.open.name}>`;
        edits.push({ start: cell.open.start, end: cell.end, text });
        continue;
      }
      if (scan.implicitRows) {
        dropMark(mark, sheet.name, findings, skipped, changes);
        continue;
      }
      const xmlCell = newCellXml(mark.row, mark.col, s, mark.fixText);
      const row = rowsByIndex.get(mark.row);
      if (row) {
        if (row.implicitCells) {
          dropMark(mark, sheet.name, findings, skipped, changes);
          continue;
        }
        const next = row.cells.find((c) => c.col > mark.col);
        if (next) pushInsert(next.open.start, xmlCell);
        else if (row.closeStart >= 0) pushInsert(row.closeStart, xmlCell);
        else rowEdit(row).inside.push(xmlCell); // <row .../> becomes <row ...>cells</row>
        const spans = getAttr(row.open.attrText, 'spans');
        if (spans) {
          const [a, b] = spans.split(':').map(Number);
          if (!(mark.col + 1 >= a && mark.col + 1 <= b)) rowEdit(row).dropSpans = true;
        }
      } else {
        const nextRow = rowAfter(mark.row);
        const rowXml = `<${p}row r="${mark.row + 1}">${xmlCell}</${p}row>`;
        const at = nextRow ? nextRow.open.start : scan.sheetDataClose;
        if (scan.sheetData.selfClosing) {
          pushInsert(-1, rowXml);
        } else {
          // Consecutive new cells of one new row share one <row>.
          const list = insertions.get(at);
          const last = list?.[list.length - 1];
          const prefixRow = `<${p}row r="${mark.row + 1}">`;
          if (last && last.startsWith(prefixRow)) list![list!.length - 1] = last.replace(new RegExp(`</${p}row>$`), `${xmlCell}</${p}row>`);
          else pushInsert(at, rowXml);
        }
      }
    }
    // Old marks on cells no longer flagged: back to their own style.
    for (const [key, s] of restyle) {
      const cell = scan.cells.get(key)!;
      const startTag = xml.slice(cell.open.start, cell.open.end);
      edits.push({ start: cell.open.start, end: cell.open.end, text: s ? setAttr(startTag, 's', String(s)) : removeAttr(startTag, 's') });
    }
    for (const [row, e] of rowEdits) {
      let startTag = xml.slice(row.open.start, row.open.end);
      if (e.dropSpans) startTag = removeAttr(startTag, 'spans');
      if (e.inside.length) startTag = `${startTag.replace(/\s*\/>$/, '>')}${e.inside.join('')}</${row.open.name}>`;
      edits.push({ start: row.open.start, end: row.open.end, text: startTag });
    }
    for (const [at, list] of insertions) {
      if (at === -1) {
        const startTag = xml.slice(scan.sheetData.start, scan.sheetData.end).replace(/\s*\/>$/, '>');
        edits.push({ start: scan.sheetData.start, end: scan.sheetData.end, text: `${startTag}${list.join('')}</${scan.sheetData.name}>` });
      } else edits.push({ start: at, end: at, text: list.join('') });
    }

    // Notes.
    const notes = sortedMarks.filter((m) => m.note !== undefined);
    let newXml = splice(xml, edits);
    if (notes.length || ourOld.length) {
      const result = writeComments(pkg, sheet, scan, comments, commentsPart, notes, sheetRels, newXml);
      newXml = result.sheetXml;
    }
    if (newXml !== xml) pkg.set(sheet.part, newXml);
  }

  if (options.extraSheets?.length) {
    addSheets(pkg, workbookPart, options.extraSheets, (cell) => getStyles().extraCell(cell));
  }
  const stylesOut = styles?.output();
  if (stylesOut !== undefined && stylesPart) pkg.set(stylesPart, stylesOut);
  return { buffer: pkg.write(), changes, skipped };
}

function dropMark(mark: Mark, sheet: string, findings: readonly Finding[], skipped: Finding[], changes: CellChange[]): void {
  const addr = toA1(mark.row, mark.col);
  for (const f of findings) if (f.ref.sheet === sheet && f.ref.address === addr) skipped.push(f);
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i].ref.sheet === sheet && changes[i].ref.address === addr) changes.splice(i, 1);
}

function buildMergeIndex(merges: readonly CellRange[]): (row: number, col: number) => { row: number; col: number } | undefined {
  const byRow = new Map<number, CellRange[]>();
  return (row, col) => {
    if (!byRow.size && merges.length) {
      for (const m of merges) {
        // Findings only point at used cells; a merge taller than 100k rows is indexed by its first rows.
        const bottom = Math.min(m.bottom, m.top + 100_000);
        for (let r = m.top; r <= bottom; r++) {
          const list = byRow.get(r) ?? [];
          list.push(m);
          byRow.set(r, list);
        }
      }
    }
    const hit = byRow.get(row)?.find((m) => col >= m.left && col <= m.right);
    return hit ? { row: hit.top, col: hit.left } : undefined;
  };
}

const NOTE_RUN_PR = (p: string, bold: boolean): string =>
  `<${p}rPr>${bold ? `<${p}b/>` : ''}<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>`;

function noteRuns(p: string, body: string, leadingBreak: boolean): string {
  return (
    `<${p}r>${NOTE_RUN_PR(p, true)}<${p}t xml:space="preserve">${leadingBreak ? '\n\n' : ''}${NOTE_PREFIX}</${p}t></${p}r>` +
    `<${p}r>${NOTE_RUN_PR(p, false)}<${p}t xml:space="preserve">\n${escapeText(body)}</${p}t></${p}r>`
  );
}

function writeComments(
  pkg: Package,
  sheet: SheetInfo,
  scan: SheetScan,
  comments: CommentsScan | undefined,
  commentsPartIn: string | undefined,
  notes: Mark[],
  sheetRels: Relationship[],
  sheetXml: string,
): { sheetXml: string } {
  let commentsPart = commentsPartIn;
  let scanC = comments;
  if (!scanC) {
    if (!notes.length) return { sheetXml };
    commentsPart = unusedName(pkg, (n) => `xl/comments${n}.xml`);
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList></commentList></comments>`;
    pkg.set(commentsPart, xml);
    addRelationship(pkg, sheet.part, 'comments', relativeTarget(sheet.part, commentsPart));
    addContentType(pkg, commentsPart, T.comments);
    scanC = scanComments(xml);
  }
  const xml = scanC.xml;
  const p = scanC.prefix;
  const edits: { start: number; end: number; text: string }[] = [];
  let authorId = scanC.authors.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = scanC.authors.length;
    const add = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (scanC.authorsTag && !scanC.authorsTag.selfClosing) {
      const close = xml.lastIndexOf('</', scanC.authorsEnd - 1);
      edits.push({ start: close, end: close, text: add });
    } else if (scanC.authorsTag) {
      edits.push({ start: scanC.authorsTag.start, end: scanC.authorsTag.end, text: `<${p}authors>${add}</${p}authors>` });
    } else fail('批注部件缺少 authors');
  }
  const threaded = new Set(
    scanC.comments.filter((c) => (scanC!.authors[c.authorId] ?? '').startsWith('tc=')).map((c) => cellKey(c.row, c.col)),
  );
  const byCell = new Map(scanC.comments.map((c) => [cellKey(c.row, c.col), c]));
  const removedShapes = new Set<string>();
  // Notes are sized to their text: new shapes get their size, shapes kept for a replaced note are resized.
  const resized = new Map<string, NoteSize>();
  const noteByKey = new Map(notes.map((n) => [cellKey(n.row, n.col), n]));
  // Our old notes go; a user's note with ours appended is cut back (and gets the new text appended below).
  for (const c of scanC.comments) {
    const key = cellKey(c.row, c.col);
    if (c.kind === 'ours') {
      const next = noteByKey.get(key);
      if (next && !threaded.has(key)) {
        // Replace in place: same shape, new text.
        const open = xml.slice(c.start, xml.indexOf('>', c.start) + 1);
        const startTag = setAttr(open, 'authorId', String(authorId));
        edits.push({ start: c.start, end: c.end, text: `${startTag}<${p}text>${noteRuns(p, next.note!, false)}</${p}text></${xmlNameOf(open)}>` });
        resized.set(key, noteSize(`${NOTE_PREFIX}\n${next.note!}`));
        noteByKey.delete(key);
      } else {
        edits.push({ start: c.start, end: c.end, text: '' });
        removedShapes.add(key);
      }
    } else if (c.kind === 'appended') {
      const next = noteByKey.get(key);
      const added = next ? noteRuns(p, next.note!, true) : '';
      if (next) noteByKey.delete(key);
      if (c.cutFrom !== undefined && c.cutTo !== undefined) edits.push({ start: c.cutFrom, end: c.cutTo, text: added });
      else {
        const textOpen = /<(?:\w+:)?text\b[^>]*>/.exec(xml.slice(c.start, c.end));
        const textClose = xml.lastIndexOf('</', xml.lastIndexOf('</', c.end - 1) - 1);
        if (textOpen) {
          const from = c.start + textOpen.index + textOpen[0].length;
          edits.push({ start: from, end: textClose, text: `<${p}r><${p}t xml:space="preserve">${escapeText(c.keepPlain ?? '')}</${p}t></${p}r>${added}` });
        }
      }
    }
  }
  // New notes: appended to a user's note on the same cell, or a new comment.
  const fresh: string[] = [];
  const newShapes: { row: number; col: number; size: NoteSize }[] = [];
  for (const [key, n] of noteByKey) {
    const existing = byCell.get(key);
    if (threaded.has(key)) continue; // a threaded conversation is left as the user wrote it
    if (existing && existing.kind === 'user') {
      const inner = xml.slice(existing.start, existing.end);
      const textClose = inner.lastIndexOf('</', inner.lastIndexOf('</') - 1);
      const textOpen = /<(?:\w+:)?text\b[^>]*>/.exec(inner);
      if (!textOpen || textClose < 0) continue;
      const body = inner.slice(textOpen.index + textOpen[0].length, textClose);
      // A bare <t> becomes a run so our runs can follow it.
      const asRuns = /^\s*<(?:\w+:)?t[\s>]/.test(body) ? `<${p}r>${body}</${p}r>` : body;
      edits.push({
        start: existing.start + textOpen.index + textOpen[0].length,
        end: existing.start + textClose,
        text: asRuns + noteRuns(p, n.note!, true),
      });
      continue;
    }
    fresh.push(`<${p}comment ref="${toA1(n.row, n.col)}" authorId="${authorId}" shapeId="0"><${p}text>${noteRuns(p, n.note!, false)}</${p}text></${p}comment>`);
    newShapes.push({ row: n.row, col: n.col, size: noteSize(`${NOTE_PREFIX}\n${n.note!}`) });
  }
  if (fresh.length) {
    if (scanC.listTag && !scanC.listTag.selfClosing && scanC.listClose >= 0) {
      edits.push({ start: scanC.listClose, end: scanC.listClose, text: fresh.join('') });
    } else if (scanC.listTag) {
      edits.push({ start: scanC.listTag.start, end: scanC.listTag.end, text: `<${p}commentList>${fresh.join('')}</${p}commentList>` });
    } else fail('批注部件缺少 commentList');
  }
  if (edits.length) pkg.set(commentsPart!, splice(xml, edits));

  // The VML drawing that shows the notes.
  if (!newShapes.length && !removedShapes.size && !resized.size) return { sheetXml };
  const vmlRel = scan.legacyDrawing
    ? sheetRels.find((r) => r.id === (/\s(?:[\w.-]+:)?id\s*=\s*"([^"]*)"/.exec(scan.legacyDrawing!.attrText)?.[1] ?? ''))
    : undefined;
  let vmlPart = vmlRel ? resolveTarget(sheet.part, vmlRel.target) : undefined;
  let vml = vmlPart ? pkg.text(vmlPart) : undefined;
  let newSheetXml = sheetXml;
  if (vml === undefined) {
    if (!newShapes.length) return { sheetXml };
    vmlPart = unusedName(pkg, (n) => `xl/drawings/vmlDrawing${n}.vml`);
    vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data=""/></o:shapelayout></xml>';
    const id = addRelationship(pkg, sheet.part, 'vmlDrawing', relativeTarget(sheet.part, vmlPart));
    addContentType(pkg, undefined, T.vml, 'vml');
    // The sheet's <legacyDrawing> goes where the schema puts it, in the part after </sheetData>. When the edits
    // above left that part as it was, its slot only moved by the length they added: no second scan of the sheet.
    const again = newSheetXml.endsWith(scan.tail) ? undefined : scanSheet(newSheetXml, sheet.part);
    const slot = again ? again.legacyDrawingAt : scan.legacyDrawingAt + (newSheetXml.length - scan.sourceLength);
    const el = `<${again ? again.prefix : scan.prefix}legacyDrawing r:id="${id}"/>`;
    const rAttr = /xmlns:r\s*=/.test(newSheetXml.slice(0, newSheetXml.indexOf('>', newSheetXml.indexOf('worksheet'))))
      ? el
      : el.replace(' r:id=', ` xmlns:r="${REL}" r:id=`);
    newSheetXml = splice(newSheetXml, [{ start: slot, end: slot, text: rAttr }]);
  }
  pkg.set(vmlPart!, editVml(pkg, vml, newShapes, removedShapes, resized));
  return { sheetXml: newSheetXml };
}

function xmlNameOf(startTag: string): string {
  return /^<([\w.:-]+)/.exec(startTag)?.[1] ?? 'comment';
}

/** Shape-id blocks (o:idmap data) used by every VML part of the package. */
function usedIdBlocks(pkg: Package): number {
  let max = 0;
  for (const e of pkg.zip.entries) {
    if (!/\.vml$/i.test(e.name)) continue;
    const text = pkg.text(e.name) ?? '';
    for (const m of text.matchAll(/idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) {
      for (const n of m[1].split(/[,\s]+/)) if (/^\d+$/.test(n)) max = Math.max(max, Number(n));
    }
    for (const m of text.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
  }
  return max;
}

/** A note's anchor (columns and rows it spans, beside its cell) for a box of the given size. */
function noteAnchor(row: number, col: number, size: NoteSize): string {
  return `${col + 1}, 15, ${row}, 2, ${col + 1 + size.cols}, 15, ${row + size.rows}, 4`;
}

function editVml(pkg: Package, vml: string, add: { row: number; col: number; size: NoteSize }[], remove: Set<string>, resize: Map<string, NoteSize>): string {
  let out = vml;
  if (remove.size || resize.size) {
    out = out.replace(/<v:shape\b[\s\S]*?<\/v:shape>\s*/g, (shape) => {
      if (!/ObjectType\s*=\s*"Note"/.test(shape)) return shape;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
      if (!row || !col) return shape;
      const key = cellKey(Number(row[1]), Number(col[1]));
      if (remove.has(key)) return '';
      const size = resize.get(key);
      if (!size) return shape;
      return shape
        .replace(/(\bstyle\s*=\s*"[^"]*?\bwidth:)\s*[\d.]+pt/, `$1${size.width}pt`)
        .replace(/(\bstyle\s*=\s*"[^"]*?\bheight:)\s*[\d.]+pt/, `$1${size.height}pt`)
        .replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${noteAnchor(Number(row[1]), Number(col[1]), size)}</x:Anchor>`);
    });
  }
  if (!add.length) return out;
  const first = usedIdBlocks(pkg) + 1;
  const blocks = Math.ceil((add.length + 1) / 1024);
  const blockList = Array.from({ length: blocks }, (_, i) => first + i);
  const idmap = /(<o:idmap\b[^>]*\bdata\s*=\s*")([^"]*)(")/.exec(out);
  if (idmap) {
    const data = [idmap[2].trim(), ...blockList].filter(Boolean).join(',');
    out = out.slice(0, idmap.index) + idmap[1] + data + idmap[3] + out.slice(idmap.index + idmap[0].length);
  } else {
    const at = out.indexOf('>', out.indexOf('<xml')) + 1;
    out = `${out.slice(0, at)}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blockList.join(',')}"/></o:shapelayout>${out.slice(at)}`;
  }
  let shapes = '';
  if (!/id\s*=\s*"_x0000_t202"/.test(out)) {
    shapes +=
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
      '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
  }
  add.forEach((a, i) => {
    const id = first * 1024 + 1 + i;
    shapes +=
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:${a.size.width}pt;height:${a.size.height}pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${noteAnchor(a.row, a.col, a.size)}</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${a.row}</x:Row><x:Column>${a.col}</x:Column></x:ClientData></v:shape>`;
  });
  const close = out.lastIndexOf('</xml>');
  if (close < 0) fail('批注绘图部件（VML）格式有误');
  return out.slice(0, close) + shapes + out.slice(close);
}

// ------------------------------------------------------------------------------------------------ extra sheets

/** Names of every sheet (worksheets, chart sheets…) in workbook order, apart from our own earlier 汇总 sheet. */
export function sheetNamesOf(data: Uint8Array): string[] {
  const pkg = new Package(data);
  const { workbookPart, sheets, wbRels } = workbookSheets(pkg);
  const ours = new Set(ourSummarySheets(pkg, workbookPart, wbRels, sheets).map((s) => s.index));
  const names: string[] = [];
  let index = -1;
  for (const t of tags(pkg.text(workbookPart) ?? '')) {
    if (t.close || t.local !== 'sheet') continue;
    if (!ours.has(++index)) names.push(getAttr(t.attrText, 'name') ?? '');
  }
  return names;
}

/**
 * Our own 汇总 sheets from an earlier run: named as we name them, our title in A1, no formulas. A user's sheet
 * that happens to be called 汇总 has other content and is kept.
 */
function ourSummarySheets(pkg: Package, workbookPart: string, wbRels: Relationship[], sheets: readonly SheetInfo[]): SheetInfo[] {
  const candidates = sheets.filter((s) => isSummarySheetName(s.name));
  if (!candidates.length) return [];
  let strings: string[] | undefined;
  const sharedString = (i: number): string => {
    if (!strings) {
      const rel = wbRels.find((r) => relIs(r, 'sharedStrings'));
      const xml = (rel && pkg.text(resolveTarget(workbookPart, rel.target))) ?? '';
      strings = [];
      for (const t of tags(xml)) if (!t.close && t.local === 'si' && !t.selfClosing) strings.push(fragmentText(xml.slice(t.start, elementEnd(xml, t))));
    }
    return strings[i] ?? '';
  };
  return candidates.filter((s) => {
    const xml = pkg.text(s.part);
    if (xml === undefined || /<(?:\w+:)?f[\s>/]/.test(xml)) return false;
    const a1 = /<((?:\w+:)?)c\b([^>]*?\br\s*=\s*"A1"[^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/.exec(xml);
    if (!a1) return false;
    const type = getAttr(a1[2], 't');
    const inner = a1[3] ?? '';
    const text =
      type === 's'
        ? sharedString(Number(/<(?:\w+:)?v>\s*(\d+)\s*</.exec(inner)?.[1] ?? -1))
        : type === 'inlineStr'
          ? fragmentText(inner)
          : decodeEntities(/<(?:\w+:)?v>([^<]*)</.exec(inner)?.[1] ?? '');
    return text.trim() === SUMMARY_TITLE;
  });
}

/** Removes sheets from the workbook: the <sheet> element, its relationship, content type and parts; sheet-scoped names and view indexes follow. */
function removeSheets(pkg: Package, workbookPart: string, gone: readonly SheetInfo[]): void {
  const indexes = new Set(gone.map((s) => s.index));
  const shift = (i: number): number => i - gone.filter((s) => s.index < i).length;
  const wb = pkg.text(workbookPart)!;
  const edits: { start: number; end: number; text: string }[] = [];
  let index = -1;
  for (const t of tags(wb)) {
    if (t.close) continue;
    if (t.local === 'sheet') {
      if (indexes.has(++index)) edits.push({ start: t.start, end: elementEnd(wb, t), text: '' });
    } else if (t.local === 'definedName') {
      const scope = getAttr(t.attrText, 'localSheetId');
      if (scope === undefined || !/^\d+$/.test(scope)) continue;
      const i = Number(scope);
      if (indexes.has(i)) edits.push({ start: t.start, end: elementEnd(wb, t), text: '' });
      else if (shift(i) !== i) edits.push({ start: t.start, end: t.end, text: setAttr(wb.slice(t.start, t.end), 'localSheetId', String(shift(i))) });
    } else if (t.local === 'workbookView') {
      let tag = wb.slice(t.start, t.end);
      for (const name of ['activeTab', 'firstSheet']) {
        const v = getAttr(t.attrText, name);
        if (v === undefined || !/^\d+$/.test(v)) continue;
        const i = Number(v);
        const to = indexes.has(i) ? Math.max(0, shift(i) - 1) : shift(i);
        if (to !== i) tag = setAttr(tag, name, String(to));
      }
      if (tag !== wb.slice(t.start, t.end)) edits.push({ start: t.start, end: t.end, text: tag });
    }
  }
  pkg.set(workbookPart, splice(wb, edits));
  const relsPart = relsPartName(workbookPart);
  const ids = new Set(gone.map((s) => s.relId));
  const rels = pkg.text(relsPart)!;
  const relEdits: { start: number; end: number; text: string }[] = [];
  for (const t of tags(rels)) {
    if (!t.close && t.local === 'Relationship' && ids.has(getAttr(t.attrText, 'Id') ?? '')) relEdits.push({ start: t.start, end: elementEnd(rels, t), text: '' });
  }
  pkg.set(relsPart, splice(rels, relEdits));
  const types = pkg.text('[Content_Types].xml');
  if (types !== undefined) {
    const parts = new Set(gone.map((s) => `/${s.part}`.toLowerCase()));
    const typeEdits: { start: number; end: number; text: string }[] = [];
    for (const t of tags(types)) {
      if (!t.close && t.local === 'Override' && parts.has((getAttr(t.attrText, 'PartName') ?? '').toLowerCase())) {
        typeEdits.push({ start: t.start, end: elementEnd(types, t), text: '' });
      }
    }
    pkg.set('[Content_Types].xml', splice(types, typeEdits));
  }
  for (const s of gone) {
    pkg.remove(s.part);
    if (pkg.has(relsPartName(s.part))) pkg.remove(relsPartName(s.part));
  }
}

type ExtraStyle = (cell: Pick<ExtraCell, 'severity' | 'bold' | 'wrap'>) => number;

function addSheets(pkg: Package, workbookPart: string, extra: readonly ExtraSheet[], styleFor: ExtraStyle): void {
  const wb = pkg.text(workbookPart)!;
  const taken = new Set(sheetNamesOfText(wb).map((s) => s.toLowerCase()));
  let maxSheetId = 0;
  for (const t of tags(wb)) {
    if (t.local === 'sheet' && !t.close) maxSheetId = Math.max(maxSheetId, Number(getAttr(t.attrText, 'sheetId') ?? 0) || 0);
  }
  const sheetsClose = /<\/((?:\w+:)?)sheets>/.exec(wb);
  if (!sheetsClose) fail('工作簿中缺少 sheets');
  const p = sheetsClose[1];
  let els = '';
  for (const sheet of extra) {
    let name = sheet.name.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || '汇总';
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${sheet.name.slice(0, 28)}(${n})`;
    taken.add(name.toLowerCase());
    const part = unusedName(pkg, (n) => `xl/worksheets/sheet${n}.xml`);
    pkg.set(part, sheetXmlFor(sheet, styleFor));
    addContentType(pkg, part, T.worksheet);
    const id = addRelationship(pkg, workbookPart, 'worksheet', relativeTarget(workbookPart, part));
    els += `<${p}sheet name="${escapeXml(name)}" sheetId="${++maxSheetId}" r:id="${id}"/>`;
  }
  const hasR = /xmlns:r\s*=/.test(wb);
  const text = hasR ? els : els.replace(/ r:id=/g, ` xmlns:r="${REL}" r:id=`);
  pkg.set(workbookPart, wb.slice(0, sheetsClose.index) + text + wb.slice(sheetsClose.index));
}

function sheetNamesOfText(wb: string): string[] {
  const names: string[] = [];
  for (const t of tags(wb)) if (!t.close && t.local === 'sheet') names.push(getAttr(t.attrText, 'name') ?? '');
  return names;
}

/**
 * An explicit height for a row whose wrapped cells need more than one line: LibreOffice keeps the stored
 * (default) height of imported rows, and Excel does not re-fit rows it did not lay out itself.
 */
function wrappedRowHeight(sheet: ExtraSheet, row: ExtraSheet['rows'][number]): string {
  let lines = 1;
  row.forEach((raw, c) => {
    if (raw === null || typeof raw !== 'object' || !raw.wrap) return;
    // A column of width w holds about w / 2 CJK characters at the default 11 pt font; round down to be safe.
    const perLine = Math.floor((sheet.widths?.[c] ?? 8.43) / 2.1);
    lines = Math.max(lines, wrappedLines(String(raw.text), perLine));
  });
  return lines > 1 ? ` ht="${Math.min(409, lines * 15)}" customHeight="1"` : '';
}

function sheetXmlFor(sheet: ExtraSheet, styleFor: ExtraStyle): string {
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const links: string[] = [];
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((raw, c) => {
          const v: Omit<ExtraCell, 'text'> & { text: ExtraCell['text'] | null | undefined } =
            raw !== null && typeof raw === 'object' ? raw : { text: raw };
          if (v.text === null || v.text === undefined || v.text === '') return '';
          const ref = `${columnLetters(c)}${r + 1}`;
          const s = v.severity || v.bold || v.wrap ? ` s="${styleFor(v)}"` : '';
          if (v.link) links.push(`<hyperlink ref="${ref}" location="${escapeXml(v.link)}" display="${escapeXml(String(v.text))}"/>`);
          if (typeof v.text === 'number' && Number.isFinite(v.text)) return `<c r="${ref}"${s}><v>${v.text}</v></c>`;
          return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(String(v.text))}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}"${wrappedRowHeight(sheet, row)}>${cells}</row>`;
    })
    .join('');
  const hyperlinks = links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '';
  // Element order follows CT_Worksheet: sheetPr … cols, sheetData … hyperlinks, printOptions, pageMargins, pageSetup.
  const sheetPr = sheet.printFitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const print = sheet.printFitToWidth
    ? '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}">${sheetPr}${cols}<sheetData>${rows}</sheetData>${hyperlinks}${print}</worksheet>`;
}
