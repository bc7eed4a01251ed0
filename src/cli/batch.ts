/**
 * What `jixiao check` and `jixiao report` share: settings and file list, one job per file, the worker
 * pool, results delivered in file order, the progress bar and Ctrl-C.
 */
import * as path from 'path';
import type { Settings } from '../core/settings';
import { ConfigError, type SettingOptions, loadSettings } from './config';
import { expandInputs, outputPathFor } from './files';
import type { CliIO } from './io';
import { runJobs } from './pool';
import type { FileJob, FileOutcome, Payload } from './process';
import { createProgress } from './progress';

export interface BatchOptions extends SettingOptions {
  /** Worker threads (--jobs); default two for every three cores (see defaultWorkers). */
  jobs?: string;
  /** --progress / --no-progress; default: when stderr is a terminal. */
  progress?: boolean;
}

export const rel = (cwd: string, p: string): string => {
  const r = path.relative(cwd, p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
};

/** Settings and the expanded file list, or an exit-2 message already written to stderr. */
export async function prepareBatch(
  inputs: readonly string[],
  opts: BatchOptions,
  io: CliIO,
): Promise<{ settings: Settings; files: string[]; workers?: number; configNote?: string } | undefined> {
  let settings: Settings;
  let configNote: string | undefined;
  try {
    settings = await loadSettings(
      opts,
      io.cwd,
      (m) => io.stderr.write(`注意：${m}\n`),
      (m) => (configNote = m),
    );
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\n`);
      return undefined;
    }
    throw err;
  }
  let workers: number | undefined;
  if (opts.jobs !== undefined) {
    workers = Number(opts.jobs);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      io.stderr.write(`--jobs 的值“${opts.jobs}”无效，应为 1 到 64 之间的整数\n`);
      return undefined;
    }
  }
  const files = await expandInputs(inputs, io.cwd);
  if (files.length === 0) {
    io.stderr.write('没有找到要检查的 .xlsx 文件\n');
    return undefined;
  }
  return { settings, files, workers, configNote };
}

export interface JobPlan {
  annotate: boolean;
  outDir?: string;
  fix: boolean;
  /** Replace existing annotated copies (never the input, a link to it or a symlink). */
  force?: boolean;
  text: boolean;
  fixFirst: number;
  /** Rule ids in the text report. */
  verbose?: boolean;
  /** What each outcome carries (see FileJob.payload). */
  payload?: Payload;
}

export function planJobs(files: readonly string[], settings: Settings, cwd: string, plan: JobPlan): FileJob[] {
  const taken = new Set<string>();
  return files.map((file, index) => {
    const out = plan.annotate ? outputPathFor(file, cwd, plan.outDir, taken, !!plan.force) : null;
    return {
      index,
      file,
      abs: path.resolve(cwd, file),
      settings,
      target: out?.target ?? null,
      targetShown: out ? rel(cwd, out.target) : null,
      ...(out?.kept ? { kept: out.kept } : {}),
      fix: plan.fix,
      force: !!plan.force,
      text: plan.text,
      fixFirst: plan.fixFirst,
      verbose: !!plan.verbose,
      payload: plan.payload,
    };
  });
}

const isTTY = (sink: unknown): boolean => !!(sink as { isTTY?: boolean }).isTTY;

/**
 * Runs the jobs and hands each outcome to `onOutcome` in file order. Ctrl-C stops the batch cleanly:
 * files already checked are reported, nothing half-written is left, and `stopped` is true.
 */
export async function runBatch(
  jobs: readonly FileJob[],
  io: CliIO,
  opts: BatchOptions & { workers?: number; isolate?: boolean },
  onOutcome: (o: FileOutcome) => void,
): Promise<{ stopped: boolean }> {
  const showBar = opts.progress ?? (isTTY(io.stderr) && jobs.length > 3);
  const progress = showBar ? createProgress(io.stderr, jobs.length) : undefined;
  const lines = !showBar && opts.progress !== false && jobs.length > 3;

  const pending = new Map<number, FileOutcome>();
  let nextIndex = 0;
  const flush = (): void => {
    for (let o = pending.get(nextIndex); o; o = pending.get(nextIndex)) {
      pending.delete(nextIndex++);
      progress?.clear();
      onOutcome(o);
    }
  };

  const controller = new AbortController();
  const onSigint = (): void => {
    progress?.clear();
    io.stderr.write('\n正在停止：不再开始新的文件，未写完的标注副本不会留下……\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  let ok: boolean;
  try {
    ok = await runJobs(jobs, {
      workers: opts.workers,
      isolate: opts.isolate,
      signal: controller.signal,
      onStart: (job) => {
        if (lines) io.stderr.write(`正在检查 ${job.index + 1}/${jobs.length}：${job.file}\n`);
      },
      onDone: (o) => {
        pending.set(o.index, o);
        flush();
        progress?.tick();
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  // After a stop, files finished out of order are still reported (their copies are complete).
  for (const i of [...pending.keys()].sort((a, b) => a - b)) onOutcome(pending.get(i)!);
  progress?.clear();
  return { stopped: !ok };
}
