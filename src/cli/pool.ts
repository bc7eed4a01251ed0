/**
 * Runs file jobs across worker threads (one per core by default), one job in flight per worker so memory
 * stays bounded whatever the batch size; results stream back as they finish. Falls back to the main
 * thread for one worker or tiny batches of small files, or when the compiled worker script is absent (tests from source).
 *
 * Stopping (Ctrl-C): no new job starts, workers are terminated, and the hidden temporary of any annotated
 * copy that was being written is removed, so no partial copy is left behind.
 */
import { existsSync, rmSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { type FileJob, type FileOutcome, failedOutcome, partialPath, processFile } from './process';

/** Memory a worker may use before it is stopped and its file reported as too large. */
const WORKER_HEAP_MB = 384;

/** Files at least this big are checked in a worker even alone or with --jobs 1. */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;

function isLarge(job: FileJob): boolean {
  try {
    return statSync(job.abs).size >= LARGE_FILE_BYTES;
  } catch {
    return false; // the reader reports a missing or odd path
  }
}

export interface PoolOptions {
  /** Worker threads; default: defaultWorkers(). 1 runs in the main thread unless `isolate`. */
  workers?: number;
  /**
   * Check in worker threads even when one thread is wanted, so the main thread's heap holds only the results
   * (jixiao report over 1,000 workbooks peaked at 502 MB checking in the main thread, 298 MB in one worker).
   */
  isolate?: boolean;
  signal?: AbortSignal;
  onStart?(job: FileJob): void;
  onDone(outcome: FileOutcome): void;
}

export const WORKER_SCRIPT = path.join(__dirname, 'worker.js');

/**
 * Two threads for every three cores, at least one. A checking thread keeps about 1.4 cores busy while it warms up
 * (V8 compiles and collects garbage on background threads): on 2 cores one thread checked 200 workbooks in 2.1 s,
 * two threads in 2.3 s, as both threads' compilers fought for the same cores (scripts/bench.js, 2026-11-30).
 */
export function defaultWorkers(cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length): number {
  return Math.max(1, Math.floor((cores * 2) / 3));
}

/** Runs every job unless stopped; resolves to false when the signal stopped the batch. */
export async function runJobs(jobs: readonly FileJob[], opts: PoolOptions): Promise<boolean> {
  const wanted = Math.min(opts.workers ?? defaultWorkers(), jobs.length);
  if (!existsSync(WORKER_SCRIPT)) return runInline(jobs, opts);
  // A worker costs a module load (~0.2 s); below three files the main thread is faster, unless a file is
  // large: only a worker's heap limit keeps one huge workbook from taking the machine's memory.
  if (wanted <= 1 || jobs.length < 3) {
    return jobs.some(isLarge) || (opts.isolate && jobs.length >= 3) ? runWorkers(jobs, 1, opts) : runInline(jobs, opts);
  }
  return runWorkers(jobs, wanted, opts);
}

async function runInline(jobs: readonly FileJob[], opts: PoolOptions): Promise<boolean> {
  for (const job of jobs) {
    if (opts.signal?.aborted) return false;
    opts.onStart?.(job);
    opts.onDone(await processFile(job));
  }
  return !opts.signal?.aborted;
}

function removePartial(job: FileJob): void {
  if (job.target) rmSync(partialPath(job.target), { force: true });
}

function runWorkers(jobs: readonly FileJob[], count: number, opts: PoolOptions): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let next = 0;
    let finished = 0;
    let stopped = false;
    const busy = new Map<Worker, FileJob>();
    const workers = new Set<Worker>();

    const finish = (ok: boolean): void => {
      for (const w of workers) void w.terminate();
      workers.clear();
      resolve(ok);
    };

    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      const inFlight = [...busy.values()];
      busy.clear();
      Promise.all([...workers].map((w) => w.terminate())).finally(() => {
        for (const job of inFlight) removePartial(job);
        finish(false);
      });
    };
    opts.signal?.addEventListener('abort', stop, { once: true });

    const feed = (w: Worker): void => {
      if (stopped) return;
      if (next >= jobs.length) {
        workers.delete(w);
        void w.terminate();
        if (finished === jobs.length) {
          opts.signal?.removeEventListener('abort', stop);
          finish(true);
        }
        return;
      }
      const job = jobs[next++];
      busy.set(w, job);
      opts.onStart?.(job);
      w.postMessage(job);
    };

    const settle = (w: Worker, outcome: FileOutcome): void => {
      busy.delete(w);
      finished++;
      opts.onDone(outcome);
    };

    const spawn = (): void => {
      const w = new Worker(WORKER_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      workers.add(w);
      w.on('message', (outcome: FileOutcome) => {
        if (stopped) return;
        settle(w, outcome);
        feed(w);
      });
      const crashed = (reason: string): void => {
        if (stopped || !workers.has(w)) return;
        workers.delete(w);
        const job = busy.get(w);
        if (job) {
          removePartial(job);
          settle(w, failedOutcome(job, reason, 'too-large'));
        }
        // Replace the worker and carry on with the rest of the batch.
        if (next < jobs.length) spawn();
        else if (finished === jobs.length) finish(true);
      };
      w.on('error', (err: Error & { code?: string }) =>
        crashed(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `文件过大，检查时超出内存限制（${WORKER_HEAP_MB} MB），已跳过`
            : `检查时出现程序内部错误（${err.message}）`,
        ),
      );
      w.on('exit', () => crashed('检查进程意外退出'));
      feed(w);
    };

    for (let i = 0; i < count; i++) spawn();
  });
}
