/**
 * V8 settings for batch checking, applied once when the CLI starts (worker threads created later share them).
 *
 * The checker is hundreds of small functions (rules, classifiers, text helpers) run over a batch that lasts a
 * few seconds, so how fast V8 gets them to optimised code matters as much as the code itself:
 * - No inlining in the optimising compiler. With V8's default inlining it spent about 4.6 s compiling during a
 *   1,000-workbook check (5 to 8 recompilations of the large card and reader functions), as much as the
 *   checking itself; without inlining it spends about 2.3 s and the checks run as fast. 200 workbooks:
 *   2.3 s → 2.1 s (2026-11-30); still 11 % faster than with inlining after the later changes.
 * - Baseline (Sparkplug) code from a function's first call instead of the bytecode interpreter, and no loop
 *   peeling: less time in slow code and less compile work while the batch warms up. 200 workbooks, 8 alternating
 *   runs each on 2 cores: median 1.77 s → 1.69 s (scripts/bench-run.js, 2026-11-30).
 * The hot loops of the reader and the text helpers test characters inline for want of inlining.
 */
import { setFlagsFromString } from 'v8';

const FLAGS = ['--no-turbo-inlining', '--always-sparkplug', '--no-turbo-loop-peeling'];

let tuned = false;

export function tuneCompiler(): void {
  if (tuned) return;
  tuned = true;
  for (const flag of FLAGS) {
    try {
      setFlagsFromString(flag);
    } catch {
      // A runtime that freezes V8 flags: the checks are the same, only slower to warm up.
    }
  }
}
