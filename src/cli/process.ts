/**
 * Checking one file, the unit of work of `jixiao check` and `jixiao report`. Runs in a worker thread
 * (src/cli/worker.ts) or in the main thread; its input and output are plain data (structured-cloneable).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { departmentOf } from '../core/department';
import type { Finding, Severity } from '../core/findings';
import { countBySeverity } from '../core/findings';
import type { Grid } from '../core/grid';
import type { ParseNote, ParsedWorkbook } from '../core/model';
import type { Settings } from '../core/settings';
import { validateGrids } from '../core/validate';
import { OutputError, readFileBytesSync, writeFileSafely } from '../hosts/file/node';
import { FileReadError, type ReadResult, readGridsFromXlsx } from '../hosts/file/read';
import { type FixItem, fixFirstByTable } from './fix-first';
import { type TableSummary, allNotes, countsText, fileReport, oneLine, stripControls, summarizeTable } from './report';
import { own } from '../core/own';
import { type FilePart, filePart } from './batch-report/summary';

/** The one place the batch reads a workbook (values only, bounded): swap the reader here. */
export const readGrids = (bytes: Uint8Array): ReadResult => readGridsFromXlsx(bytes);

export interface FileJob {
  index: number;
  /** The path as the user gave it (shown in messages). */
  file: string;
  abs: string;
  settings: Settings;
  /** Where the annotated copy goes (absolute), or null for none. */
  target: string | null;
  /** Shown path of the annotated copy. */
  targetShown: string | null;
  /** The plainly named copy left alone for a numbered one, and why (zh-CN, said after its name). */
  kept?: { name: string; reason: string };
  fix: boolean;
  /** Replace an existing copy (never the input, a link to it or a symlink). */
  force?: boolean;
  /** Build the text report lines (check without --format json). */
  text: boolean;
  /** Items of the "先改这些" list per table (report); 0 for none. */
  fixFirst: number;
  /** Rule ids in the text report (--verbose). */
  verbose?: boolean;
  /**
   * What the caller needs of the result, prepared where the file was checked so little crosses threads:
   * the whole result (default), only the lines and counts ("none"), the JSON text ("json") or the report's
   * share ("report").
   */
  payload?: Payload;
}

export type Payload = 'result' | 'none' | 'json' | 'report';

export interface ReportTableInfo extends TableSummary {
  department: string | null;
  /** Budget in 万元 when the table states a number (元 converted), for totals and the scatter chart. */
  budgetWan: number | null;
  fixFirst?: FixItem[];
}

export interface FileResult {
  file: string;
  tables: ReportTableInfo[];
  findings: Finding[];
  notes: ParseNote[];
  /** Path of the annotated copy, or null when none was written. */
  annotated: string | null;
  changes?: { ref: Finding['ref']; from: string; to: string }[];
  error?: { code: string; message: string };
}

export interface FileOutcome {
  index: number;
  result: FileResult;
  /** Text report lines for stdout (empty unless job.text; moved into `text` for payloads other than "result"). */
  lines: string[];
  /** The lines as one stdout chunk, control characters removed (payloads other than "result", job.text). */
  text?: string;
  /** Messages for stderr. */
  errors: string[];
  counts: Record<Severity, number>;
  /** True when the file could not be read, checked or its copy written (exit code 2). */
  failed: boolean;
  /** Tables found (the result's table list is dropped unless the payload is "result"). */
  tableCount: number;
  /** payload "json": JSON.stringify(result, null, 2). */
  json?: string;
  /** payload "report": the file's share of the report. */
  part?: FilePart;
}

/** Shapes an outcome for its payload: the full result is kept only when asked for. */
function packed(job: FileJob, o: Omit<FileOutcome, 'tableCount'>): FileOutcome {
  const r = o.result;
  const out: FileOutcome = { ...o, tableCount: r.tables.length };
  const payload = job.payload ?? 'result';
  if (payload === 'result') return out;
  // One string crosses the thread boundary instead of a thousand lines, and the main thread only writes it.
  if (job.text && out.lines.length) {
    // The final newline joined in, not appended: appending makes a two-part string that the control-character
    // test then copies whole.
    out.lines.push('');
    out.text = stripControls(out.lines.join('\n'));
    out.lines = [];
  }
  if (payload === 'json') out.json = JSON.stringify(r, null, 2);
  else if (payload === 'report') out.part = filePart(r);
  out.result = { file: r.file, tables: [], findings: [], notes: [], annotated: r.annotated, ...(r.error ? { error: r.error } : {}) };
  return out;
}

/** zh-CN reason for a failed write of the annotated copy. */
export function writeFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限，请用 --out-dir 指定其他目录';
  if (code === 'EBUSY') return '同名副本正被其他程序占用，请先在 Excel 或 WPS 中关闭它';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') return '目标目录不存在或无法创建（同名的文件已存在？）';
  return err instanceof Error ? err.message : String(err);
}

