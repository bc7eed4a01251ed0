/**
 * The small part of the WPS 表格 (ET) object model this product uses, and the accessor layer that hides
 * the differences between WPS builds:
 *  - some builds expose properties as zero-argument methods (`Address()` vs `Address`, `Text()`);
 *  - `Value2` is a 2-D array for a block, a scalar for one cell (and occasionally a flat array).
 * Nothing outside this file touches a "maybe-method" member directly.
 */

/** A member that is a plain property on some builds and a zero-argument method on others. */
export type Prop<T> = T | (() => T);

export const xlColorIndexNone = -4142;
export const xlPatternNone = -4142;
export const xlPatternSolid = 1;
export const xlSheetVisible = -1;
export const xlSheetHidden = 0;
export const xlSheetVeryHidden = 2;
export const msoCTPDockPositionRight = 2;
export const xlShiftUp = -4162;
export const xlShiftDown = -4121;

export interface EtComment {
  Text: Prop<string> | ((text?: string) => string);
  Delete(): void;
  /** The comment's box (VBA-like Comment.Shape: Width and Height in points), where the build has it. */
  Shape?: Prop<{ Width: Prop<number>; Height: Prop<number> } | null | undefined>;
}

export interface EtInterior {
  /** BGR integer (0xBBGGRR). */
  Color: Prop<number>;
  ColorIndex: Prop<number>;
  Pattern: Prop<number>;
}

export interface EtCount {
  Count: Prop<number>;
}

export interface EtRange {
  /** 1-based. */
  Row: Prop<number>;
  Column: Prop<number>;
  Rows: Prop<EtCount>;
  Columns: Prop<EtCount>;
  Value2: unknown;
  Text: Prop<unknown>;
  NumberFormat?: Prop<unknown>;
  MergeCells: Prop<boolean | null | undefined>;
  MergeArea: Prop<EtRange>;
  Address: Prop<string> | ((...args: unknown[]) => string);
  Interior: Prop<EtInterior>;
  Comment: Prop<EtComment | null | undefined>;
  AddComment(text?: string): EtComment;
  Select(): unknown;
  EntireRow?: Prop<{ Insert(shift?: number): unknown }>;
  /** Deletes the cells; xlShiftUp moves the cells below up. */
  Delete?(shift?: number): unknown;
  /** Inserts empty cells; xlShiftDown moves the cells below down. */
  Insert?(shift?: number): unknown;
  ClearFormats?(): unknown;
}

export interface EtWorksheet {
  Name: Prop<string>;
  /** xlSheetVisible (-1 / true), xlSheetHidden (0 / false), xlSheetVeryHidden (2). */
  Visible: Prop<number | boolean>;
  UsedRange: Prop<EtRange>;
  Range(address: string): EtRange;
  Activate(): unknown;
}

export interface EtSheets {
  Count: Prop<number>;
  Item(index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet | null, After?: EtWorksheet | null, Count?: number, Type?: number): EtWorksheet;
}

export interface EtWorkbook {
  Worksheets: Prop<EtSheets>;
  ActiveSheet: Prop<EtWorksheet | null | undefined>;
}

export interface EtTaskPane {
  ID?: Prop<string | number>;
  Visible: Prop<boolean>;
  DockPosition?: Prop<number>;
}

export interface EtApplication {
  ActiveWorkbook: Prop<EtWorkbook | null | undefined>;
  ActiveSheet?: Prop<EtWorksheet | null | undefined>;
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: string | number): EtTaskPane | null | undefined;
  PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): unknown };
  Alert?(message: string, ...rest: unknown[]): unknown;
  ribbonUI?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Accessors

/** Reads a member that may be a property or a zero-argument method. */
export function get<T>(obj: unknown, name: string): T {
  if (obj === null || obj === undefined) throw new Error(`无法读取 ${name}（对象不存在）`);
  const member = (obj as Record<string, unknown>)[name];
  return (typeof member === 'function' ? (member as () => T).call(obj) : member) as T;
}

/** Sets a member. Property-style assignment works on every build we know of. */
export function set(obj: unknown, name: string, value: unknown): void {
  (obj as Record<string, unknown>)[name] = value;
}

export function num(obj: unknown, name: string): number {
  const v = get<unknown>(obj, name);
  return typeof v === 'number' ? v : Number(v);
}

export function str(obj: unknown, name: string): string {
  const v = get<unknown>(obj, name);
  return v === null || v === undefined ? '' : String(v);
}

