/**
 * Host adapter for WPS 表格 (ET) 加载项. The ET object model is synchronous and VBA-like; every call below
 * goes through the accessor layer in ./et so build differences stay there. Behaviour mirrors the Excel
 * adapter: marks are a fill by worst severity plus a comment starting with 【绩效目标表助手】, the true
 * original fill of every touched cell is persisted in the workbook (hidden sheet "_jixiao"), a user's own
 * comment is never replaced, and cell values are never changed except by writeCells (approved fixes).
 */
import type { CellRange, CellRef, Cell, Grid } from '../../core/grid';
import { parseA1, toA1 } from '../../core/grid';
import type { Finding } from '../../core/findings';
import type { Host, Scope } from '../../core/host';
import { MARK_COLORS, groupByCell, noteSize } from '../../core/marks';
import type { RowDeletion } from '../../core/findings';
import { rowDeletionBlocked, rowDeletionStale } from '../../core/rowDelete';
import type { InsertPlan } from '../../core/templates/plan';
import { insertPlanWps } from './insert';
import { parseRangeAddress } from '../../core/grid';
import { cellKey, splitKey, splitQualified } from '../excel/address';
import { uniqueSheetName } from '../excel/excelHost';
import {
  type OriginalFill,
  isNoFill,
  isOurNote,
  parseStore,
  planMarks,
  serializeStore,
  storeAfterDeletion,
} from '../excel/markStore';
import {
  addSheetAfter,
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  addressOf,
  bgrToHex,
  commentOf,
  commentText,
  get,
  hexToBgr,
  interiorOf,
  isVeryHidden,
  mergeCellsOf,
  num,
  set,
  sheetList,
  sheetName,
  sizeComment,
  str,
  values2D,
  xlShiftDown,
  xlShiftUp,
  xlColorIndexNone,
  xlPatternNone,
  xlPatternSolid,
} from './et';
import { STATE_SHEET, readMarksText, readStateMap, writeMarksText, writeStateMap } from './stateSheet';

/** Errors a user can act on, in zh-CN. */
export class WpsHostError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'WpsHostError';
  }
}

export interface WpsMarkStatus {
  annotations: 'comment';
  markedCells: number;
  keptUserNotes: number;
}

const OUR_BGR = new Set(Object.values(MARK_COLORS).map((c) => hexToBgr(c.hex)));

/** Stored pattern names: "Solid", "None", or the xlPattern number as text. */
function patternName(pattern: number): string {
  if (pattern === xlPatternSolid) return 'Solid';
  if (pattern === xlPatternNone) return 'None';
  return String(pattern);
}

/** The current fill of a cell, in the store's terms (color null = no fill). */
export function readFill(range: EtRange): OriginalFill {
  const interior = interiorOf(range);
  const colorIndex = num(interior, 'ColorIndex');
  let pattern = xlPatternSolid;
  try {
    pattern = num(interior, 'Pattern');
  } catch {
    // Pattern unknown on this build: treat as solid.
  }
  if (colorIndex === xlColorIndexNone || pattern === xlPatternNone) return { color: null, pattern: 'None' };
  return { color: bgrToHex(num(interior, 'Color')), pattern: patternName(Number.isFinite(pattern) ? pattern : xlPatternSolid) };
}

export function restoreFill(range: EtRange, fill: OriginalFill): void {
  const interior = interiorOf(range);
  if (isNoFill(fill) || fill.color === null) {
    set(interior, 'ColorIndex', xlColorIndexNone);
    return;
  }
  set(interior, 'Color', hexToBgr(fill.color));
  const pattern = fill.pattern === undefined || fill.pattern === null || fill.pattern === 'Solid' ? undefined : Number(fill.pattern);
  if (pattern !== undefined && Number.isFinite(pattern)) set(interior, 'Pattern', pattern);
}

/**
 * Whether a comment is ours: the marker at the start, after an author line (some WPS builds return
 * "张三:\n" in front of the text), or after Excel's threaded-comment preamble (see isOurNote).
 */
export function isOurComment(text: string): boolean {
  return isOurNote(text);
}

function currentBgr(range: EtRange): number | undefined {
  const interior = interiorOf(range);
  if (num(interior, 'ColorIndex') === xlColorIndexNone) return undefined;
  return num(interior, 'Color');
}

