import type { Finding, RowDeletion } from '../core/findings';
import type { CellRef, Grid } from '../core/grid';
import type { Host, Scope } from '../core/host';
import { gridFromRows } from '../core/grid';
import { uniqueSheetName } from '../core/overview';
import { findingsAfterDeletion, gridAfterDeletion, refAfterDeletion } from '../core/rowDelete';
import { applyPlanToGrid } from '../core/templates/applyGrid';
import type { InsertPlan } from '../core/templates/plan';

export interface CellEdit {
  ref: CellRef;
  text: string;
}

export interface MemoryHostState {
  grids: readonly Grid[];
  activeSheet: number;
  marks: readonly Finding[];
  /** Last cell asked for by select(); `seq` changes on every call so the view can flash again. */
  selection?: { ref: CellRef; seq: number };
  /** Every approved edit, latest per cell, to replay onto the downloaded copy. */
  edits: readonly CellEdit[];
  /** Template insertions and added sheets, in order, replayed onto the downloaded copy before the edits. */
  inserts: readonly InsertPlan[];
  addedSheets: readonly { name: string; rows: (string | number | null)[][] }[];
  /** Row deletions, each with the number of template insertions made before it (replayed in that order). */
  deletions: readonly PageDeletion[];
}

export interface PageDeletion {
  deletion: RowDeletion;
  afterInserts: number;
}

export interface MemoryHost extends Host {
  writeCells(edits: readonly CellEdit[]): Promise<void>;
  deleteRow(d: RowDeletion): Promise<void>;
  insertPlan(plan: InsertPlan): Promise<void>;
  addSheet(name: string, rows: readonly (string | number | null)[][]): Promise<void>;
  loadState(key: string): Promise<string | undefined>;
  saveState(key: string, value: string): Promise<void>;
  getState(): MemoryHostState;
  subscribe(listener: () => void): () => void;
  setActiveSheet(index: number): void;
}

/** A Host over grids already read from a file: the standalone page's stand-in for Excel. */
export function createMemoryHost(initial: readonly Grid[]): MemoryHost {
  let state: MemoryHostState = { grids: initial, activeSheet: 0, marks: [], edits: [], inserts: [], addedSheets: [], deletions: [] };
  const listeners = new Set<() => void>();
  const saved = new Map<string, string>();
  let seq = 0;

  const update = (patch: Partial<MemoryHostState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };

  const sheetIndex = (name: string): number => {
    const i = state.grids.findIndex((g) => g.sheetName === name);
    if (i < 0) throw new Error(`找不到工作表“${name}”`);
    return i;
  };

  return {
    kind: 'file',
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setActiveSheet(index) {
      if (index >= 0 && index < state.grids.length && index !== state.activeSheet) update({ activeSheet: index });
    },
    async readGrids(scope: Scope) {
      if (scope === 'sheet') return state.grids.length ? [state.grids[state.activeSheet]] : [];
      return [...state.grids];
    },
    async applyMarks(findings) {
      update({ marks: [...findings] });
    },
    async clearMarks() {
      update({ marks: [] });
    },
    async select(ref) {
      update({ activeSheet: sheetIndex(ref.sheet), selection: { ref, seq: ++seq } });
    },
    async writeCells(edits) {
      const grids = [...state.grids];
      const log = state.edits.filter((e) => !edits.some((n) => sameCell(n.ref, e.ref)));
      for (const edit of edits) {
        const i = sheetIndex(edit.ref.sheet);
        grids[i] = withCellText(grids[i], edit.ref, edit.text);
        log.push({ ref: edit.ref, text: edit.text });
      }
      update({ grids, edits: log });
    },
    async deleteRow(d) {
      const i = sheetIndex(d.sheet);
      const grids = [...state.grids];
      grids[i] = gridAfterDeletion(grids[i], d);
      // Earlier edits and the marks move with their cells; those on the deleted row go.
      const edits = state.edits.flatMap((e) => {
        const ref = refAfterDeletion(e.ref, d);
        return ref ? [{ ...e, ref }] : [];
      });
      const selection = state.selection && refAfterDeletion(state.selection.ref, d);
      update({
        grids,
        edits,
        marks: findingsAfterDeletion(state.marks, d),
        deletions: [...state.deletions, { deletion: d, afterInserts: state.inserts.length }],
        selection: selection ? { ref: selection, seq: state.selection!.seq } : undefined,
      });
    },
    async insertPlan(plan) {
      const i = sheetIndex(plan.sheet);
      const grids = [...state.grids];
      grids[i] = applyPlanToGrid(grids[i], plan);
      // Earlier edits below the inserted rows move down with their cells.
      const n = plan.rows.length;
      const moved = state.edits.map((e) =>
        e.ref.sheet === plan.sheet && e.ref.row > plan.after && n > 0
          ? { ...e, ref: { ...e.ref, row: e.ref.row + n, address: e.ref.address.replace(/\d+$/, String(e.ref.row + n + 1)) } }
          : e,
      );
      update({ grids, edits: moved, inserts: [...state.inserts, plan], marks: [] });
    },
    async addSheet(name, rows) {
      const unique = uniqueSheetName(name, state.grids.map((g) => g.sheetName));
      const grids = [...state.grids, gridFromRows(unique, rows.map((r) => [...r]))];
      update({ grids, addedSheets: [...state.addedSheets, { name: unique, rows: rows.map((r) => [...r]) }], activeSheet: grids.length - 1 });
    },
    async loadState(key) {
      return saved.get(key);
    },
    async saveState(key, value) {
      saved.set(key, value);
    },
  };
}

function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** Copy of the grid with one cell's text replaced; the other rows are shared. */
export function withCellText(grid: Grid, ref: CellRef, text: string): Grid {
  const row = ref.row - (grid.origin?.row ?? 0);
  const col = ref.col - (grid.origin?.col ?? 0);
  if (row < 0 || col < 0) throw new Error(`单元格 ${ref.address} 不在工作表“${grid.sheetName}”的数据区域内`);
  const cells = [...grid.cells];
  while (cells.length <= row) cells.push([]);
  const cellsRow = [...(cells[row] ?? [])];
  while (cellsRow.length <= col) cellsRow.push(undefined);
  cellsRow[col] = text === '' ? undefined : { value: text, text };
  cells[row] = cellsRow;
  return { ...grid, cells };
}
