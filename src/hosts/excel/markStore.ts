import type { Finding, RowDeletion } from '../../core/findings';
import { addressAfterDeletion } from '../../core/rowDelete';
import { cellKey, splitKey } from './address';
import { MARK_COLORS, noteText, worstSeverity } from '../../core/marks';

/** Workbook setting that remembers what 一键校验 changed, so 清除标记 works after reopening the file. */
export const STORE_KEY = 'jixiao.marks';

/** First line of every note/comment we add; how we tell ours apart from the user's. */
export const NOTE_MARKER = '【绩效目标表助手】';

/**
 * Whether a note/comment text is one of ours. Besides the marker at the very start it accepts:
 * - an author line in front ("张三:\n【绩效目标表助手】…"), as some WPS builds return it;
 * - the preamble Excel puts in front of a threaded comment when the file is opened by a version that only
 *   knows notes (Excel 2016/2019, WPS): "[Threaded comment]\nYour version of Excel allows you to read this
 *   threaded comment; … https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    【绩效目标表助手】…".
 *   The preamble is localised, so it is recognised by its shape (a bracketed first line, the fwlink) and the
 *   marker must then start a line.
 */
export function isOurNote(text: string): boolean {
  const at = text.indexOf(NOTE_MARKER);
  if (at < 0) return false;
  if (at === 0) return true;
  const before = text.slice(0, at);
  if (/^[^\n]{1,60}[:：][ \t]*\r?\n[ \t]*$/.test(before)) return true;
  const threaded = /^\s*\[[^\]\n]{1,40}\]\s*\n/.test(text) && /linkid=870924|Threaded comment|线程批注|串联批注/i.test(before);
  return threaded && at <= 1200 && /\n[ \t]*$/.test(before);
}

/** Excel caps note/comment text; keep well below it. */
const MAX_NOTE_CHARS = 2000;

/** Original look of a cell before we marked it. color null = no fill. */
export interface OriginalFill {
  color: string | null;
  /** Excel fill pattern ("Solid", "Gray50"…) when the host reports it (ExcelApi 1.9). */
  pattern?: string | null;
}

export interface StoredCell extends OriginalFill {
  /** The cell already carried a note/comment of the user's; we left it alone. */
  hadNote: boolean;
  /** We added a note/comment to the cell. */
  note: boolean;
}

export interface MarkStore {
  v: 1;
  cells: Record<string, StoredCell>;
}

export type AnnotationKind = 'note' | 'comment' | 'none';

/** Parses the persisted store; anything unreadable counts as "no marks" rather than an error. */
export function parseStore(value: unknown): MarkStore | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  try {
    const data = typeof value === 'string' ? JSON.parse(value) : value;
    if (!data || typeof data !== 'object' || typeof data.cells !== 'object' || data.cells === null) return undefined;
    const cells: Record<string, StoredCell> = {};
    for (const [key, raw] of Object.entries(data.cells as Record<string, Partial<StoredCell>>)) {
      if (!raw || typeof raw !== 'object' || !key.includes('!')) continue;
      cells[key] = {
        color: typeof raw.color === 'string' ? raw.color : null,
        ...(typeof raw.pattern === 'string' ? { pattern: raw.pattern } : {}),
        hadNote: raw.hadNote === true,
        note: raw.note === true,
      };
    }
    return { v: 1, cells };
  } catch {
    return undefined;
  }
}

/** The store after a row deletion: marks move with their cells; those on the deleted row went with it. */
export function storeAfterDeletion(store: MarkStore, d: RowDeletion): MarkStore {
  const cells: Record<string, StoredCell> = {};
  for (const [key, cell] of Object.entries(store.cells)) {
    const { sheet, address } = splitKey(key);
    const moved = addressAfterDeletion(sheet, address, d);
    if (moved) cells[cellKey(sheet, moved)] = cell;
  }
  return { v: 1, cells };
}

export function serializeStore(store: MarkStore): string {
  return JSON.stringify(store);
}

/** True when the original fill means "nothing": restore with fill.clear(). */
export function isNoFill(fill: OriginalFill): boolean {
  return fill.color === null || fill.pattern === 'None' || (fill.pattern === undefined && /^#?FFFFFF$/i.test(fill.color));
}

export function annotationText(findings: readonly Finding[]): string {
  const text = `${NOTE_MARKER}\n${noteText(findings)}`;
  return text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS - 1)}…` : text;
}

export interface PaintAction {
  key: string;
  color: string;
  /** Note/comment text to add, or undefined when the cell keeps the user's own note (or notes are unavailable). */
  note?: string;
}

export interface MarkPlan {
  /** Previously marked cells that are no longer flagged: put the original fill back. */
  restore: { key: string; fill: OriginalFill }[];
  /** Cells whose note/comment of ours must go (all of them: the new ones are added afresh). */
  deleteNotes: string[];
  paint: PaintAction[];
  store: MarkStore;
}

export interface CurrentState {
  /** Current fill of every cell about to be painted that is not already in the store. */
  fills: ReadonlyMap<string, OriginalFill>;
  /** Cells that currently hold a note/comment; ours = starts with NOTE_MARKER. */
  notes: ReadonlyMap<string, { ours: boolean }>;
}

/**
 * Decides what to do for a (re-)validation. The TRUE original of a cell marked earlier is the one in the
 * old store, never its current (our) fill.
 */
export function planMarks(
  oldStore: MarkStore | undefined,
  byCell: ReadonlyMap<string, readonly Finding[]>,
  now: CurrentState,
  kind: AnnotationKind,
): MarkPlan {
  const old = oldStore?.cells ?? {};
  const cells: Record<string, StoredCell> = {};
  const paint: PaintAction[] = [];
  for (const [key, findings] of byCell) {
    const worst = worstSeverity(findings);
    if (!worst) continue;
    const before = old[key];
    const foreignNote = now.notes.get(key)?.ours === false;
    const hadNote = before ? before.hadNote || foreignNote : foreignNote;
    const fill: OriginalFill = before
      ? { color: before.color, ...(before.pattern !== undefined ? { pattern: before.pattern } : {}) }
      : (now.fills.get(key) ?? { color: null });
    const addNote = kind !== 'none' && !foreignNote;
    cells[key] = { ...fill, hadNote, note: addNote };
    paint.push({ key, color: MARK_COLORS[worst].hex, ...(addNote ? { note: annotationText(findings) } : {}) });
  }
  const restore = Object.entries(old)
    .filter(([key]) => !(key in cells))
    .map(([key, c]) => ({ key, fill: { color: c.color, ...(c.pattern !== undefined ? { pattern: c.pattern } : {}) } }));
  const deleteNotes = [...now.notes].filter(([, n]) => n.ours).map(([key]) => key);
  return { restore, deleteNotes, paint, store: { v: 1, cells } };
}
