import { groupBy } from '../../core/groupBy';
import type { CellRange, CellRef, Grid } from '../../core/grid';
import { parseA1, toA1 } from '../../core/grid';
import type { Host, Scope } from '../../core/host';
import type { Finding, RowDeletion } from '../../core/findings';
import { rowDeletionBlocked, rowDeletionStale } from '../../core/rowDelete';
import { MARK_COLORS, groupByCell, noteSize } from '../../core/marks';
import type { InsertPlan } from '../../core/templates/plan';
import { insertPlanExcel } from './insert';
import { cellKey, parseAreasAddress, splitKey } from './address';
import {
  MAX_ANNOTATIONS,
  type PendingAnnotations,
  annotationKind,
  collectAnnotations,
  collectProbes,
  hasMethod,
  missingApis,
  queueAddAnnotation,
  queueAnnotationCount,
  queueAnnotationDetails,
  queueDeleteAnnotation,
  queueNoteProbes,
} from './annotations';
import {
  type AnnotationKind,
  type MarkStore,
  type OriginalFill,
  STORE_KEY,
  isNoFill,
  parseStore,
  planMarks,
  serializeStore,
  storeAfterDeletion,
} from './markStore';
import {
  type Capabilities,
  type SheetRead,
  preloadWindow,
  mergesOf,
  preloadedFills,
  type ChunkCursor,
  FIRST_BYTES_PER_CELL,
  MIN_BYTES_PER_CELL,
  keepChunks,
  measuredBytesPerCell,
  queueChunkGroup,
  rewind,
  queueSheetDims,
  queueSheetRead,
  toGrid,
} from './read';
import { ACTION_OVERHEAD_BYTES, PAYLOAD_BUDGET_BYTES, jsonBytes, paintBytes } from './payload';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type SupportsFn = (set: string, version: string) => boolean;

export interface ExcelHostOptions {
  /** Defaults to Excel.run; tests pass a fake. */
  run?: ExcelRun;
  /** Defaults to Office.context.requirements.isSetSupported. */
  supports?: SupportsFn;
  now?: () => number;
  /** loadState keys read together with the grids, so a following loadState costs no round trip. */
  prefetchState?: readonly string[];
  /** Size notes to their text (Note.width/height); off in Excel on the web, which does not support it. */
  sizeNotes?: boolean;
}

/** Note sizes are not supported in Excel on the web (office.js reference, ExcelApi 1.18). */
function defaultSizeNotes(): boolean {
  try {
    return typeof Office !== 'undefined' && String(Office.context?.diagnostics?.platform ?? '') !== 'OfficeOnline';
  } catch {
    return false;
  }
}

/** What the last applyMarks did, for the summary shown to the user. */
export interface MarkStatus {
  annotations: AnnotationKind;
  markedCells: number;
  /** Cells that already had a note of the user's: filled, but their note was left alone. */
  keptUserNotes: number;
  /** APIs this Excel supports but the loaded office.js lacks (zh-CN names): office.js is out of date. */
  missingApis?: string[];
}

/** How long a snapshot taken by readGrids may stand in for re-reading fills and notes before marking. */
const SNAPSHOT_MAX_AGE_MS = 15_000;
const STATE_PREFIX = 'jixiao.state.';
/** Cells painted (with their notes) per sync, at most; the request's bytes are budgeted too (payload.ts). */
const WRITE_BATCH_CELLS = 2500;
/** A failed chunk group is retried this many times, each time assuming four times the bytes per cell. */
const READ_RETRIES = 3;

/**
 * Row-chunked read of huge sheets, each sync's response kept under the payload budget: the first group is
 * sized with a cautious guess, every later one from the bytes per cell measured so far; a group the host
 * refuses (payload too large) is read again in smaller chunks.
 */
async function readInChunks(context: Excel.RequestContext, reads: SheetRead[]): Promise<void> {
  const cursors: ChunkCursor[] = reads.map((read) => ({ read, next: 0 }));
  let perCell = FIRST_BYTES_PER_CELL;
  let failures = 0;
  for (;;) {
    const group = queueChunkGroup(cursors, perCell, PAYLOAD_BUDGET_BYTES);
    if (group.length === 0) return;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunked on purpose: each response must stay under the host's payload limit
      await context.sync();
    } catch (err) {
      if (++failures > READ_RETRIES || group.every((g) => g.rows === 1)) throw err;
      rewind(group);
      perCell *= 4;
      continue;
    }
    keepChunks(group);
    // Next group from what this one weighed, with a margin for denser rows further down.
    perCell = Math.max(MIN_BYTES_PER_CELL, measuredBytesPerCell(group, jsonBytes) * 1.5);
  }
}
/** The pane's settings and ignored findings (keys used by src/taskpane), read along with the grids. */
const DEFAULT_PREFETCH = ['jixiao.settings', 'jixiao.ignored'];

