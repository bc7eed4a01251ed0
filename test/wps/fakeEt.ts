/**
 * An in-memory WPS 表格 (ET) object model implementing exactly the members the WPS adapter uses.
 * Switches: `methods` exposes Address/Text/MergeCells/UsedRange/Count/… as zero-argument methods (as some
 * WPS builds do); Value2 of a single cell is always a scalar, as in ET.
 */
import type { CellRange, Grid } from '../../src/core/grid';
import { parseA1, toA1 } from '../../src/core/grid';
import { cutsMerge, shiftMerges, shiftedRow } from '../helpers/shiftBand';

export const NONE = -4142;

export interface FakeCell {
  value?: string | number | boolean;
  /** Displayed text (e.g. "25%"); defaults to String(value). */
  text?: string;
  numberFormat?: string;
  /** Column too narrow: Text shows "####". */
  narrow?: boolean;
  color: number;
  colorIndex: number;
  pattern: number;
  comment?: string;
  /** Comment box size set through Comment.Shape (points). */
  commentSize?: { width?: number; height?: number };
}

export interface FakeOptions {
  /** Properties exposed as zero-argument methods. */
  methods?: boolean;
  /** A build whose comments have no Shape (cannot be sized). */
  noCommentShape?: boolean;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  /** Template insertion: formats by "row:col" ("Font.Bold" → true…), list validations, text highlights. */
  formats = new Map<string, Record<string, unknown>>();
  validations: { range: CellRange; list: string; showError: boolean }[] = [];
  highlights: { range: CellRange; text: string; color: number }[] = [];
  visible: number | boolean = -1;
  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell {
    const k = `${row}:${col}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { color: 16777215, colorIndex: NONE, pattern: NONE };
      this.cells.set(k, c);
    }
    return c;
  }

  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row}:${col}`);
  }

  at(address: string): FakeCell {
    const p = parseA1(address)!;
    return this.cell(p.row, p.col);
  }

  /** Used range: cells with a value, a fill or a comment (like ET). */
  used(): CellRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const has = (c.value !== undefined && c.value !== '') || c.colorIndex !== NONE || c.comment !== undefined;
      if (!has) continue;
      const [r, col] = k.split(':').map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    for (const m of this.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    if (bottom < 0) return { top: 0, left: 0, bottom: 0, right: 0 };
    return { top, left, bottom, right };
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
}

export class FakeEt {
  sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Number of per-cell Text reads (to check strings are not asked one by one). */
  textReads = 0;
  /** Number of MergeCells reads. */
  mergeReads = 0;
  /** Ranges whose formats were cleared (ClearFormats). */
  clearedFormats: { sheet: string; range: CellRange }[] = [];
  /** Throw on any Interior write (e.g. a protected sheet). */
  protectedSheets = new Set<string>();
  workbookOpen = true;

