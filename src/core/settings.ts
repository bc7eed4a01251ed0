import type { Severity } from './findings';
import type { FrameworkKey } from './frameworks/types';

/** 'auto' detects per table; 'hebei88' is the old name of 'caiyu88' (财预〔2015〕88号), still accepted. */
export type FrameworkId = 'auto' | FrameworkKey | 'hebei88';
/** 'auto' reads each table's numbers (non-decreasing to 100 = 累计; summing to 100 = 当期); the others force one reading. */
export type ScheduleMode = 'auto' | 'cumulative' | 'per-period';

export interface Settings {
  /** Indicator framework; 'auto' detects per table. */
  framework: FrameworkId;
  /** How 资金支出计划 values are read: detected per table (default), or forced cumulative / per period. */
  schedule: ScheduleMode;
  /** Optional 序时进度 check: minimum cumulative % by end of June; undefined = off. */
  midYearMinimum?: number;
  /** Per-rule overrides: 'off' or a severity. */
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_SETTINGS: Settings = {
  framework: 'auto',
  schedule: 'auto',
  rules: {},
};

export function withDefaults(partial: Partial<Settings> | undefined): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...(partial ?? {}),
    rules: { ...DEFAULT_SETTINGS.rules, ...(partial?.rules ?? {}) },
  };
}
