import type { Finding } from '../core/findings';
import type { Host, Scope } from '../core/host';
import type { Settings } from '../core/settings';
import { type ValidationResult, validateGrids } from '../core/validate';
import { S } from './strings';

/** An error that already says, in zh-CN, which step failed. */
export class PaneError extends Error {
  constructor(
    readonly step: string,
    readonly cause?: unknown,
  ) {
    super(withStep(step, describeError(cause)));
    this.name = 'PaneError';
  }
}

/** Prefixes the step unless the host already said, in zh-CN, what failed (e.g. "读取工作表失败（…）"). */
export function withStep(step: string, detail: string): string {
  return /失败/.test(detail) ? detail : `${step}：${detail}`;
}

export function describeError(err: unknown): string {
  if (err instanceof PaneError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return '未知错误';
}

async function step<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new PaneError(label, err);
  }
}

export interface ValidationRun extends ValidationResult {
  scope: Scope;
}

/**
 * The whole 校验 flow: read → validate → mark. `isIgnored` keeps ignored findings unmarked.
 * applyMarks is expected to replace any earlier marks with exactly the given findings.
 */
export async function runValidation(
  host: Host,
  settings: Settings,
  scope: Scope,
  isIgnored: (f: Finding) => boolean = () => false,
): Promise<ValidationRun> {
  const grids = await step(S.errorRead, () => host.readGrids(scope));
  const result = await step(S.errorValidate, () => validateGrids(grids, settings));
  await step(S.errorMark, () => host.applyMarks(result.findings.filter((f) => !isIgnored(f))));
  return { ...result, scope };
}

export async function clearMarks(host: Host): Promise<void> {
  await step(S.errorClear, () => host.clearMarks());
}

export { step as runStep };