/** Displayed text of a numeric cell ("25%"); "####" (column too narrow) falls back to the number format. */
function numberText(range: EtRange, value: number): string {
  let text = '';
  try {
    text = str(range, 'Text');
  } catch {
    text = '';
  }
  if (text && !/^#+$/.test(text)) return text;
  let format = '';
  try {
    format = range.NumberFormat === undefined ? '' : str(range, 'NumberFormat');
  } catch {
    format = '';
  }
  if (format.includes('%')) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  return String(value);
}

/** Error values ("#N/A", "#DIV/0!"…) come back from Value2 as numeric codes on some builds: keep the text. */
const ERROR_TEXT = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!)$/;

function cellFrom(ws: EtWorksheet, address: string, raw: unknown): Cell | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (typeof raw === 'number') {
    const text = numberText(ws.Range(address), raw);
    return ERROR_TEXT.test(text) ? { value: text, text } : { value: raw, text };
  }
  if (typeof raw === 'boolean') return { value: raw, text: raw ? 'TRUE' : 'FALSE' };
  if (typeof raw === 'string') return { value: raw, text: raw };
  if (raw instanceof Date) return { value: raw, text: raw.toISOString().slice(0, 10) };
  const s = String(raw);
  return { value: s, text: s };
}

function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = toA1(top, left);
  const b = toA1(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/** Rows per Value2 read: bounds one call's size on sheets whose used range is inflated by formatting. */
const READ_CHUNK_ROWS = 2000;
/** After this many empty rows below the last value, the rest of an inflated used range is not read. */
const MAX_TRAILING_EMPTY_ROWS = 10000;

/**
 * Merged areas inside the rectangle (0-based, inclusive). MergeCells answers false (no merged cell) /
 * true (all merged) / null (mixed) for a whole range in one call, so the rectangle is asked first, then
 * each row, and mixed stretches are halved until they are all-or-nothing; each merged area costs one
 * MergeArea call at its first uncovered cell.
 */
export function readMerges(ws: EtWorksheet, area: CellRange, whole?: EtRange): CellRange[] {
  const { top, left, bottom, right } = area;
  if (bottom < top || right < left) return [];
  if (mergeCellsOf(whole ?? ws.Range(rangeAddress(top, left, bottom, right))) === false) return [];
  const merges: CellRange[] = [];
  const covered = new Set<string>();
  const areaAt = (r: number, c: number): void => {
    if (covered.has(`${r}:${c}`)) return;
    const found = parseRangeAddress(splitQualified(addressOf(get<EtRange>(ws.Range(toA1(r, c)), 'MergeArea'))).address);
    if (!found || (found.top === found.bottom && found.left === found.right)) return;
    merges.push(found);
    for (let rr = found.top; rr <= found.bottom; rr++) for (let cc = found.left; cc <= found.right; cc++) covered.add(`${rr}:${cc}`);
  };
  const segment = (r: number, from: number, to: number): void => {
    let allCovered = true;
    for (let c = from; c <= to && allCovered; c++) if (!covered.has(`${r}:${c}`)) allCovered = false;
    if (allCovered) return;
    const state = mergeCellsOf(ws.Range(rangeAddress(r, from, r, to)));
    if (state === false) return;
    if (state === true) {
      for (let c = from; c <= to; c++) areaAt(r, c);
      return;
    }
    if (from === to) return; // a single cell never answers "mixed"; ignore odd bridges
    const mid = Math.floor((from + to) / 2);
    segment(r, from, mid);
    segment(r, mid + 1, to);
  };
  for (let r = top; r <= bottom; r++) segment(r, left, right);
  return merges;
}

export function readSheet(ws: EtWorksheet): Grid {
  const name = sheetName(ws);
  const used = get<EtRange>(ws, 'UsedRange');
  const top = num(used, 'Row') - 1;
  const left = num(used, 'Column') - 1;
  const rows = num(get(used, 'Rows'), 'Count');
  const cols = num(get(used, 'Columns'), 'Count');
  const right = left + cols - 1;
  const cells: (Cell | undefined)[][] = [];
  let lastRow = -1; // grid-local index of the last row with a value
  let lastCol = -1;
  for (let start = 0; start < rows; start += READ_CHUNK_ROWS) {
    const n = Math.min(READ_CHUNK_ROWS, rows - start);
    const raw = rows <= READ_CHUNK_ROWS ? used.Value2 : ws.Range(rangeAddress(top + start, left, top + start + n - 1, right)).Value2;
    const values = values2D(raw, n, cols);
    for (let i = 0; i < n; i++) {
      const r = start + i;
      const row: (Cell | undefined)[] = [];
      const src = values[i] ?? [];
      for (let c = 0; c < cols; c++) row.push(cellFrom(ws, toA1(top + r, left + c), src[c]));
      while (row.length > 0 && row[row.length - 1] === undefined) row.pop();
      if (row.length > 0) {
        lastRow = r;
        lastCol = Math.max(lastCol, row.length - 1);
      }
      cells.push(row);
    }
    if (cells.length - 1 - lastRow >= MAX_TRAILING_EMPTY_ROWS) break;
  }
  cells.length = lastRow + 1;
  const whole = lastRow === rows - 1 && lastCol === cols - 1 ? used : undefined;
  const merges =
    lastRow < 0 ? [] : readMerges(ws, { top, left, bottom: top + lastRow, right: left + lastCol }, whole);
  return { sheetName: name, cells, merges, origin: { row: top, col: left } };
}

export class WpsHost implements Host {
  readonly kind = 'wps' as const;
  /** Merged areas from the last read; marks and fixes go to the top-left cell WPS shows. */
  private merges = new Map<string, CellRange[]>();
  lastMarkStatus: WpsMarkStatus | undefined;

  constructor(private readonly app: EtApplication) {}

  private workbook(): EtWorkbook {
    let wb: EtWorkbook | null | undefined;
    try {
      wb = get<EtWorkbook | null | undefined>(this.app, 'ActiveWorkbook');
    } catch {
      wb = undefined;
    }
    if (!wb) throw new WpsHostError('当前没有打开的工作簿：请先在 WPS 表格中打开要校验的绩效目标表。');
    return wb;
  }

  private sheet(wb: EtWorkbook, name: string): EtWorksheet | undefined {
    return sheetList(wb).find((ws) => sheetName(ws) === name);
  }

  private guard<T>(what: string, work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (err) {
      if (err instanceof WpsHostError) return Promise.reject(err);
      const detail = err instanceof Error && err.message ? `（${err.message}）` : '';
      return Promise.reject(
        new WpsHostError(`${what}失败${detail}。请确认没有处于单元格编辑状态、工作表或工作簿未设保护后重试。`, err),
      );
    }
  }

  /** Top-left cell of the merged area containing ref (from the last read, else asked live). */
  private shownAddress(ws: EtWorksheet, ref: CellRef): string {
    const known = this.merges.get(ref.sheet);
    if (known) {
      const hit = known.find((m) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right);
      return hit ? toA1(hit.top, hit.left) : ref.address;
    }
    try {
      const cell = ws.Range(ref.address);
      if (mergeCellsOf(cell) !== true) return ref.address;
      const area = parseRangeAddress(splitQualified(addressOf(get<EtRange>(cell, 'MergeArea'))).address);
      return area ? toA1(area.top, area.left) : ref.address;
    } catch {
      return ref.address;
    }
  }

  readGrids(scope: Scope): Promise<Grid[]> {
    return this.guard('读取工作表', () => {
      const wb = this.workbook();
      let list: EtWorksheet[];
      if (scope === 'sheet') {
        const active = get<EtWorksheet | null | undefined>(wb, 'ActiveSheet');
        if (!active) throw new WpsHostError('没有活动工作表：请先点选要校验的工作表。');
        list = [active];
      } else {
        list = sheetList(wb).filter((ws) => sheetName(ws) !== STATE_SHEET && !isVeryHidden(ws));
      }
      const grids = list.map(readSheet);
      for (const g of grids) this.merges.set(g.sheetName, g.merges);
      return grids;
    });
  }

  applyMarks(findings: readonly Finding[]): Promise<void> {
    return this.guard('标注单元格', () => {
      const wb = this.workbook();
      const sheets = new Map(sheetList(wb).map((ws) => [sheetName(ws), ws] as const));
      const byCell = new Map<string, Finding[]>();
      for (const [, list] of groupByCell(findings)) {
        const ref = list[0].ref;
        const ws = sheets.get(ref.sheet);
        // A finding WPS cannot address stays in the pane's list only.
        if (!ws || ref.sheet === STATE_SHEET || !parseA1(ref.address)) continue;
        const key = cellKey(ref.sheet, this.shownAddress(ws, ref));
        byCell.set(key, [...(byCell.get(key) ?? []), ...list]);
      }
      const old = parseStore(readMarksText(wb));
      const range = (key: string): EtRange | undefined => {
        const { sheet, address } = splitKey(key);
        return sheets.get(sheet)?.Range(address);
      };

      // Current facts: fills of cells not marked before, comments on every cell we touch now or touched before.
      const fills = new Map<string, OriginalFill>();
      for (const key of byCell.keys()) {
        if (old?.cells[key]) continue;
        const r = range(key);
        if (r) fills.set(key, readFill(r));
      }
      const notes = new Map<string, { ours: boolean }>();
      for (const key of new Set([...byCell.keys(), ...Object.keys(old?.cells ?? {})])) {
        const r = range(key);
        const comment = r ? commentOf(r) : undefined;
        if (comment) notes.set(key, { ours: isOurComment(commentText(comment)) });
      }

      const plan = planMarks(old, byCell, { fills, notes }, 'comment');
      // Save the true originals first: if painting fails half-way, 清除标记 can still undo what was done.
      const keep = Object.keys(plan.store.cells).length > 0;
      if (keep || old) writeMarksText(wb, keep ? serializeStore(plan.store) : '');

      for (const { key, fill } of plan.restore) {
        const r = range(key);
        if (r && OUR_BGR.has(currentBgr(r) ?? -1)) restoreFill(r, fill);
      }
      for (const key of plan.deleteNotes) {
        const r = range(key);
        const comment = r ? commentOf(r) : undefined;
        if (comment && isOurComment(commentText(comment))) comment.Delete();
      }
      for (const p of plan.paint) {
        const r = range(p.key);
        if (!r) continue;
        set(interiorOf(r), 'Color', hexToBgr(p.color));
        if (p.note !== undefined) sizeComment(r.AddComment(p.note), noteSize(p.note));
      }
      this.lastMarkStatus = {
        annotations: 'comment',
        markedCells: plan.paint.length,
        keptUserNotes: plan.paint.filter((p) => p.note === undefined).length,
      };
    });
  }

  clearMarks(): Promise<void> {
    return this.guard('清除标记', () => {
      const wb = this.workbook();
      const store = parseStore(readMarksText(wb));
      if (!store) return;
      const sheets = new Map(sheetList(wb).map((ws) => [sheetName(ws), ws] as const));
      for (const [key, original] of Object.entries(store.cells)) {
        const { sheet, address } = splitKey(key);
        const ws = sheets.get(sheet);
        // Sheets deleted or renamed since marking are skipped.
        if (!ws) continue;
        const r = ws.Range(address);
        // A fill the user changed after marking is kept.
        if (OUR_BGR.has(currentBgr(r) ?? -1)) restoreFill(r, original);
        const comment = commentOf(r);
        if (comment && isOurComment(commentText(comment))) comment.Delete();
      }
      writeMarksText(wb, '');
      this.lastMarkStatus = undefined;
    });
  }

  select(ref: CellRef): Promise<void> {
    return this.guard('定位单元格', () => {
      const ws = this.sheet(this.workbook(), ref.sheet);
      if (!ws) throw new WpsHostError(`找不到工作表“${ref.sheet}”：它可能已被删除或改名，请重新校验。`);
      ws.Activate();
      ws.Range(this.shownAddress(ws, ref)).Select();
    });
  }

  writeCells(edits: readonly { ref: CellRef; text: string }[]): Promise<void> {
    return this.guard('写入修改', () => {
      const wb = this.workbook();
      for (const { ref, text } of edits) {
        const ws = this.sheet(wb, ref.sheet);
        if (!ws) throw new WpsHostError(`找不到工作表“${ref.sheet}”：它可能已被删除或改名，请重新校验。`);
        // A leading "=" would turn the text into a formula; the apostrophe keeps it text.
        ws.Range(this.shownAddress(ws, ref)).Value2 = text.startsWith('=') ? `'${text}` : text;
      }
    });
  }

  /**
   * 删除此行 inside the table (see Host.deleteRow): Range.Delete(xlShiftUp) on the row's cells of the table,
   * Range.Insert(xlShiftDown) of empty cells at the table's last row (nothing below the table moves), the
   * carried names written, the saved marks moved with their cells (comments and fills move by themselves).
   */
  deleteRow(d: RowDeletion): Promise<void> {
    return this.guard('删除行', () => {
      const wb = this.workbook();
      const ws = this.sheet(wb, d.sheet);
      if (!ws) throw new WpsHostError(`找不到工作表“${d.sheet}”：它可能已被删除或改名，请重新校验。`);
      const cells = (row: number) => ws.Range(rangeAddress(row, d.left, row, d.right));
      const first = cells(d.row);
      if (typeof first.Delete !== 'function' || typeof first.Insert !== 'function') {
        throw new WpsHostError('此版本的 WPS 表格不支持按区域删除单元格，请手工删除此行。');
      }
      if (d.check) {
        const shown = ws.Range(toA1(d.row, d.check.col));
        const stale = rowDeletionStale(d, str(shown, 'Text'));
        if (stale) throw new WpsHostError(stale);
      }
      // Merged areas on the moving rows as WPS has them now, across the used columns, plus those last read.
      const used = get<EtRange>(ws, 'UsedRange');
      const usedLeft = num(used, 'Column') - 1;
      const usedRight = usedLeft + num(get(used, 'Columns'), 'Count') - 1;
      const merges = [
        ...readMerges(ws, { top: d.row, left: Math.min(usedLeft, d.left), bottom: d.bottom, right: Math.max(usedRight, d.right) }),
        ...(this.merges.get(d.sheet) ?? []),
      ];
      const blocked = rowDeletionBlocked(merges, d);
      if (blocked) throw new WpsHostError(blocked);
      first.Delete(xlShiftUp);
      cells(d.bottom).Insert!(xlShiftDown);
      cells(d.bottom).ClearFormats?.();
      for (const c of d.carry) ws.Range(toA1(d.row, c.col)).Value2 = c.text;
      this.merges.delete(d.sheet);
      const store = parseStore(readMarksText(wb));
      if (store) {
        const moved = storeAfterDeletion(store, d);
        writeMarksText(wb, Object.keys(moved.cells).length > 0 ? serializeStore(moved) : '');
      }
    });
  }

  insertRows(sheet: string, after: number, rows: readonly (string | number | null)[][]): Promise<void> {
    return this.guard('插入行', () => {
      if (rows.length === 0) return;
      const ws = this.sheet(this.workbook(), sheet);
      if (!ws) throw new WpsHostError(`找不到工作表“${sheet}”。`);
      const first = after + 2; // 1-based number of the first new row
      const entire = get<{ Insert(shift?: number): unknown }>(ws.Range(`A${first}:A${first + rows.length - 1}`), 'EntireRow');
      entire.Insert();
      this.merges.delete(sheet);
      writeRows(ws, after + 1, rows);
    });
  }

  /** Inserts a standard template (see core/templates/plan). */
  insertPlan(plan: InsertPlan): Promise<void> {
    return this.guard('插入模板', () => {
      const ws = this.sheet(this.workbook(), plan.sheet);
      if (!ws) throw new WpsHostError(`找不到工作表“${plan.sheet}”。`);
      insertPlanWps(ws, plan);
      this.merges.delete(plan.sheet);
    });
  }

  addSheet(name: string, rows: readonly (string | number | null)[][]): Promise<void> {
    return this.guard('新建工作表', () => {
      const wb = this.workbook();
      const existing = sheetList(wb);
      const visible = existing.filter((ws) => !isVeryHidden(ws));
      const ws = addSheetAfter(wb, visible[visible.length - 1] ?? existing[existing.length - 1]);
      set(ws, 'Name', uniqueSheetName(name, existing.map(sheetName)));
      writeRows(ws, 0, rows);
      ws.Activate();
    });
  }

  loadState(key: string): Promise<string | undefined> {
    return this.guard('读取设置', () => readStateMap(this.workbook())[key]);
  }

  saveState(key: string, value: string): Promise<void> {
    return this.guard('保存设置', () => {
      const wb = this.workbook();
      const map = readStateMap(wb);
      map[key] = value;
      writeStateMap(wb, map);
    });
  }
}

function writeRows(ws: EtWorksheet, top: number, rows: readonly (string | number | null)[][]): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      ws.Range(rangeAddress(top + r, c, top + r, c)).Value2 = typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
    }),
  );
}
