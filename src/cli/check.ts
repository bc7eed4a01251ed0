import type { Severity } from '../core/findings';
import { type BatchOptions, planJobs, prepareBatch, runBatch } from './batch';
import type { CliIO } from './io';
import { countsText, stripControls } from './report';

export interface CheckOptions extends BatchOptions {
  format?: 'text' | 'json' | string;
  annotate?: boolean;
  outDir?: string;
  fix?: boolean;
  /** Replace an existing annotated copy (never the input, a link to it or a symlink). */
  force?: boolean;
  schedule?: string;
  framework?: string;
  config?: string;
  /** Text report with the rule id behind every card and sub-point. */
  verbose?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;
/** Stopped with Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

const indent = (text: string, pad: string): string => text.replace(/\n/g, `\n${pad}`);

/** One element of the "files" array of the JSON report (JSON.stringify(result, null, 2)), with the text before it. */
function jsonFileChunk(json: string, first: boolean): string {
  return `${first ? '{\n  "files": [\n' : ',\n'}    ${indent(json, '    ')}`;
}

/** The end of the JSON report: closes "files" and adds "summary". */
function jsonEnd(summary: Record<Severity, number>, empty: boolean): string {
  return `${empty ? '{\n  "files": []' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
}

/** `jixiao check`: returns 0 (clean), 1 (errors found) or 2 (some file unreadable, or its copy unwritable). */
export async function runCheck(inputs: readonly string[], opts: CheckOptions, io: CliIO): Promise<number> {
  const json = opts.format === 'json';
  if (opts.format !== undefined && opts.format !== 'text' && !json) {
    io.stderr.write(`--format 的值“${opts.format}”无效，可选值：text、json\n`);
    return EXIT_UNREADABLE;
  }
  const annotate = opts.annotate !== false;
  if (opts.fix && !annotate) io.stderr.write('注意：--fix 只修改标注副本，已指定 --no-annotate，故不做任何修改\n');
  const prepared = await prepareBatch(inputs, opts, io);
  if (!prepared) return EXIT_UNREADABLE;
  const { settings, files } = prepared;

  const total: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let tableCount = 0;
  let failures = 0;
  const out = (line: string): void => {
    if (!json) io.stdout.write(stripControls(line) + '\n');
  };

  if (prepared.configNote) {
    // Never silent: first line of the text report, or on stderr next to the JSON.
    if (json) io.stderr.write(`${prepared.configNote}\n`);
    out(prepared.configNote);
    out('');
  }
  const jobs = planJobs(files, settings, io.cwd, {
    annotate,
    outDir: opts.outDir,
    fix: !!opts.fix,
    force: !!opts.force,
    text: !json,
    fixFirst: 0,
    verbose: !!opts.verbose,
    payload: json ? 'json' : 'none',
  });
  // JSON is streamed file by file (same text as one JSON.stringify of the whole), so memory stays bounded.
  let checked = 0;
  const { stopped } = await runBatch(jobs, io, { ...opts, workers: prepared.workers }, (o) => {
    if (json) io.stdout.write(jsonFileChunk(o.json ?? JSON.stringify(o.result, null, 2), checked === 0));
    checked++;
    if (!json) {
      // One write per file (a write per line costs a system call each on a pipe or file).
      let text = o.index > 0 ? '\n' : '';
      // Payload "none"/"json": the worker already joined the lines and removed control characters.
      text += o.text ?? '';
      if (text) io.stdout.write(text);
    }
    for (const e of o.errors) io.stderr.write(stripControls(e) + '\n');
    if (o.failed) failures++;
    for (const s of Object.keys(total) as Severity[]) total[s] += o.counts[s];
    tableCount += o.tableCount;
  });

  const failureNote = failures ? `；${failures} 个文件无法读取、检查或写入副本` : '';
  const fileNote = files.length > 1 ? `${files.length} 个文件，` : '';
  const stopNote = stopped ? `；已中止，${files.length - checked} 个文件未检查` : '';
  out('');
  out(`总计：${fileNote}${countsText(tableCount, total)}${failureNote}${stopNote}`);

  if (json) io.stdout.write(jsonEnd(total, checked === 0));
  if (stopped) return EXIT_INTERRUPTED;
  if (failures) return EXIT_UNREADABLE;
  return total.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