  constructor(readonly options: FakeOptions = {}) {}

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Puts a Grid's values, displayed texts and merges on a new sheet, at an optional offset. */
  addGrid(grid: Grid, offset = { row: 0, col: 0 }): FakeSheet {
    const s = this.addSheet(grid.sheetName);
    grid.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const fc = s.cell(r + offset.row, c + offset.col);
        const v = cell.value;
        fc.value = v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? undefined);
        if (typeof v === 'number' && cell.text !== String(v)) fc.text = cell.text;
        if (typeof v === 'number' && cell.text.endsWith('%')) fc.numberFormat = '0%';
      }),
    );
    s.merges = grid.merges.map((m) => ({
      top: m.top + offset.row,
      left: m.left + offset.col,
      bottom: m.bottom + offset.row,
      right: m.right + offset.col,
    }));
    return s;
  }

  /** A plain object dump of every cell value (to check nothing was changed). */
  values(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.sheets) {
      if (s.name === '_jixiao') continue;
      for (const [k, c] of s.cells) if (c.value !== undefined && c.value !== '') out[`${s.name}!${k}`] = c.value;
    }
    return out;
  }

  /** Every filled cell's colour/pattern (a palette index is derived from the colour, as in ET); no fill = absent. */
  fills(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.sheets) for (const [k, c] of s.cells) if (c.colorIndex !== NONE) out[`${s.name}!${k}`] = `${c.color}/${c.pattern}`;
    return out;
  }

  /** Task panes created through either entry point, and the PluginStorage behind both. */
  panes: { ID: string; Visible: boolean; DockPosition?: number; url: string; title?: string }[] = [];
  storage = new Map<string, unknown>();

  /** CreateTaskPane / GetTaskPane / PluginStorage, as WPS exposes them (on `wps` or on the Application). */
  taskPaneApi(): Record<string, unknown> {
    return {
      CreateTaskPane: (url: string, title?: string) => {
        const pane = { ID: `p${this.panes.length + 1}`, Visible: false, url, title };
        this.panes.push(pane);
        return pane;
      },
      GetTaskPane: (id: string | number) => this.panes.find((p) => p.ID === id) ?? null,
      PluginStorage: { getItem: (k: string) => this.storage.get(k), setItem: (k: string, v: unknown) => void this.storage.set(k, v) },
    };
  }

  /**
   * The global `wps` object of Kingsoft's typings: wps.EtApplication(), wps.CreateTaskPane… With
   * `wrapped`, EtApplication() returns { Application } as on some builds.
   */
  wpsGlobal(options: { wrapped?: boolean } = {}): Record<string, unknown> {
    const app = this.application();
    return { EtApplication: () => (options.wrapped ? { Application: app } : app), ...this.taskPaneApi() };
  }

  /** The ET `Application` object; `withTaskPanes` adds CreateTaskPane / GetTaskPane / PluginStorage to it. */
  application(options: { withTaskPanes?: boolean } = {}): unknown {
    const self = this;
    const wb = this.workbookObject();
    return {
      ...(options.withTaskPanes ? this.taskPaneApi() : {}),
      get ActiveWorkbook() {
        return self.prop(self.workbookOpen ? wb : null);
      },
      get ActiveSheet() {
        return self.prop(self.active ? self.sheetObject(self.active) : null);
      },
    };
  }

  /** Property or method, per the switch. */
  private prop<T>(value: T): T {
    return (this.options.methods ? () => value : value) as T;
  }

  private workbookObject(): unknown {
    const self = this;
    const sheetsObj = {
      get Count() {
        return self.prop(self.sheets.length);
      },
      Item(index: number | string) {
        const s = typeof index === 'number' ? self.sheets[index - 1] : self.sheets.find((x) => x.name === index);
        if (!s) throw new Error('下标越界');
        return self.sheetObject(s);
      },
      Add(before?: { __sheet: FakeSheet } | null, after?: { __sheet: FakeSheet } | null) {
        let name = `Sheet${self.sheets.length + 1}`;
        while (self.sheets.some((x) => x.name === name)) name += '_';
        const s = new FakeSheet(name);
        const anchor = after?.__sheet ?? before?.__sheet;
        const i = anchor ? self.sheets.indexOf(anchor) + (after ? 1 : 0) : self.sheets.indexOf(self.active!);
        self.sheets.splice(Math.max(0, i), 0, s);
        self.active = s; // ET activates a new sheet
        return self.sheetObject(s);
      },
    };
    return {
      get Worksheets() {
        return self.prop(sheetsObj);
      },
      get ActiveSheet() {
        return self.prop(self.active ? self.sheetObject(self.active) : null);
      },
    };
  }

  sheetObject(s: FakeSheet): unknown {
    const self = this;
    return {
      __sheet: s,
      get Name() {
        return self.prop(s.name);
      },
      set Name(v: string) {
        if (self.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new Error('名称重复');
        s.name = v;
      },
      get Visible() {
        return self.prop(s.visible);
      },
      set Visible(v: number | boolean) {
        s.visible = v;
      },
      get UsedRange() {
        return self.prop(self.rangeObject(s, s.used()));
      },
      Range(address: string) {
        const [a, b] = address.split(':');
        const p = parseA1(a)!;
        const q = b ? parseA1(b)! : p;
        if (!p || !q) throw new Error(`bad address ${address}`);
        return self.rangeObject(s, { top: p.row, left: p.col, bottom: q.row, right: q.col });
      },
      Activate() {
        self.active = s;
      },
    };
  }

  rangeObject(s: FakeSheet, r: CellRange): unknown {
    const self = this;
    const single = r.top === r.bottom && r.left === r.right;
    const first = (): FakeCell => s.cell(r.top, r.left);
    const value2 = (): unknown => {
      const read = (row: number, col: number): unknown => s.peek(row, col)?.value;
      if (single) return read(r.top, r.left);
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(read(row, col));
        out.push(line);
      }
      return out;
    };
    const interior = {
      get Color() {
        return self.prop(first().color);
      },
      set Color(v: number) {
        if (self.protectedSheets.has(s.name)) throw new Error('工作表受保护');
        const c = first();
        c.color = v;
        c.colorIndex = 99;
        c.pattern = 1;
      },
      get ColorIndex() {
        return self.prop(first().colorIndex);
      },
      set ColorIndex(v: number) {
        if (self.protectedSheets.has(s.name)) throw new Error('工作表受保护');
        const c = first();
        c.colorIndex = v;
        if (v === NONE) {
          c.color = 16777215;
          c.pattern = NONE;
        }
      },
      get Pattern() {
        return self.prop(first().pattern);
      },
      set Pattern(v: number) {
        first().pattern = v;
      },
    };
    const mergeState = (): boolean | null => {
      self.mergeReads++;
      let any = false;
      let all = true;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          if (s.mergeAt(row, col)) any = true;
          else all = false;
        }
      return all ? true : any ? null : false;
    };
    const fmt = (key: string, v: unknown): void => {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) s.formats.set(`${row}:${col}`, { ...(s.formats.get(`${row}:${col}`) ?? {}), [key]: v });
    };
    const formatObject = (prefix: string): Record<string, unknown> => {
      const read = (key: string): unknown => s.formats.get(`${r.top}:${r.left}`)?.[`${prefix}${key}`];
      return new Proxy({} as Record<string, unknown>, {
        get: (_t, key: string) => read(key),
        set: (_t, key: string, v: unknown) => {
          fmt(`${prefix}${key}`, v);
          return true;
        },
      });
    };
    const address = (): string => {
      const a = `$${toA1(r.top, r.left).replace(/(\d+)$/, '$$$1')}`;
      if (single) return a;
      return `${a}:$${toA1(r.bottom, r.right).replace(/(\d+)$/, '$$$1')}`;
    };
    const commentObj = (): unknown => {
      const c = s.peek(r.top, r.left);
      if (!c || c.comment === undefined) return null;
      const shape = {
        set Width(v: number) {
          c.commentSize = { ...c.commentSize, width: v };
        },
        set Height(v: number) {
          c.commentSize = { ...c.commentSize, height: v };
        },
        get Width() {
          return c.commentSize?.width ?? 100;
        },
        get Height() {
          return c.commentSize?.height ?? 60;
        },
      };
      return {
        Text: () => c.comment,
        Delete: () => {
          c.comment = undefined;
          c.commentSize = undefined;
        },
        ...(self.options.noCommentShape ? {} : { Shape: self.options.methods ? () => shape : shape }),
      };
    };
    /** Delete (dir -1, xlShiftUp) or insert (dir 1, xlShiftDown) of this range's cells, in its columns only. */
    const shift = (dir: 1 | -1): void => {
      const inCols = (c: number) => c >= r.left && c <= r.right;
      if (cutsMerge(s.merges, r)) throw new Error('不能对合并单元格作部分更改');
      const move = (row: number): number | undefined => shiftedRow(row, r, dir);
      const remap = <V>(map: Map<string, V>): Map<string, V> => {
        const out = new Map<string, V>();
        for (const [k, v] of map) {
          const [row, col] = k.split(':').map(Number);
          const to = inCols(col) ? move(row) : row;
          if (to !== undefined) out.set(`${to}:${col}`, v);
        }
        return out;
      };
      s.cells = remap(s.cells);
      s.formats = remap(s.formats);
      s.merges = shiftMerges(s.merges, r, dir);
    };
    const propComment = (): unknown => {
      const c = commentObj() as { Text: () => string; Delete: () => void } | null;
      // The property variant exposes Comment.Text as a string property.
      if (!c || self.options.methods) return c;
      return { Text: c.Text(), Delete: c.Delete };
    };
    return {
      get Row() {
        return self.prop(r.top + 1);
      },
      get Column() {
        return self.prop(r.left + 1);
      },
      get Rows() {
        return self.prop({ Count: self.prop(r.bottom - r.top + 1) });
      },
      get Columns() {
        return self.prop({ Count: self.prop(r.right - r.left + 1) });
      },
      get Value2() {
        return value2();
      },
      set Value2(v: unknown) {
        if (!single) throw new Error('fake: Value2 only on one cell');
        const c = first();
        c.value = v === '' || v === null ? undefined : (v as string | number);
        c.text = undefined;
      },
      get Text() {
        self.textReads++;
        const c = s.peek(r.top, r.left);
        const text = !c || c.value === undefined ? '' : c.narrow ? '####' : (c.text ?? String(c.value));
        return self.prop(text);
      },
      get NumberFormat() {
        return self.prop(s.peek(r.top, r.left)?.numberFormat ?? 'General');
      },
      set NumberFormat(v: string) {
        fmt('NumberFormat', v);
      },
      get Font() {
        return self.prop(formatObject('Font.'));
      },
      get WrapText(): unknown {
        return self.prop(s.formats.get(`${r.top}:${r.left}`)?.WrapText);
      },
      set WrapText(v: unknown) {
        fmt('WrapText', v);
      },
      get HorizontalAlignment(): unknown {
        return self.prop(s.formats.get(`${r.top}:${r.left}`)?.HorizontalAlignment);
      },
      set HorizontalAlignment(v: unknown) {
        fmt('HorizontalAlignment', v);
      },
      get Borders() {
        return self.prop(formatObject('Borders.'));
      },
      Merge() {
        if (s.merges.some((m) => m.top <= r.bottom && r.top <= m.bottom && m.left <= r.right && r.left <= m.right)) throw new Error('不能合并重叠区域');
        s.merges.push({ ...r });
      },
      get Validation() {
        let entry: { range: CellRange; list: string; showError: boolean } | undefined;
        return self.prop({
          Delete() {
            s.validations = s.validations.filter((v) => !(v.range.top === r.top && v.range.left === r.left));
          },
          Add(type: number, _alert: number, _op: number, formula1: string) {
            if (type !== 3) throw new Error('fake: list validation only');
            entry = { range: { ...r }, list: formula1, showError: true };
            s.validations.push(entry);
          },
          set ShowError(v: boolean) {
            if (entry) entry.showError = v;
          },
        });
      },
      get FormatConditions() {
        return self.prop({
          Add(type: number, _op: unknown, _f1: unknown, _f2: unknown, text: string, textOperator: number) {
            if (type !== 9 || textOperator !== 0) throw new Error('fake: text contains only');
            const entry = { range: { ...r }, text, color: -1 };
            s.highlights.push(entry);
            return {
              Interior: {
                set Color(c: number) {
                  entry.color = c;
                },
              },
            };
          },
        });
      },
      get MergeCells() {
        return self.options.methods ? () => mergeState() : mergeState();
      },
      get MergeArea() {
        const m = s.mergeAt(r.top, r.left) ?? { top: r.top, left: r.left, bottom: r.top, right: r.left };
        return self.prop(self.rangeObject(s, m));
      },
      // ET: Address is a method with optional arguments; the property variant exposes it as a string.
      get Address() {
        return self.options.methods ? () => address() : address();
      },
      get Interior() {
        return self.prop(interior);
      },
      get Comment() {
        return self.prop(propComment());
      },
      AddComment(text: string) {
        const c = first();
        if (c.comment !== undefined) throw new Error('单元格已有批注');
        c.comment = text;
        return commentObj();
      },
      Select() {
        self.selection = { sheet: s.name, address: toA1(r.top, r.left) };
      },
      Delete(shiftDir?: number) {
        if (shiftDir !== -4162) throw new Error('fake: Delete(xlShiftUp) only');
        shift(-1);
      },
      Insert(shiftDir?: number) {
        if (shiftDir !== -4121) throw new Error('fake: Insert(xlShiftDown) only');
        shift(1);
      },
      ClearFormats() {
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const c = s.peek(row, col);
            if (c) Object.assign(c, { color: 16777215, colorIndex: NONE, pattern: NONE });
            s.formats.delete(`${row}:${col}`);
          }
        self.clearedFormats.push({ sheet: s.name, range: { ...r } });
      },
      get EntireRow() {
        return self.prop({
          Insert() {
            const n = r.bottom - r.top + 1;
            const moved = new Map<string, FakeCell>();
            for (const [k, c] of s.cells) {
              const [row, col] = k.split(':').map(Number);
              moved.set(row >= r.top ? `${row + n}:${col}` : k, c);
            }
            s.cells = moved;
            const formats = new Map<string, Record<string, unknown>>();
            for (const [k, f] of s.formats) {
              const [row, col] = k.split(':').map(Number);
              formats.set(row >= r.top ? `${row + n}:${col}` : k, f);
            }
            s.formats = formats;
            s.merges = s.merges.map((m) =>
              m.top >= r.top ? { ...m, top: m.top + n, bottom: m.bottom + n } : m.bottom >= r.top ? { ...m, bottom: m.bottom + n } : m,
            );
          },
        });
      },
    };
  }
}
