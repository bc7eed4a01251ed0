/**
 * A small counting fake of the Excel JavaScript object model, just what src/hosts/excel uses.
 * Proxies resolve lazily: loads and writes are queued and run in order on context.sync(), loaded
 * properties throw until then (like PropertyNotLoaded), and every sync is counted.
 */
import type { CellRange } from '../../src/core/grid';
import { toA1 } from '../../src/core/grid';
import { parseRangeAddress } from '../../src/core/grid';
import { cutsMerge, shiftMerges, shiftedRow } from '../helpers/shiftBand';
import { splitQualified } from '../../src/hosts/excel/address';
import type { ExcelRun } from '../../src/hosts/excel/excelHost';

export interface FakeFill {
  color: string;
  pattern?: string;
}
export interface FakeCell {
  value: string | number | boolean;
  text?: string;
  fill?: FakeFill;
}
export interface FakeSheet {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  /** Template insertion: formats set per cell ("font.bold" → true…), list validations and text highlights. */
  formats?: Map<string, Record<string, unknown>>;
  validations?: { box: CellRange; source: string; showAlert: boolean }[];
  highlights?: { box: CellRange; text: string; color: string }[];
}
export interface FakeAnnotation {
  id: string;
  sheet: string;
  address: string;
  content: string;
  /** Note box size in points, when set (ExcelApi 1.18 Note.width/height). */
  width?: number;
  height?: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  active = '';
  settings = new Map<string, unknown>();
  notes: FakeAnnotation[] = [];
  comments: FakeAnnotation[] = [];
  /** Ranges whose formats were cleared (range.clear('Formats')). */
  clearedFormats: { sheet: string; box: CellRange }[] = [];
  syncs = 0;
  runs = 0;
  /** When set, a sync that returns values/text of more cells than this fails like Excel's payload limit. */
  payloadLimitCells?: number;
  /**
   * When set, a sync whose request (queued writes) or response (values, text, cell properties) weighs more
   * bytes (UTF-8 JSON) than this fails, like Excel on the web's 5 MB limit.
   */
  payloadLimitBytes?: number;
  /** Heaviest request and response of any successful sync so far, in bytes. */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /**
   * Members the loaded office.js lacks although the host reports their requirement set (a stale office.js,
   * e.g. @microsoft/office-js 1.1.110 on a host reporting ExcelApi 1.18): they read as undefined.
   */
  officeJsLacks = new Set<'notes' | 'comments' | 'getCellProperties' | 'getMergedAreasOrNullObject' | 'width' | 'height'>();
  private nextId = 1;

  newId(): string {
    return `c${this.nextId++}`;
  }

  addSheet(name: string, rows: (string | number | boolean | null | undefined)[][] = [], merges: CellRange[] = []): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), merges };
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') sheet.cells.set(`${r},${c}`, { value: v });
      }),
    );
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const r = parseRangeAddress(address);
    return r ? this.sheet(sheet)?.cells.get(`${r.top},${r.left}`) : undefined;
  }

  /** Deep copy of every value, for "nothing changed" assertions. */
  valuesSnapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => [s.name, [...s.cells.entries()].filter(([, c]) => c.value !== '').map(([k, c]) => [k, c.value])]),
    );
  }

  fillsSnapshot(): string {
    return JSON.stringify(this.sheets.map((s) => [s.name, [...s.cells.entries()].filter(([, c]) => c.fill).map(([k, c]) => [k, c.fill])]));
  }
}

class FakeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

type Target = { sheet: FakeSheet; box: CellRange };