interface Snapshot {
  at: number;
  store: MarkStore | undefined;
  storeExists: boolean;
  annotations: Map<string, { ours: boolean }> | undefined;
  fills: Map<string, OriginalFill>;
  merges: Map<string, CellRange[]>;
  sheetNames: Set<string>;
}

/** Errors a user can act on, in zh-CN. */
export class ExcelHostError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'ExcelHostError';
  }
}

function defaultSupports(set: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}

function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

function sheetOf(wb: Excel.Workbook, name: string): Excel.Worksheet {
  return wb.worksheets.getItem(name);
}

function groupKeys<T>(keys: Iterable<[string, T]>): Map<string, [string, T][]> {
  return groupBy(keys, (entry) => splitKey(entry[0]).sheet);
}

function queueRestoreFill(range: Excel.Range, fill: OriginalFill, patterns: boolean): void {
  if (isNoFill(fill)) {
    range.format.fill.clear();
    return;
  }
  range.format.fill.color = fill.color as string;
  if (patterns && fill.pattern && fill.pattern !== 'Solid') range.format.fill.pattern = fill.pattern as Excel.FillPattern;
}

const OUR_COLORS = new Set(Object.values(MARK_COLORS).map((c) => c.hex.toUpperCase()));

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRun;
  private readonly supports: SupportsFn;
  private readonly now: () => number;
  private readonly prefetch: readonly string[];
  private readonly sizeNotes: boolean;
  private snapshot: Snapshot | undefined;
  /** Merged areas from the last read; marks and fixes go to the top-left cell Excel shows. */
  private merges = new Map<string, CellRange[]>();
  private stateCache: { at: number; values: Map<string, string | undefined> } | undefined;
  lastMarkStatus: MarkStatus | undefined;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.supports = options.supports ?? defaultSupports;
    this.now = options.now ?? Date.now;
    this.prefetch = options.prefetchState ?? DEFAULT_PREFETCH;
    this.sizeNotes = options.sizeNotes ?? defaultSizeNotes();
  }

  /** Notes, comments or nothing, depending on the Excel version (host report only; runs also check presence). */
  get annotations(): AnnotationKind {
    return annotationKind(this.supports);
  }

  /** APIs found missing from office.js during the last read (zh-CN names), empty when all is there. */
  missingApis: string[] = [];

  private caps(): Capabilities {
    return { merges: this.supports('ExcelApi', '1.13'), cellProperties: this.supports('ExcelApi', '1.9') };
  }

  private guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    return work().catch((err: unknown) => {
      if (err instanceof ExcelHostError) throw err;
      const detail = err instanceof Error && err.message ? `（${err.message}）` : '';
      throw new ExcelHostError(`${what}失败${detail}。请确认没有处于单元格编辑状态后重试。`, err);
    });
  }

  /**
   * Round trips: 1) sheet list, saved marks, note count; 2) every sheet's values, text, merges, fills and the
   * notes' locations. Only if round 2 fails (huge used range, data outside the preload window) a robust
   * path reads dimensions first, then values in row chunks: one more sync, plus one per further 200k cells.
   */
  readGrids(scope: Scope): Promise<Grid[]> {
    return this.guard('读取工作表', () =>
      this.run(async (context) => {
        const wb = context.workbook;
        const kind = annotationKind(this.supports, wb);
        const caps = this.caps();
        const sheets = wb.worksheets;
        const active = scope === 'sheet' ? sheets.getActiveWorksheet() : undefined;
        if (active) active.load('name');
        sheets.load('items/name,items/visibility');
        const storeItem = wb.settings.getItemOrNullObject(STORE_KEY);
        storeItem.load('value');
        const noteCount = queueAnnotationCount(wb, kind);
        const prefetched = this.prefetch.map((key) => {
          const item = wb.settings.getItemOrNullObject(STATE_PREFIX + key);
          item.load('value');
          return [key, item] as const;
        });
        await context.sync();
        this.stateCache = {
          at: this.now(),
          values: new Map(prefetched.map(([key, item]) => [key, settingText(item)])),
        };

        const list = active
          ? [{ ws: active, name: active.name }]
          : sheets.items.filter((s) => s.visibility !== 'VeryHidden').map((s) => ({ ws: s, name: s.name }));
        const window = preloadWindow(list.length);
        let reads = list.map(({ ws, name }) => queueSheetRead(ws, name, caps, window));
        this.missingApis = missingApis(this.supports, wb, reads[0]?.used);
        const details = (): PendingAnnotations | undefined => {
          const n = noteCount?.value ?? 0;
          if (n === 0) return undefined;
          // Too many to list: marking will ask about the touched cells instead.
          return n > MAX_ANNOTATIONS && kind === 'note' ? { items: [], complete: false } : queueAnnotationDetails(wb, kind, n);
        };
        let pending = details();
        try {
          await context.sync();
        } catch {
          // Too large for one response, or data outside the preload window: dimensions first, then chunks.
          reads = list.map(({ ws, name }) => queueSheetDims(ws, name, caps));
          pending = details();
          await context.sync();
          await readInChunks(context, reads);
        }
        this.snapshot = this.takeSnapshot(storeItem, reads, pending, kind, sheets.items.map((s) => s.name));
        for (const [sheet, list] of this.snapshot.merges) this.merges.set(sheet, list);
        return reads.map(toGrid);
      }),
    );
  }

  private takeSnapshot(
    storeItem: Excel.Setting,
    reads: SheetRead[],
    pending: PendingAnnotations | undefined,
    kind: AnnotationKind,
    sheetNames: string[],
  ): Snapshot {
    const fills = new Map<string, OriginalFill>();
    const merges = new Map<string, CellRange[]>();
    for (const read of reads) {
      preloadedFills(read, fills);
      merges.set(read.name, mergesOf(read));
    }
    let annotations: Snapshot['annotations'] = new Map();
    if (kind !== 'none' && pending) annotations = pending.complete ? collectAnnotations(pending) : undefined;
    return {
      at: this.now(),
      store: storeItem.isNullObject ? undefined : parseStore(storeItem.value),
      storeExists: !storeItem.isNullObject,
      annotations,
      fills,
      merges,
      sheetNames: new Set(sheetNames),
    };
  }

  /** The top-left cell of a merged area carries the mark, as Excel shows only that one. */
  private keyFor(ref: CellRef): string {
    return cellKey(ref.sheet, this.shownAddress(ref));
  }

  private shownAddress(ref: CellRef): string {
    const merges = this.merges.get(ref.sheet);
    const hit = merges?.find((m) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right);
    return hit ? toA1(hit.top, hit.left) : ref.address;
  }

  /**
   * One round trip right after readGrids (the snapshot already holds the saved marks, the notes and the
   * fills); otherwise up to three: load saved marks, note count and fills → note locations → write.
   */
  applyMarks(findings: readonly Finding[]): Promise<void> {
    return this.guard('标注单元格', async () => {
      const byCell = new Map<string, Finding[]>();
      const known = this.snapshot?.sheetNames;
      // A finding Excel could not address would fail the whole batch: leave it to the pane's list.
      const markable = findings.filter((f) => parseA1(f.ref.address) && (!known || known.has(f.ref.sheet)));
      for (const [, list] of groupByCell(markable)) {
        const key = this.keyFor(list[0].ref);
        byCell.set(key, [...(byCell.get(key) ?? []), ...list]);
      }
      const snapshot = this.freshSnapshot();
      try {
        await this.markOnce(byCell, snapshot);
      } catch (err) {
        // The workbook changed since the snapshot (e.g. a note was added meanwhile): redo with fresh facts.
        if (!snapshot) throw err;
        await this.markOnce(byCell, undefined);
      }
    });
  }

  private freshSnapshot(): Snapshot | undefined {
    const s = this.snapshot;
    this.snapshot = undefined;
    return s && this.now() - s.at <= SNAPSHOT_MAX_AGE_MS ? s : undefined;
  }

  private markOnce(byCell: Map<string, Finding[]>, snapshot: Snapshot | undefined): Promise<void> {
    return this.run(async (context) => {
      const wb = context.workbook;
      const kind = annotationKind(this.supports, wb);
      const patterns = this.supports('ExcelApi', '1.9');

      let store = snapshot?.store;
      let storeExists = snapshot?.storeExists ?? false;
      let notes = snapshot?.annotations;
      let sheetNames = snapshot?.sheetNames;
      const fills = new Map<string, OriginalFill>();
      const missing = [...byCell.keys()].filter((k) => !store?.cells[k] && !snapshot?.fills.has(k));
      for (const k of byCell.keys()) {
        const known = snapshot?.fills.get(k);
        if (known) fills.set(k, known);
      }

      if (!snapshot || !notes || missing.length > 0) {
        const storeItem = snapshot ? undefined : wb.settings.getItemOrNullObject(STORE_KEY);
        storeItem?.load('value');
        const sheets = snapshot ? undefined : wb.worksheets;
        sheets?.load('items/name');
        const count = notes ? undefined : queueAnnotationCount(wb, kind);
        const loads: [string, Excel.RangeFill][] = [];
        // Cells already in the store keep their stored original, so only new cells are read.
        const toRead = snapshot ? missing : [...byCell.keys()];
        for (const [sheet, entries] of groupKeys(toRead.map((k) => [k, null] as [string, null]))) {
          const ws = sheetOf(wb, sheet);
          for (const [key] of entries) {
            const fill = ws.getRange(splitKey(key).address).format.fill;
            fill.load(patterns ? 'color,pattern' : 'color');
            loads.push([key, fill]);
          }
        }
        await context.sync();
        if (storeItem) {
          store = storeItem.isNullObject ? undefined : parseStore(storeItem.value);
          storeExists = !storeItem.isNullObject;
        }
        if (sheets) sheetNames = new Set(sheets.items.map((s) => s.name));
        for (const [key, fill] of loads) {
          fills.set(key, { color: fill.color ?? null, ...(patterns ? { pattern: fill.pattern ?? null } : {}) });
        }
        if (!notes) {
          const n = count?.value ?? 0;
          if (kind === 'note' && n > MAX_ANNOTATIONS) {
            // Too many notes to list: ask about exactly the cells we touch (now or before) instead.
            const keys = new Set([...byCell.keys(), ...Object.keys(store?.cells ?? {})].filter((k) => sheetNames?.has(splitKey(k).sheet)));
            const probes = queueNoteProbes(wb, keys);
            if (probes.length > 0) await context.sync();
            notes = collectProbes(probes);
          } else {
            const pending = n > 0 ? queueAnnotationDetails(wb, kind, n) : undefined;
            if (pending) await context.sync();
            notes = pending ? collectAnnotations(pending) : new Map();
          }
        }
      }

      const plan = planMarks(store, byCell, { fills, notes }, kind);
      const exists = (key: string): boolean => sheetNames?.has(splitKey(key).sheet) ?? false;

      // One write round: restore → drop our old notes → save the originals → paint → add notes.
      const restore = plan.restore.filter((r) => exists(r.key));
      for (const [sheet, entries] of groupKeys(restore.map((r) => [r.key, r.fill] as [string, OriginalFill]))) {
        const ws = sheetOf(wb, sheet);
        for (const [key, fill] of entries) queueRestoreFill(ws.getRange(splitKey(key).address), fill, patterns);
      }
      for (const key of plan.deleteNotes.filter(exists)) {
        const { sheet, address } = splitKey(key);
        queueDeleteAnnotation(wb, sheetOf(wb, sheet), address, kind);
      }
      const cellCount = Object.keys(plan.store.cells).length;
      const nothingToDo = restore.length === 0 && plan.deleteNotes.length === 0 && cellCount === 0 && !storeExists;
      if (cellCount > 0) wb.settings.add(STORE_KEY, serializeStore(plan.store));
      else if (storeExists) wb.settings.getItem(STORE_KEY).delete();
      // Request bytes so far: restores, deletions and the saved originals share the first batch.
      let bytes =
        (restore.length + plan.deleteNotes.length) * 2 * ACTION_OVERHEAD_BYTES + (cellCount > 0 ? jsonBytes(serializeStore(plan.store)) : 0);
      let queued = 0;
      for (const [sheet, entries] of groupKeys(plan.paint.map((p) => [p.key, p] as const))) {
        const ws = sheetOf(wb, sheet);
        for (const [, p] of entries) {
          const { address } = splitKey(p.key);
          const cost = paintBytes(address, p.color, p.note);
          if (queued > 0 && (queued % WRITE_BATCH_CELLS === 0 || bytes + cost > PAYLOAD_BUDGET_BYTES)) {
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- chunked on purpose: each request must stay under the host's payload limit
            await context.sync();
            bytes = 0;
            queued = 0;
          }
          ws.getRange(address).format.fill.color = p.color;
          if (p.note !== undefined) queueAddAnnotation(wb, ws, address, p.note, kind, this.sizeNotes ? noteSize(p.note) : undefined);
          bytes += cost;
          queued++;
        }
      }
      if (!nothingToDo) await context.sync();
      this.lastMarkStatus = {
        annotations: kind,
        markedCells: plan.paint.length,
        keptUserNotes: kind === 'none' ? 0 : plan.paint.filter((p) => p.note === undefined).length,
        ...(this.missingApis.length > 0 ? { missingApis: this.missingApis } : {}),
      };
    });
  }

  /**
   * Three round trips: saved marks + note count → current fills of marked cells + note locations →
   * restore fills, delete our notes, forget the store. A fill the user changed after marking is kept.
   */
  clearMarks(): Promise<void> {
    this.snapshot = undefined;
    return this.guard('清除标记', () =>
      this.run(async (context) => {
        const wb = context.workbook;
        const kind = annotationKind(this.supports, wb);
        const patterns = this.supports('ExcelApi', '1.9');
        const storeItem = wb.settings.getItemOrNullObject(STORE_KEY);
        storeItem.load('value');
        const sheets = wb.worksheets;
        sheets.load('items/name');
        const count = queueAnnotationCount(wb, kind);
        await context.sync();

        const existing = new Set(sheets.items.map((s) => s.name));
        const store = storeItem.isNullObject ? undefined : parseStore(storeItem.value);
        // Cells on sheets deleted or renamed since marking are skipped.
        const cells = Object.entries(store?.cells ?? {}).filter(([key]) => existing.has(splitKey(key).sheet));
        const current: [string, OriginalFill, Excel.RangeFill][] = [];
        for (const [sheet, entries] of groupKeys(cells)) {
          const ws = sheetOf(wb, sheet);
          for (const [key, original] of entries) {
            const fill = ws.getRange(splitKey(key).address).format.fill;
            fill.load('color');
            current.push([key, original, fill]);
          }
        }
        const n = count?.value ?? 0;
        const probing = kind === 'note' && n > MAX_ANNOTATIONS;
        const probes = probing ? queueNoteProbes(wb, cells.filter(([, c]) => c.note).map(([key]) => key)) : [];
        const pending = n > 0 && !probing ? queueAnnotationDetails(wb, kind, n) : undefined;
        if (current.length > 0 || pending || probes.length > 0) await context.sync();

        for (const [key, original, fill] of current) {
          if (!OUR_COLORS.has(String(fill.color ?? '').toUpperCase())) continue;
          const { sheet, address } = splitKey(key);
          queueRestoreFill(sheetOf(wb, sheet).getRange(address), original, patterns);
        }
        const notes = pending ? collectAnnotations(pending) : collectProbes(probes);
        for (const [key, note] of notes) {
          const { sheet, address } = splitKey(key);
          if (note.ours && existing.has(sheet)) queueDeleteAnnotation(wb, sheetOf(wb, sheet), address, kind);
        }
        if (!storeItem.isNullObject) wb.settings.getItem(STORE_KEY).delete();
        await context.sync();
        this.lastMarkStatus = undefined;
      }),
    );
  }

  select(ref: CellRef): Promise<void> {
    return this.guard('定位单元格', () =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(ref.address).select();
        await context.sync();
      }),
    );
  }

  writeCells(edits: readonly { ref: CellRef; text: string }[]): Promise<void> {
    this.snapshot = undefined;
    return this.guard('写入修改', () =>
      this.run(async (context) => {
        for (const { ref, text } of edits) {
          // A leading "=" would turn the text into a formula; the apostrophe keeps it text.
          const value = text.startsWith('=') ? `'${text}` : text;
          context.workbook.worksheets.getItem(ref.sheet).getRange(this.shownAddress(ref)).values = [[value]];
        }
        await context.sync();
      }),
    );
  }

  /**
   * 删除此行 inside the table (see Host.deleteRow), in two syncs whatever the table's size: 1) the saved
   * marks, the checked cell and the merged areas on the moving rows; 2) delete the row's cells (shift up),
   * insert empty cells at the table's last row (shift down, so nothing below the table moves), write the
   * carried names, and save the marks under their new addresses.
   */
  deleteRow(planned: RowDeletion): Promise<void> {
    this.snapshot = undefined;
    return this.guard('删除行', () =>
      this.run(async (context) => {
        const wb = context.workbook;
        const ws = wb.worksheets.getItem(planned.sheet);
        const storeItem = wb.settings.getItemOrNullObject(STORE_KEY);
        storeItem.load('value');
        const checked = planned.check ? ws.getRange(toA1(planned.row, planned.check.col)) : undefined;
        checked?.load('text');
        // Merged areas as Excel has them now on the moving rows (the plan's columns already span the table's
        // merged areas as Excel reported them at the check; one crossing its edge now is refused).
        const band = ws.getRange(`${planned.row + 1}:${planned.bottom + 1}`);
        const areas = hasMethod(band, 'getMergedAreasOrNullObject') ? band.getMergedAreasOrNullObject() : undefined;
        areas?.load('address');
        await context.sync();

        const merges = [...(areas && !areas.isNullObject ? parseAreasAddress(areas.address ?? '') : []), ...(this.merges.get(planned.sheet) ?? [])];
        const d = planned;
        const refusal = rowDeletionBlocked(merges, d) ?? (checked ? rowDeletionStale(d, String(checked.text?.[0]?.[0] ?? '')) : undefined);
        if (refusal) throw new ExcelHostError(refusal);
        const cells = (row: number) => ws.getRange(`${toA1(row, d.left)}:${toA1(row, d.right)}`);
        cells(d.row).delete('Up');
        cells(d.bottom).insert('Down');
        cells(d.bottom).clear('Formats');
        for (const c of d.carry) ws.getRange(toA1(d.row, c.col)).values = [[c.text]];
        const store = storeItem.isNullObject ? undefined : parseStore(storeItem.value);
        if (store) {
          const moved = storeAfterDeletion(store, d);
          if (Object.keys(moved.cells).length > 0) wb.settings.add(STORE_KEY, serializeStore(moved));
          else wb.settings.getItem(STORE_KEY).delete();
        }
        await context.sync();
        this.merges.delete(planned.sheet);
      }),
    );
  }

  insertRows(sheet: string, after: number, rows: readonly (string | number | null)[][]): Promise<void> {
    this.snapshot = undefined;
    return this.guard('插入行', () =>
      this.run(async (context) => {
        if (rows.length === 0) return;
        const ws = context.workbook.worksheets.getItem(sheet);
        const first = after + 2; // 1-based number of the first new row
        ws.getRange(`${first}:${first + rows.length - 1}`).insert('Down');
        const width = Math.max(1, ...rows.map((r) => r.length));
        ws.getRangeByIndexes(after + 1, 0, rows.length, width).values = padRows(rows, width);
        await context.sync();
      }),
    );
  }

  /** Inserts a standard template (see core/templates/plan); two syncs whatever its size. */
  insertPlan(plan: InsertPlan): Promise<void> {
    this.snapshot = undefined;
    return this.guard('插入模板', () => insertPlanExcel(this.run, this.supports, plan));
  }

  addSheet(name: string, rows: readonly (string | number | null)[][]): Promise<void> {
    this.snapshot = undefined;
    return this.guard('新建工作表', () =>
      this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const ws = sheets.add(uniqueSheetName(name, sheets.items.map((s) => s.name)));
        if (rows.length > 0) {
          const width = Math.max(1, ...rows.map((r) => r.length));
          ws.getRangeByIndexes(0, 0, rows.length, width).values = padRows(rows, width);
        }
        ws.activate();
        await context.sync();
      }),
    );
  }

  loadState(key: string): Promise<string | undefined> {
    const cache = this.stateCache;
    if (cache && cache.values.has(key) && this.now() - cache.at <= SNAPSHOT_MAX_AGE_MS) {
      return Promise.resolve(cache.values.get(key));
    }
    return this.guard('读取设置', () =>
      this.run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(STATE_PREFIX + key);
        item.load('value');
        await context.sync();
        return settingText(item);
      }),
    );
  }

  saveState(key: string, value: string): Promise<void> {
    this.stateCache?.values.delete(key);
    return this.guard('保存设置', () =>
      this.run(async (context) => {
        context.workbook.settings.add(STATE_PREFIX + key, value);
        await context.sync();
      }),
    );
  }
}

function settingText(item: Excel.Setting): string | undefined {
  if (item.isNullObject || item.value === null || item.value === undefined) return undefined;
  return typeof item.value === 'string' ? item.value : JSON.stringify(item.value);
}

function padRows(rows: readonly (string | number | null)[][], width: number): (string | number)[][] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique ignoring case. */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const base = (wanted.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim() || '新工作表').slice(0, 31);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