export function countOf(obj: unknown): number {
  return num(obj, 'Count');
}

export function sheetsOf(wb: EtWorkbook): EtSheets {
  return get<EtSheets>(wb, 'Worksheets');
}

export function sheetList(wb: EtWorkbook): EtWorksheet[] {
  const sheets = sheetsOf(wb);
  const n = countOf(sheets);
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= n; i++) out.push(sheets.Item(i));
  return out;
}

export function sheetName(ws: EtWorksheet): string {
  return str(ws, 'Name');
}

export function isVeryHidden(ws: EtWorksheet): boolean {
  const v = get<unknown>(ws, 'Visible');
  return v === xlSheetVeryHidden || v === '2';
}

/**
 * Adds a worksheet after `after` (at the end when omitted). Builds differ in how an omitted "Before" must be
 * passed (undefined or null); as a last resort the sheet is added where ET puts it by default.
 */
export function addSheetAfter(wb: EtWorkbook, after: EtWorksheet | undefined): EtWorksheet {
  const sheets = sheetsOf(wb);
  const attempts: (() => EtWorksheet)[] = after
    ? [() => sheets.Add(undefined, after), () => sheets.Add(null, after), () => sheets.Add()]
    : [() => sheets.Add()];
  let failure: unknown;
  for (const attempt of attempts) {
    try {
      const ws = attempt();
      if (ws) return ws;
    } catch (err) {
      failure = err;
    }
  }
  throw failure instanceof Error ? failure : new Error('无法新建工作表');
}

/** Hides a sheet so that only code can show it again (xlSheetVeryHidden); plain hidden where refused. */
export function hideSheet(ws: EtWorksheet): void {
  try {
    set(ws, 'Visible', xlSheetVeryHidden);
  } catch {
    set(ws, 'Visible', xlSheetHidden);
  }
}

export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | undefined {
  return sheetList(wb).find((ws) => sheetName(ws) === name);
}

export function addressOf(range: EtRange): string {
  return str(range, 'Address');
}

export function mergeCellsOf(range: EtRange): boolean | null {
  const v = get<unknown>(range, 'MergeCells');
  if (v === true || v === false) return v;
  if (v === null || v === undefined) return null;
  // Some bridges hand back numbers (VARIANT_BOOL -1/0).
  return typeof v === 'number' ? v !== 0 : null;
}

export function interiorOf(range: EtRange): EtInterior {
  return get<EtInterior>(range, 'Interior');
}

export function commentOf(range: EtRange): EtComment | undefined {
  const c = get<EtComment | null | undefined>(range, 'Comment');
  return c ?? undefined;
}

/** Sizes a comment's box where the build exposes Comment.Shape (presence, not version); otherwise leaves it. */
export function sizeComment(comment: EtComment | undefined, size: { width: number; height: number }): boolean {
  try {
    if (!comment || !('Shape' in (comment as object))) return false;
    const shape = get<{ Width: unknown; Height: unknown } | null | undefined>(comment, 'Shape');
    if (!shape || !('Width' in shape) || !('Height' in shape)) return false;
    set(shape, 'Width', size.width);
    set(shape, 'Height', size.height);
    return true;
  } catch {
    return false;
  }
}

export function commentText(comment: EtComment): string {
  const t = (comment as unknown as Record<string, unknown>).Text;
  const v = typeof t === 'function' ? (t as () => unknown).call(comment) : t;
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Value2 as rows × cols: a block gives a 2-D array, one cell a scalar, and a few bridges a flat array
 * (one row or one column). Missing entries become undefined.
 */
export function values2D(raw: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(raw)) {
    const out = Array.from({ length: rows }, () => new Array<unknown>(cols).fill(undefined));
    if (rows > 0 && cols > 0) out[0][0] = raw;
    return out;
  }
  if (raw.length > 0 && raw.every((r) => Array.isArray(r))) return raw as unknown[][];
  // Flat array: one row, or one column.
  if (rows === 1) return [raw as unknown[]];
  return (raw as unknown[]).map((v) => [v]);
}

/** 0xBBGGRR → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  const n = Math.max(0, Math.round(bgr)) & 0xffffff;
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** "#RRGGBB" (or "RRGGBB") → 0xBBGGRR. */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`无效颜色 ${hex}`);
  const rgb = parseInt(m[1], 16);
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return (b << 16) | (g << 8) | r;
}
