import { cellKey, splitKey, splitQualified } from './address';
import { type AnnotationKind, isOurNote } from './markStore';

/** Stop looking after this many notes/comments: a workbook with more is unusual and the payload grows. */
export const MAX_ANNOTATIONS = 3000;

type Supports = (set: string, version: string) => boolean;

/** Present in the office.js that is loaded (a stale office.js lacks members the host itself supports). */
function present(obj: unknown, member: string): boolean {
  if (obj === undefined) return true;
  try {
    return (obj as Record<string, unknown>)[member] !== undefined && (obj as Record<string, unknown>)[member] !== null;
  } catch {
    return false;
  }
}

/**
 * Which kind of cell annotation to write: notes (ExcelApi 1.18), threaded comments (1.10), or none — in that
 * order, each only if the host reports the set AND the loaded office.js has the collection. Without `wb`
 * only the host's report is used.
 */
export function annotationKind(supports: Supports, wb?: Excel.Workbook): AnnotationKind {
  if (supports('ExcelApi', '1.18') && present(wb, 'notes')) return 'note';
  if (supports('ExcelApi', '1.10') && present(wb, 'comments')) return 'comment';
  return 'none';
}

/**
 * APIs the host reports but the loaded office.js lacks (zh-CN names, for the user): the sign of an old
 * office.js copy, e.g. the npm package @microsoft/office-js 1.1.110 (ExcelApi ≤ 1.15) on a current Excel.
 */
export function missingApis(supports: Supports, wb: Excel.Workbook, probe?: Excel.Range): string[] {
  const out: string[] = [];
  if (supports('ExcelApi', '1.18') && !present(wb, 'notes')) out.push('注释（notes，ExcelApi 1.18）');
  if (supports('ExcelApi', '1.10') && !present(wb, 'comments')) out.push('批注（comments，ExcelApi 1.10）');
  if (probe && supports('ExcelApi', '1.9') && typeof (probe as unknown as Record<string, unknown>).getCellProperties !== 'function') {
    out.push('单元格格式批量读取（getCellProperties，ExcelApi 1.9）');
  }
  if (probe && supports('ExcelApi', '1.13') && typeof (probe as unknown as Record<string, unknown>).getMergedAreasOrNullObject !== 'function') {
    out.push('合并单元格读取（getMergedAreasOrNullObject，ExcelApi 1.13）');
  }
  return out;
}

type Annotation = Excel.Note | Excel.Comment;

function collection(wb: Excel.Workbook, kind: AnnotationKind): Excel.NoteCollection | Excel.CommentCollection | undefined {
  if (kind === 'note') return wb.notes;
  if (kind === 'comment') return wb.comments;
  return undefined;
}

/** Round 1 of discovery: how many notes/comments the workbook holds. */
export function queueAnnotationCount(
  wb: Excel.Workbook,
  kind: AnnotationKind,
): OfficeExtension.ClientResult<number> | undefined {
  return collection(wb, kind)?.getCount();
}

export interface PendingAnnotations {
  items: { item: Annotation; location: Excel.Range }[];
  complete: boolean;
}

/** Round 2: queue content + location of every note/comment (count known from round 1). */
export function queueAnnotationDetails(wb: Excel.Workbook, kind: AnnotationKind, count: number): PendingAnnotations {
  const coll = collection(wb, kind);
  const items: PendingAnnotations['items'] = [];
  if (!coll) return { items, complete: true };
  const n = Math.min(count, MAX_ANNOTATIONS);
  for (let i = 0; i < n; i++) {
    const item = coll.getItemAt(i) as Annotation;
    item.load('content');
    const location = item.getLocation();
    location.load('address');
    items.push({ item, location });
  }
  return { items, complete: count <= MAX_ANNOTATIONS };
}

/** After the sync: "Sheet!A1" → whether the note there is ours. */
export function collectAnnotations(pending: PendingAnnotations): Map<string, { ours: boolean }> {
  const map = new Map<string, { ours: boolean }>();
  for (const { item, location } of pending.items) {
    const { sheet, address } = splitQualified(location.address);
    if (sheet === undefined) continue;
    const content = typeof item.content === 'string' ? item.content : '';
    map.set(cellKey(sheet, address.split(':')[0]), { ours: isOurNote(content) });
  }
  return map;
}

/** Queues removal of the note/comment on one cell (known to exist). */
export function queueDeleteAnnotation(wb: Excel.Workbook, ws: Excel.Worksheet, address: string, kind: AnnotationKind): void {
  if (kind === 'note') ws.notes.getItem(address).delete();
  else if (kind === 'comment') wb.comments.getItemByCell(ws.getRange(address)).delete();
}

/** Whether the loaded office.js has a method on this object (presence, not version). */
export function hasMethod(obj: unknown, name: string): boolean {
  return typeof (obj as Record<string, unknown> | undefined)?.[name] === 'function';
}

/** Whether office.js lets us set a property: a setter on the object or its prototypes (presence, not version). */
export function canSet(obj: unknown, name: string): boolean {
  for (let o = obj as object | null; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return typeof d.set === 'function' || d.writable === true;
  }
  return false;
}

/**
 * Queues a note (sized to its text when `size` is given and this office.js can size notes: Note.width and
 * height, ExcelApi 1.18, not in Excel on the web) or a threaded comment (no size).
 */
export function queueAddAnnotation(
  wb: Excel.Workbook,
  ws: Excel.Worksheet,
  address: string,
  text: string,
  kind: AnnotationKind,
  size?: { width: number; height: number },
): void {
  if (kind === 'note') {
    const note = ws.notes.add(address, text);
    if (size && note && canSet(note, 'width') && canSet(note, 'height')) {
      note.width = size.width;
      note.height = size.height;
    }
  } else if (kind === 'comment') wb.comments.add(ws.getRange(address), text);
}

/** For workbooks with more notes than we list: queue a lookup of the note on each given "Sheet!A1" cell. */
export function queueNoteProbes(wb: Excel.Workbook, keys: Iterable<string>): [string, Excel.Note][] {
  return [...keys].map((key) => {
    const { sheet, address } = splitKey(key);
    const note = wb.worksheets.getItem(sheet).notes.getItemOrNullObject(address);
    note.load('content');
    return [key, note];
  });
}

export function collectProbes(probes: [string, Excel.Note][]): Map<string, { ours: boolean }> {
  return new Map(
    probes
      .filter(([, note]) => !note.isNullObject)
      .map(([key, note]) => [key, { ours: isOurNote(String(note.content ?? '')) }]),
  );
}
