/**
 * V8 settings for batch checking, applied once when the CLI starts (worker threads created later share them).
 *
 * The checker is hundreds of small functions (rules, classifiers, text helpers). With V8's default inlining its
 * optimising compiler spent about 4.6 s compiling during a 1,000-workbook check (5 to 8 recompilations of the
 * large card and reader functions), as much as the checking itself; without inlining it spends about 2.3 s and
 * the checks run as fast (measured on 2 cores, scripts/bench.js): 200 workbooks 2.3 s → 2.1 s, 1,000 workbooks
 * 8.7 s → 7.3 s with two threads.
 */
import { setFlagsFromString } from 'v8';

let tuned = false;

export function tuneCompiler(): void {
  if (tuned) return;
  tuned = true;
  try {
    setFlagsFromString('--no-turbo-inlining');
  } catch {
    // A runtime that freezes V8 flags: the checks are the same, only slower to warm up.
  }
}
