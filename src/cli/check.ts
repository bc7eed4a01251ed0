import { promises as fs } from 'fs';
import * as path from 'path';
import type { Finding, Severity } from '../core/findings';
import { countBySeverity } from '../core/findings';
import type { ParseNote } from '../core/model';
import type { Settings } from '../core/settings';
import { validateGrids } from '../core/validate';
import type { Grid } from '../core/grid';
import { annotateBuffer } from '../hosts/file/annotate';
import { readFileBytes } from '../hosts/file/node';
import { FileReadError, readGridsFromXlsx } from '../hosts/file/read';
import { ConfigError, loadSettings } from './config';
import { expandInputs, outputPathFor } from './files';
import type { CliIO } from './io';
import { type TableSummary, allNotes, countsText, fileReport, oneLine, summarizeTable } from './report';

export interface CheckOptions {
  format?: 'text' | 'json' | string;
  annotate?: boolean;
  outDir?: string;
  fix?: boolean;
  schedule?: string;
  framework?: string;
  config?: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

interface FileResult {
  file: string;
  tables: TableSummary[];
  findings: Finding[];
  notes: ParseNote[];
  /** Path of the annotated copy, or null when none was written. */
  annotated: string | null;
  changes?: { ref: Finding['ref']; from: string; to: string }[];
  error?: { code: string; message: string };
}

/** zh-CN reason for a failed write of the annotated copy. */
function writeFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限，请用 --out-dir 指定其他目录';
  if (code === 'EBUSY') return '同名副本正被其他程序占用，请先在 Excel 或 WPS 中关闭它';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') return '目标目录不存在或无法创建（同名的文件已存在？）';
  return err instanceof Error ? err.message : String(err);
}

const rel = (cwd: string, p: string): string => {
  const r = path.relative(cwd, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
};

/** `jixiao check`: returns 0 (clean), 1 (errors found) or 2 (some file unreadable, or its copy unwritable). */
export async function runCheck(inputs: readonly string[], opts: CheckOptions, io: CliIO): Promise<number> {
  const json = opts.format === 'json';
  if (opts.format !== undefined && opts.format !== 'text' && !json) {
    io.stderr.write(`--format 的值“${opts.format}”无效，可选值：text、json\n`);
    return EXIT_UNREADABLE;
  }
  let settings: Settings;
  try {
    settings = await loadSettings(opts, io.cwd, (m) => io.stderr.write(`注意：${m}\n`));
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT_UNREADABLE;
    }
    throw err;
  }
  const annotate = opts.annotate !== false;
  if (opts.fix && !annotate) io.stderr.write('注意：--fix 只修改标注副本，已指定 --no-annotate，故不做任何修改\n');

  const files = await expandInputs(inputs, io.cwd);
  if (files.length === 0) {
    io.stderr.write('没有找到要检查的 .xlsx 文件\n');
    return EXIT_UNREADABLE;
  }

  const results: FileResult[] = [];
  const taken = new Set<string>();
  const total: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let tableCount = 0;
  let failures = 0;
  const out = (line: string): void => {
    if (!json) io.stdout.write(line + '\n');
  };

  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (files.length > 3) io.stderr.write(`正在检查 ${i + 1}/${files.length}：${file}\n`);
    const abs = path.resolve(io.cwd, file);
    const result: FileResult = { file, tables: [], findings: [], notes: [], annotated: null };
    results.push(result);
    if (i > 0) out('');
    out(`检查 ${file}`);
    let bytes: Uint8Array;
    let grids: Grid[];
    let readNotes: string[];
    try {
      bytes = await readFileBytes(abs);
      ({ grids, notes: readNotes } = readGridsFromXlsx(bytes));
    } catch (err) {
      if (err instanceof FileReadError && err.code === 'empty') {
        // Nothing to check is not a failure: say so and go on.
        result.notes.push({ sheet: '', message: `${err.message}，没有可检查的内容` });
        out(`  说明：${err.message}，没有可检查的内容`);
        out(`小结：${countsText(0, countBySeverity([]))}`);
        continue;
      }
      failures++;
      const message = err instanceof FileReadError ? err.message : `读取失败（${(err as Error).message}）`;
      result.error = { code: err instanceof FileReadError ? err.code : 'corrupt', message };
      io.stderr.write(`无法读取 ${file}：${message}\n`);
      out(`  无法读取：${message}`);
      continue;
    }

    let validation: ReturnType<typeof validateGrids>;
    try {
      validation = validateGrids(grids, settings);
    } catch (err) {
      // The core is meant never to throw; if it does, report this file and carry on with the rest.
      failures++;
      const message = `检查时出现程序内部错误（${(err as Error).message}），请将此文件反馈给开发者`;
      result.error = { code: 'internal', message };
      io.stderr.write(`无法检查 ${file}：${message}\n`);
      out(`  无法检查：${message}`);
      continue;
    }
    const { parsed, findings } = validation;
    result.tables = parsed.tables.map(summarizeTable);
    result.findings = findings;
    result.notes = [...readNotes.map((message) => ({ sheet: '', message })), ...allNotes(parsed.notes, parsed.tables)];
    for (const n of readNotes) out(`  说明：${n}`);
    const counts = countBySeverity(findings);
    for (const s of Object.keys(total) as Severity[]) total[s] += counts[s];
    tableCount += parsed.tables.length;

    for (const line of fileReport(parsed.tables, findings, parsed.notes)) out(line);
    if (parsed.tables.length === 0 && parsed.notes.length === 0) {
      out('  说明：未识别为绩效目标表，没有找到“项目支出绩效目标表”的标签（项目名称、预算数、一级指标等）');
    }
    out(`小结：${countsText(parsed.tables.length, counts)}`);

    if (annotate) {
      const target = outputPathFor(file, io.cwd, opts.outDir, taken);
      try {
        const { buffer, changes } = await annotateBuffer(bytes, findings, { applyFixes: !!opts.fix });
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, buffer);
        result.annotated = rel(io.cwd, target);
        if (opts.fix) result.changes = changes;
        for (const c of changes) {
          out(`已在副本中修改 ${c.ref.sheet}!${c.ref.address}：“${oneLine(c.from)}” → “${oneLine(c.to)}”`);
        }
        out(`已生成标注副本：${result.annotated}`);
      } catch (err) {
        failures++;
        const reason = err instanceof FileReadError ? err.message : writeFailure(err);
        io.stderr.write(`无法写入标注副本 ${rel(io.cwd, target)}：${reason}\n`);
      }
    }
  }

  const failureNote = failures ? `；${failures} 个文件无法读取、检查或写入副本` : '';
  const fileNote = files.length > 1 ? `${files.length} 个文件，` : '';
  out('');
  out(`总计：${fileNote}${countsText(tableCount, total)}${failureNote}`);

  if (json) {
    io.stdout.write(JSON.stringify({ files: results, summary: total }, null, 2) + '\n');
  }
  if (failures) return EXIT_UNREADABLE;
  return total.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
