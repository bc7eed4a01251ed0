/**
 * A one-line progress bar on stderr for long batches: files done, files per second, time left.
 * Drawn only when stderr is a terminal (or when forced with --progress); redrawn at most 10 times a second.
 */
import type { TextSink } from './io';

export interface Progress {
  tick(): void;
  /** Clears the bar (before other stderr output and at the end). */
  clear(): void;
  /** Redraws it after other output. */
  draw(): void;
}

const WIDTH = 24;

/** "1 分 05 秒", "12 秒". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} 分 ${String(s % 60).padStart(2, '0')} 秒`;
  return `${Math.floor(m / 60)} 小时 ${String(m % 60).padStart(2, '0')} 分`;
}

/** The text of the bar: "[██████░░░░] 45/200 · 12.3 个/秒 · 剩余约 13 秒". */
export function progressLine(done: number, total: number, elapsedMs: number, label = '正在检查'): string {
  const frac = total > 0 ? done / total : 1;
  const filled = Math.round(frac * WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - done) / rate : NaN;
  const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const tail = done > 0 && done < total ? ` · 剩余约 ${formatDuration(left)}` : '';
  return `${label} [${bar}] ${done}/${total} · ${rate.toFixed(1)} 个/秒${tail}`;
}

export function createProgress(sink: TextSink, total: number, now: () => number = Date.now): Progress {
  const start = now();
  let done = 0;
  let last = 0;
  let shown = false;
  const draw = (): void => {
    last = now();
    shown = true;
    sink.write(`\r\x1b[2K${progressLine(done, total, last - start)}`);
  };
  return {
    tick() {
      done++;
      if (done === total || now() - last >= 100) draw();
    },
    clear() {
      if (shown) sink.write('\r\x1b[2K');
      shown = false;
    },
    draw,
  };
}