/** The temporary name an annotated copy is written under before it is renamed into place. */
export function partialPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.part`);
}

/**
 * Writes a file safely (see writeFileSafely): temp file next to it, fsync, then a no-clobber link or (force)
 * a rename; never the input, a hard link to it or a symlink. Reports named by the user (--html, --xlsx) are
 * replaced by default; annotated copies pass force only with --force.
 */
export async function writeAtomic(target: string, data: Uint8Array, options: { input?: string; force?: boolean } = { force: true }): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = partialPath(target);
  await fs.rm(temp, { force: true }).catch(() => undefined); // a stale temp of ours from an interrupted run
  await writeFileSafely(target, data, { ...options, temp });
}

const WAN: Record<string, number> = { 万元: 1, 元: 1e-4, 亿元: 1e4 };

function tableInfos(parsed: ParsedWorkbook, findings: readonly Finding[], fixFirst: number): ReportTableInfo[] {
  const fix = fixFirst > 0 ? fixFirstByTable(parsed, findings, fixFirst) : undefined;
  return parsed.tables.map((t) => {
    const amount = t.budget?.amount;
    const factor = own(WAN, t.moneyUnit) ?? 1;
    // Added to the summary's own object (no spread): the same keys in the same order as the JSON has always had.
    const info: ReportTableInfo = Object.assign(summarizeTable(t), {
      department: departmentOf(t),
      budgetWan: amount !== undefined && Number.isFinite(amount) ? Math.round(amount * factor * 1e6) / 1e6 : null,
    });
    if (fix) info.fixFirst = fix.get(t.id) ?? [];
    return info;
  });
}

/** The outcome of a file whose check stopped for a reason outside the reader and the core (a crashed worker). */
export function failedOutcome(job: FileJob, message: string, code = 'internal'): FileOutcome {
  return packed(job, {
    index: job.index,
    result: { file: job.file, tables: [], findings: [], notes: [], annotated: null, error: { code, message } },
    lines: job.text ? [`检查 ${job.file}`, `  无法检查：${message}`] : [],
    errors: [`无法检查 ${job.file}：${message}`],
    counts: countBySeverity([]),
    failed: true,
  });
}

export async function processFile(job: FileJob): Promise<FileOutcome> {
  const { file } = job;
  const result: FileResult = { file, tables: [], findings: [], notes: [], annotated: null };
  const lines: string[] = [];
  const errors: string[] = [];
  const out = (line: string): void => {
    if (job.text) lines.push(line);
  };
  const done = (failed: boolean, counts = countBySeverity([])): FileOutcome => packed(job, { index: job.index, result, lines, errors, counts, failed });

  out(`检查 ${file}`);
  let bytes: Uint8Array;
  let grids: Grid[];
  let readNotes: string[];
  try {
    bytes = readFileBytesSync(job.abs);
    ({ grids, notes: readNotes } = readGrids(bytes));
  } catch (err) {
    if (err instanceof FileReadError && err.code === 'empty') {
      // Nothing to check is not a failure: say so and go on.
      result.notes.push({ sheet: '', message: `${err.message}，没有可检查的内容` });
      out(`  说明：${err.message}，没有可检查的内容`);
      out(`小结：${countsText(0, countBySeverity([]))}`);
      return done(false);
    }
    const message = err instanceof FileReadError ? err.message : `读取失败（${(err as Error).message}）`;
    result.error = { code: err instanceof FileReadError ? err.code : 'corrupt', message };
    errors.push(`无法读取 ${file}：${message}`);
    out(`  无法读取：${message}`);
    return done(true);
  }

  let validation: ReturnType<typeof validateGrids>;
  try {
    validation = validateGrids(grids, job.settings);
  } catch (err) {
    // The core is meant never to throw; if it does, report this file and carry on with the rest.
    const message = `检查时出现程序内部错误（${(err as Error).message}），请将此文件反馈给开发者`;
    result.error = { code: 'internal', message };
    errors.push(`无法检查 ${file}：${message}`);
    out(`  无法检查：${message}`);
    return done(true);
  }
  const { parsed, findings } = validation;
  result.tables = tableInfos(parsed, findings, job.fixFirst);
  result.findings = findings;
  result.notes = [...readNotes.map((message) => ({ sheet: '', message })), ...allNotes(parsed.notes, parsed.tables)];
  for (const n of readNotes) out(`  说明：${n}`);
  const counts = countBySeverity(findings);

  for (const line of fileReport(parsed.tables, findings, parsed.notes, { verbose: !!job.verbose })) out(line);
  if (parsed.tables.length === 0 && parsed.notes.length === 0) {
    out('  说明：未识别为绩效目标表，没有找到“项目支出绩效目标表”的标签（项目名称、预算数、一级指标等）');
  }
  out(`小结：${countsText(parsed.tables.length, counts)}`);

  let failed = false;
  if (job.target) {
    try {
      // Loaded on first use: a check without copies (--no-annotate, report's checks) never needs the writer.
      const { annotateBuffer } = await import('../hosts/file/annotate');
      const { buffer, changes } = await annotateBuffer(bytes, findings, { applyFixes: job.fix, summary: parsed });
      await writeAtomic(job.target, buffer, { input: job.abs, force: !!job.force });
      result.annotated = job.targetShown;
      if (job.fix) result.changes = changes;
      for (const c of changes) {
        out(`已在副本中修改 ${c.ref.sheet}!${c.ref.address}：“${oneLine(c.from)}” → “${oneLine(c.to)}”`);
      }
      const renamed = job.kept ? `（“${job.kept.name}”${job.kept.reason}）` : '';
      out(`已生成标注副本：${result.annotated}${renamed}`);
    } catch (err) {
      failed = true;
      const reason = err instanceof FileReadError || err instanceof OutputError ? err.message : writeFailure(err);
      errors.push(`无法写入标注副本 ${job.targetShown}：${reason}`);
    }
  }
  return done(failed, counts);
}
