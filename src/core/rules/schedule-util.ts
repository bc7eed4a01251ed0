import type { ProjectTable, SchedulePeriod } from '../model';

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
