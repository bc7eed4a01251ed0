import type { ProjectTable, SchedulePeriod } from '../model';
import type { ScheduleMode, Settings } from '../settings';

/** "12月底" etc.; falls back to the label text. */
export function periodName(p: SchedulePeriod): string {
  return p.label.text || (p.month ? `${p.month}月底` : '该期');
}

export function numericPeriods(table: ProjectTable): (SchedulePeriod & { percent: number })[] {
  return table.schedule.filter((p): p is SchedulePeriod & { percent: number } => typeof p.percent === 'number');
}

export function fmtPct(n: number): string {
  return `${Math.round(n * 100) / 100}%`;
}

/** The cell to point at for a period: its value cell, or the label when the value row is missing. */
export function periodRef(p: SchedulePeriod) {
  return (p.value ?? p.label).ref;
}

/** What a table's 资金支出计划 numbers allow. */
export interface ScheduleReading {
  /** Non-decreasing and the last period is 100%. */
  cumulative: boolean;
  /** The periods sum to 100%. */
  perPeriod: boolean;
  /** Sum of the numeric periods. */
  sum: number;
  /** Last period's percentage (null = blank). */
  last: number | null;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.01;

/**
 * Reads the numbers both ways; undefined when there is nothing to read (no schedule, no number, or a period
 * that is not a percentage — schedule-values reports those).
 */
export function readSchedule(table: ProjectTable): ScheduleReading | undefined {
  if (table.schedule.length === 0 || table.schedule.some((p) => p.percent === undefined)) return undefined;
  const numeric = numericPeriods(table);
  if (numeric.length === 0) return undefined;
  const last = table.schedule[table.schedule.length - 1].percent ?? null;
  const sum = numeric.reduce((s, p) => s + p.percent, 0);
  const rising = numeric.every((p, i) => i === 0 || p.percent >= numeric[i - 1].percent);
  return { cumulative: rising && last !== null && near(last, 100), perPeriod: near(sum, 100), sum, last };
}

/**
 * The convention a table is read with: the setting when it forces one; otherwise what the numbers say
 * (both readings fit only when everything is spent in the last period — the same plan either way, read as
 * cumulative). Undefined when neither reading fits.
 */
export function scheduleMode(table: ProjectTable, settings: Settings): Exclude<ScheduleMode, 'auto'> | undefined {
  if (settings.schedule !== 'auto') return settings.schedule;
  const r = readSchedule(table);
  if (!r) return undefined;
  if (r.cumulative) return 'cumulative';
  if (r.perPeriod) return 'per-period';
  return undefined;
}

/** The convention a table's numbers show unambiguously: only one of the two readings fits. */
export function detectedConvention(table: ProjectTable): Exclude<ScheduleMode, 'auto'> | undefined {
  const r = readSchedule(table);
  if (!r || r.cumulative === r.perPeriod) return undefined;
  return r.cumulative ? 'cumulative' : 'per-period';
}

export const MODE_LABEL: Record<Exclude<ScheduleMode, 'auto'>, string> = { cumulative: '累计', 'per-period': '当期' };