class Ctx {
  queue: (() => void)[] = [];
  readonly workbook: WorkbookP;
  constructor(readonly state: FakeWorkbookState) {
    this.workbook = new WorkbookP(this);
  }
  valueCells = 0;
  /** Bytes of the writes queued since the last sync (what the request would carry). */
  requestBytes = 0;
  responseBytes = 0;
  async sync(): Promise<void> {
    this.state.syncs++;
    const queue = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.valueCells = 0;
    this.requestBytes = 0;
    this.responseBytes = 0;
    const limit = this.state.payloadLimitBytes;
    if (limit !== undefined && request > limit) {
      throw new FakeError('RequestPayloadSizeLimitExceeded', `The request payload size (${request} bytes) has exceeded the limit.`);
    }
    for (const action of queue) action();
    if (this.state.payloadLimitCells !== undefined && this.valueCells > this.state.payloadLimitCells) {
      throw new FakeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    if (limit !== undefined && this.responseBytes > limit) {
      throw new FakeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`);
    }
    this.state.maxRequestBytes = Math.max(this.state.maxRequestBytes, request);
    this.state.maxResponseBytes = Math.max(this.state.maxResponseBytes, this.responseBytes);
  }
  /** A write's weight: an action envelope plus its arguments as UTF-8 JSON. */
  write(...args: unknown[]): void {
    this.requestBytes += 150 + Buffer.byteLength(JSON.stringify(args));
  }
}

class ClientResult<T> {
  private v: T | undefined;
  private done = false;
  set(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new FakeError('PropertyNotLoaded', 'ClientResult read before sync');
    return this.v as T;
  }
}

abstract class Proxy<T> {
  protected loaded: Record<string, unknown> = {};
  constructor(
    protected readonly ctx: Ctx,
    protected readonly resolve: () => T | null,
    protected readonly nullable = false,
  ) {}
  protected target(): T {
    const t = this.resolve();
    if (t === null) throw new FakeError('ItemNotFound', 'The requested resource does not exist.');
    return t;
  }
  protected prop<V>(name: string): V {
    if (!(name in this.loaded)) throw new FakeError('PropertyNotLoaded', `${name} not loaded`);
    return this.loaded[name] as V;
  }
  get isNullObject(): boolean {
    return this.prop<boolean>('isNullObject');
  }
  protected abstract read(name: string, t: T): unknown;
  load(props?: string | string[] | Record<string, unknown>): this {
    const names = typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : [];
    this.ctx.queue.push(() => {
      const t = this.resolve();
      if (t === null) {
        if (!this.nullable) throw new FakeError('ItemNotFound', 'The requested resource does not exist.');
        this.loaded.isNullObject = true;
        return;
      }
      this.loaded.isNullObject = false;
      for (const raw of names) {
        const name = raw.trim();
        if (name) this.loaded[name.split('/')[0]] = this.read(name, t);
      }
    });
    return this;
  }
  protected queue(action: () => void): void {
    this.ctx.queue.push(action);
  }
}

function boxOf(t: Target): CellRange {
  return t.box;
}

function cellsIn(t: Target, fn: (r: number, c: number) => void): void {
  for (let r = t.box.top; r <= t.box.bottom; r++) for (let c = t.box.left; c <= t.box.right; c++) fn(r, c);
}

function parseSheetRange(address: string | undefined): CellRange | null {
  if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: MAX_COLS - 1 };
  return parseRangeAddress(splitQualified(address).address) ?? null;
}

function intersect(a: CellRange, b: CellRange): CellRange | null {
  const box = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return box.top <= box.bottom && box.left <= box.right ? box : null;
}

/**
 * Insert (dir 1) or delete (dir -1) of a range's cells with the cells below moving, in the range's columns
 * only: values, fills, formats and notes/comments move; merged areas inside those columns move or shrink; a
 * merged area crossing the columns' side edges at or below the range is refused, as Excel refuses it.
 */
function shiftCells(state: FakeWorkbookState, t: Target, dir: 1 | -1): void {
  const b = t.box;
  const inCols = (c: number) => c >= b.left && c <= b.right;
  if (cutsMerge(t.sheet.merges, b)) throw new FakeError('InvalidOperation', 'cannot change part of a merged cell');
  const move = (r: number): number | undefined => shiftedRow(r, b, dir);
  const remap = <V>(map: Map<string, V>): Map<string, V> => {
    const out = new Map<string, V>();
    for (const [key, v] of map) {
      const [r, c] = key.split(',').map(Number);
      if (!inCols(c)) {
        out.set(key, v);
        continue;
      }
      const to = move(r);
      if (to !== undefined) out.set(`${to},${c}`, v);
    }
    return out;
  };
  t.sheet.cells = remap(t.sheet.cells);
  if (t.sheet.formats) t.sheet.formats = remap(t.sheet.formats);
  for (const kind of ['notes', 'comments'] as const) {
    state[kind] = state[kind].flatMap((a) => {
      if (a.sheet !== t.sheet.name) return [a];
      const at = parseRangeAddress(a.address)!;
      if (!inCols(at.left)) return [a];
      const to = move(at.top);
      return to === undefined ? [] : [{ ...a, address: toA1(to, at.left) }];
    });
  }
  t.sheet.merges = shiftMerges(t.sheet.merges, b, dir);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function fillOf(cell: FakeCell | undefined): { color: string; pattern: string } {
  return cell?.fill ? { color: cell.fill.color, pattern: cell.fill.pattern ?? 'Solid' } : { color: '#FFFFFF', pattern: 'None' };
}

/** Hides a member, as an office.js without it would: reads give undefined. */
type Lackable = 'notes' | 'comments' | 'getCellProperties' | 'getMergedAreasOrNullObject' | 'width' | 'height';

function lackIfStale(obj: object, ctx: Ctx, member: Lackable): void {
  if (ctx.state.officeJsLacks.has(member)) Object.defineProperty(obj, member, { value: undefined, configurable: true });
}

class WorkbookP {
  readonly worksheets: WorksheetsP;
  readonly settings: SettingsP;
  readonly notes: AnnotationsP;
  readonly comments: AnnotationsP;
  constructor(ctx: Ctx) {
    this.worksheets = new WorksheetsP(ctx);
    this.settings = new SettingsP(ctx);
    this.notes = new AnnotationsP(ctx, 'notes');
    this.comments = new AnnotationsP(ctx, 'comments');
    for (const member of ['notes', 'comments'] as const) lackIfStale(this, ctx, member);
  }
}

class WorksheetsP extends Proxy<FakeSheet[]> {
  private list: SheetP[] | undefined;
  constructor(ctx: Ctx) {
    super(ctx, () => ctx.state.sheets);
  }
  protected read(name: string, sheets: FakeSheet[]): unknown {
    if (name.startsWith('items')) {
      this.list = sheets.map((s) => {
        const p = new SheetP(this.ctx, () => this.ctx.state.sheet(s.name) ?? null);
        p.setLoaded(s);
        return p;
      });
    }
    return true;
  }
  get items(): SheetP[] {
    if (!this.list) throw new FakeError('PropertyNotLoaded', 'items not loaded');
    return this.list;
  }
  getItem(name: string): SheetP {
    return new SheetP(this.ctx, () => this.ctx.state.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): SheetP {
    return new SheetP(this.ctx, () => this.ctx.state.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): SheetP {
    return new SheetP(this.ctx, () => this.ctx.state.sheet(this.ctx.state.active) ?? null);
  }
  add(name: string): SheetP {
    this.queue(() => {
      if (this.ctx.state.sheet(name)) throw new FakeError('ItemAlreadyExists', name);
      this.ctx.state.addSheet(name);
    });
    return this.getItem(name);
  }
}

class SheetP extends Proxy<FakeSheet> {
  readonly notes: AnnotationsP;
  constructor(ctx: Ctx, resolve: () => FakeSheet | null, nullable = false) {
    super(ctx, resolve, nullable);
    this.notes = new AnnotationsP(ctx, 'notes', () => this.target().name);
    lackIfStale(this, ctx, 'notes');
  }
  setLoaded(s: FakeSheet): void {
    this.loaded = { isNullObject: false, name: s.name, visibility: s.visibility ?? 'Visible' };
  }
  protected read(name: string, s: FakeSheet): unknown {
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility ?? 'Visible';
    throw new Error(`fake: worksheet.${name}`);
  }
  get name(): string {
    return this.prop('name');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  private usedBox(s: FakeSheet): CellRange | null {
    let box: CellRange | null = null;
    for (const [key, cell] of s.cells) {
      if (cell.value === '') continue;
      const [r, c] = key.split(',').map(Number);
      box = box
        ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) }
        : { top: r, left: c, bottom: r, right: c };
    }
    return box;
  }
  getUsedRange(_valuesOnly?: boolean): RangeP {
    return new RangeP(this.ctx, () => {
      const s = this.target();
      return { sheet: s, box: this.usedBox(s) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const s = this.target();
        const box = this.usedBox(s);
        return box ? { sheet: s, box } : null;
      },
      true,
    );
  }
  getRange(address?: string): RangeP {
    return new RangeP(this.ctx, () => {
      const box = parseSheetRange(address);
      if (!box) throw new FakeError('InvalidArgument', `bad address ${address}`);
      return { sheet: this.target(), box };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeP {
    return new RangeP(this.ctx, () => ({ sheet: this.target(), box: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } }));
  }
  activate(): void {
    this.queue(() => {
      this.ctx.state.active = this.target().name;
    });
  }
}

class RangeP extends Proxy<Target> {
  readonly format: { fill: FillP } & Record<string, unknown>;
  constructor(ctx: Ctx, resolve: () => Target | null, nullable = false) {
    super(ctx, resolve, nullable);
    this.format = formatProxy(this, new FillP(ctx, () => this.target()));
    for (const member of ['getCellProperties', 'getMergedAreasOrNullObject'] as const) lackIfStale(this, ctx, member);
  }
  protected read(name: string, t: Target): unknown {
    const b = boxOf(t);
    switch (name) {
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'rowCount':
        return b.bottom - b.top + 1;
      case 'columnCount':
        return b.right - b.left + 1;
      case 'address':
        return `${quoteSheet(t.sheet.name)}!${toA1(b.top, b.left)}${b.top === b.bottom && b.left === b.right ? '' : `:${toA1(b.bottom, b.right)}`}`;
      case 'values':
      case 'text': {
        if (name === 'values') this.ctx.valueCells += (b.bottom - b.top + 1) * (b.right - b.left + 1);
        const rows: unknown[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const row: unknown[] = [];
          for (let c = b.left; c <= b.right; c++) {
            const cell = t.sheet.cells.get(`${r},${c}`);
            row.push(name === 'values' ? (cell?.value ?? '') : (cell?.text ?? (cell ? String(cell.value) : '')));
          }
          rows.push(row);
        }
        this.ctx.responseBytes += Buffer.byteLength(JSON.stringify(rows));
        return rows;
      }
      default:
        throw new Error(`fake: range.${name}`);
    }
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get address(): string {
    return this.prop('address');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(rows: unknown[][]) {
    this.queue(() => {
      const t = this.target();
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const key = `${t.box.top + r},${t.box.left + c}`;
          const cell = t.sheet.cells.get(key);
          if (cell) {
            cell.value = v as FakeCell['value'];
            delete cell.text;
          } else t.sheet.cells.set(key, { value: v as FakeCell['value'] });
        }),
      );
    });
  }
  get text(): string[][] {
    return this.prop('text');
  }
  private other(other: RangeP | string): () => CellRange {
    return () => (typeof other === 'string' ? (parseSheetRange(other) as CellRange) : (other as RangeP).target().box);
  }
  getIntersection(other: RangeP | string): RangeP {
    const box = this.other(other);
    return new RangeP(this.ctx, () => {
      const t = this.target();
      const hit = intersect(t.box, box());
      if (!hit) throw new FakeError('ItemNotFound', 'no intersection');
      return { sheet: t.sheet, box: hit };
    });
  }
  getIntersectionOrNullObject(other: RangeP | string): RangeP {
    const box = this.other(other);
    return new RangeP(
      this.ctx,
      () => {
        const t = this.target();
        const hit = intersect(t.box, box());
        return hit ? { sheet: t.sheet, box: hit } : null;
      },
      true,
    );
  }
  getMergedAreasOrNullObject(): AreasP {
    return new AreasP(this.ctx, () => {
      const t = this.target();
      const hits = t.sheet.merges.filter((m) => intersect(m, t.box));
      return hits.length ? { sheet: t.sheet, boxes: hits } : null;
    });
  }
  getCellProperties(_options: unknown): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    this.queue(() => {
      const t = this.target();
      const rows: unknown[][] = [];
      for (let r = t.box.top; r <= t.box.bottom; r++) {
        const row: unknown[] = [];
        for (let c = t.box.left; c <= t.box.right; c++) row.push({ format: { fill: fillOf(t.sheet.cells.get(`${r},${c}`)) } });
        rows.push(row);
      }
      this.ctx.valueCells += rows.length * (rows[0]?.length ?? 0);
      this.ctx.responseBytes += Buffer.byteLength(JSON.stringify(rows));
      result.set(rows);
    });
    return result;
  }
  insert(shift: string): void {
    this.queue(() => {
      if (shift !== 'Down') throw new Error('fake: only Down');
      shiftCells(this.ctx.state, this.target(), 1);
    });
  }
  /** Deletes the cells, moving the cells below them (in the same columns) up, like Excel. */
  delete(shift: string): void {
    this.queue(() => {
      if (shift !== 'Up') throw new Error('fake: only Up');
      shiftCells(this.ctx.state, this.target(), -1);
    });
  }
  /** clear('Formats') drops fills and recorded formats in the range. */
  clear(what: string): void {
    this.queue(() => {
      if (what !== 'Formats') throw new Error(`fake: clear ${what}`);
      const t = this.target();
      cellsIn(t, (r, c) => {
        const cell = t.sheet.cells.get(`${r},${c}`);
        if (cell) delete cell.fill;
        t.sheet.formats?.delete(`${r},${c}`);
      });
      this.ctx.state.clearedFormats.push({ sheet: t.sheet.name, box: t.box });
    });
  }
  select(): void {
    this.queue(() => {
      this.ctx.state.active = this.target().sheet.name;
    });
  }
  // --- template insertion (src/hosts/excel/insert.ts) ---
  /** Queues a per-cell format write: key like "font.bold". */
  setFormat(key: string, value: unknown): void {
    this.queue(() => {
      const t = this.target();
      t.sheet.formats ??= new Map();
      for (let r = t.box.top; r <= t.box.bottom; r++) {
        for (let c = t.box.left; c <= t.box.right; c++) {
          const k = `${r},${c}`;
          t.sheet.formats.set(k, { ...(t.sheet.formats.get(k) ?? {}), [key]: value });
        }
      }
    });
  }
  set numberFormat(v: unknown[][]) {
    this.setFormat('numberFormat', v[0]?.[0]);
  }
  merge(_across?: boolean): void {
    this.queue(() => {
      const t = this.target();
      if (t.sheet.merges.some((m) => intersect(m, t.box))) throw new FakeError('InvalidOperation', 'overlapping merge');
      t.sheet.merges.push(t.box);
    });
  }
  copyFrom(source: RangeP, type: string): void {
    this.queue(() => {
      if (type !== 'Formats') throw new Error('fake: copyFrom Formats only');
      const t = this.target();
      const src = source.target();
      for (let c = 0; c <= t.box.right - t.box.left; c++) {
        const f = src.sheet.formats?.get(`${src.box.top},${src.box.left + c}`);
        t.sheet.formats ??= new Map();
        t.sheet.formats.set(`${t.box.top},${t.box.left + c}`, { ...(f ?? {}), copied: true });
      }
    });
  }
  get dataValidation(): { rule: unknown; errorAlert: unknown } {
    const self = this;
    let source = '';
    return {
      set rule(r: { list: { source: string } }) {
        source = r.list.source;
        self.queue(() => {
          const t = self.target();
          (t.sheet.validations ??= []).push({ box: t.box, source, showAlert: true });
        });
      },
      get rule(): { list: { source: string } } {
        return { list: { source } };
      },
      set errorAlert(a: { showAlert: boolean }) {
        self.queue(() => {
          const t = self.target();
          const v = t.sheet.validations?.find((x) => x.box === t.box || (x.box.top === t.box.top && x.box.left === t.box.left));
          if (v) v.showAlert = a.showAlert;
        });
      },
      get errorAlert(): { showAlert: boolean } {
        return { showAlert: false };
      },
    };
  }
  get conditionalFormats(): { add(type: string): unknown } {
    const self = this;
    return {
      add(type: string) {
        if (type !== 'ContainsText') throw new Error('fake: ContainsText only');
        const entry = { box: { top: 0, left: 0, bottom: 0, right: 0 }, text: '', color: '' };
        self.queue(() => {
          const t = self.target();
          entry.box = t.box;
          (t.sheet.highlights ??= []).push(entry);
        });
        return {
          textComparison: {
            format: { fill: { set color(c: string) { entry.color = c; } } },
            set rule(r: { text: string }) {
              entry.text = r.text;
            },
          },
        };
      },
    };
  }
}

/** range.format: fill plus the font/alignment/border setters insertion uses, recorded per cell. */
function formatProxy(range: RangeP, fill: FillP): { fill: FillP } & Record<string, unknown> {
  const setter = (prefix: string) =>
    new globalThis.Proxy({} as Record<string, unknown>, {
      set(_t, key: string, value: unknown) {
        range.setFormat(`${prefix}${key}`, value);
        return true;
      },
    });
  const font = setter('font.');
  return new globalThis.Proxy({ fill } as { fill: FillP } & Record<string, unknown>, {
    get(t, key: string) {
      if (key === 'fill') return t.fill;
      if (key === 'font') return font;
      if (key === 'borders') return { getItem: (edge: string) => setter(`border.${edge}.`) };
      return undefined;
    },
    set(_t, key: string, value: unknown) {
      range.setFormat(key, value);
      return true;
    },
  });
}

class AreasP extends Proxy<{ sheet: FakeSheet; boxes: CellRange[] }> {
  constructor(ctx: Ctx, resolve: () => { sheet: FakeSheet; boxes: CellRange[] } | null) {
    super(ctx, resolve, true);
  }
  protected read(name: string, t: { sheet: FakeSheet; boxes: CellRange[] }): unknown {
    if (name !== 'address') throw new Error(`fake: areas.${name}`);
    return t.boxes.map((b) => `${quoteSheet(t.sheet.name)}!${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}`).join(', ');
  }
  get address(): string {
    return this.prop('address');
  }
}

class FillP extends Proxy<Target> {
  protected read(name: string, t: Target): unknown {
    const f = fillOf(t.sheet.cells.get(`${t.box.top},${t.box.left}`));
    if (name === 'color') return f.color;
    if (name === 'pattern') return f.pattern;
    throw new Error(`fake: fill.${name}`);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(color: string) {
    this.ctx.write('fill.color', color);
    this.queue(() => {
      const t = this.target();
      cellsIn(t, (r, c) => {
        const key = `${r},${c}`;
        const cell = t.sheet.cells.get(key) ?? { value: '' };
        cell.fill = { color: color.toUpperCase(), pattern: 'Solid' };
        t.sheet.cells.set(key, cell);
      });
    });
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  set pattern(pattern: string) {
    this.queue(() => {
      const t = this.target();
      cellsIn(t, (r, c) => {
        const cell = t.sheet.cells.get(`${r},${c}`);
        if (cell?.fill) cell.fill.pattern = pattern;
      });
    });
  }
  clear(): void {
    this.queue(() => {
      const t = this.target();
      cellsIn(t, (r, c) => {
        const cell = t.sheet.cells.get(`${r},${c}`);
        if (cell) delete cell.fill;
      });
    });
  }
}

class SettingsP {
  constructor(private readonly ctx: Ctx) {}
  getItemOrNullObject(key: string): SettingP {
    return new SettingP(this.ctx, key, true);
  }
  getItem(key: string): SettingP {
    return new SettingP(this.ctx, key, false);
  }
  add(key: string, value: unknown): void {
    this.ctx.write(key, value);
    this.ctx.queue.push(() => {
      // Excel stores settings as JSON: keep a copy, never the caller's object.
      this.ctx.state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
  }
}

class SettingP extends Proxy<{ key: string; value: unknown }> {
  constructor(ctx: Ctx, private readonly key: string, nullable: boolean) {
    super(ctx, () => (ctx.state.settings.has(key) ? { key, value: ctx.state.settings.get(key) } : null), nullable);
  }
  protected read(name: string, t: { key: string; value: unknown }): unknown {
    if (name === 'value') return t.value;
    throw new Error(`fake: setting.${name}`);
  }
  get value(): unknown {
    return this.prop('value');
  }
  delete(): void {
    this.queue(() => {
      this.target();
      this.ctx.state.settings.delete(this.key);
    });
  }
}

type Kind = 'notes' | 'comments';

class AnnotationsP {
  constructor(
    private readonly ctx: Ctx,
    private readonly kind: Kind,
    private readonly sheetName?: () => string,
  ) {}
  private list(): FakeAnnotation[] {
    const all = this.ctx.state[this.kind];
    return this.sheetName ? all.filter((a) => a.sheet === this.sheetName?.()) : all;
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.queue.push(() => result.set(this.list().length));
    return result;
  }
  getItemAt(index: number): AnnotationP {
    return new AnnotationP(this.ctx, this.kind, () => this.list()[index] ?? null);
  }
  getItemOrNullObject(address: string): AnnotationP {
    return new AnnotationP(
      this.ctx,
      this.kind,
      () => {
        const { sheet, address: a } = this.where(address);
        return this.ctx.state[this.kind].find((n) => n.sheet === sheet && n.address === a) ?? null;
      },
      true,
    );
  }
  getItem(address: string): AnnotationP {
    return new AnnotationP(this.ctx, this.kind, () => {
      const { sheet, address: a } = this.where(address);
      return this.ctx.state[this.kind].find((n) => n.sheet === sheet && n.address === a) ?? null;
    });
  }
  getItemByCell(range: RangeP): AnnotationP {
    return new AnnotationP(this.ctx, this.kind, () => {
      const t = (range as unknown as { target(): Target }).target();
      const a = toA1(t.box.top, t.box.left);
      return this.ctx.state[this.kind].find((n) => n.sheet === t.sheet.name && n.address === a) ?? null;
    });
  }
  private where(address: string): { sheet: string; address: string } {
    const q = splitQualified(address);
    const sheet = q.sheet ?? this.sheetName?.();
    if (!sheet) throw new FakeError('InvalidCellAddress', address);
    return { sheet, address: q.address };
  }
  add(cell: RangeP | string, content: string): AnnotationP {
    this.ctx.write(typeof cell === 'string' ? cell : 'range', content);
    let created: FakeAnnotation | null = null;
    this.ctx.queue.push(() => {
      let where: { sheet: string; address: string };
      if (typeof cell === 'string') where = this.where(cell);
      else {
        const t = (cell as unknown as { target(): Target }).target();
        where = { sheet: t.sheet.name, address: toA1(t.box.top, t.box.left) };
      }
      const list = this.ctx.state[this.kind];
      if (list.some((n) => n.sheet === where.sheet && n.address === where.address)) {
        throw new FakeError('InvalidArgument', `cell ${where.address} already has one`);
      }
      created = { id: this.ctx.state.newId(), ...where, content };
      list.push(created);
    });
    return new AnnotationP(this.ctx, this.kind, () => created);
  }
}

class AnnotationP extends Proxy<FakeAnnotation> {
  constructor(ctx: Ctx, private readonly kind: Kind, resolve: () => FakeAnnotation | null, nullable = false) {
    super(ctx, resolve, nullable);
    if (kind === 'notes') for (const member of ['width', 'height'] as const) lackIfStale(this, ctx, member);
  }
  /** Note box size (ExcelApi 1.18; the setters exist on notes only, as in office.js). */
  set width(points: number) {
    this.sizeTo('width', points);
  }
  set height(points: number) {
    this.sizeTo('height', points);
  }
  private sizeTo(name: 'width' | 'height', points: number): void {
    if (this.kind !== 'notes') throw new Error('fake: comments have no size');
    this.ctx.write(name, points);
    this.queue(() => {
      this.target()[name] = points;
    });
  }
  protected read(name: string, t: FakeAnnotation): unknown {
    if (name === 'content') return t.content;
    throw new Error(`fake: note.${name}`);
  }
  get content(): string {
    return this.prop('content');
  }
  getLocation(): RangeP {
    return new RangeP(this.ctx, () => {
      const n = this.target();
      const sheet = this.ctx.state.sheet(n.sheet);
      const box = parseRangeAddress(n.address);
      return sheet && box ? { sheet, box } : null;
    });
  }
  delete(): void {
    this.queue(() => {
      const n = this.target();
      const list = this.ctx.state[this.kind];
      list.splice(list.indexOf(n), 1);
    });
  }
}

/** Excel.run over the fake: a fresh context per batch, pending actions flushed (and counted) at the end. */
export function fakeRun(state: FakeWorkbookState): ExcelRun {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    state.runs++;
    const ctx = new Ctx(state);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  };
}

/** isSetSupported for an Excel that supports ExcelApi up to `max` ("1.18", "1.10", "1.8"…). */
export function supportsUpTo(max: string): (set: string, version: string) => boolean {
  const [maxMajor, maxMinor] = max.split('.').map(Number);
  return (set, version) => {
    if (set !== 'ExcelApi') return false;
    const [major, minor] = version.split('.').map(Number);
    return major < maxMajor || (major === maxMajor && minor <= maxMinor);
  };
}
