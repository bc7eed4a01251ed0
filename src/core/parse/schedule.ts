/** 资金支出计划: period labels (3月底, 一季度…) and the percentages under them. */
import type { SchedulePeriod } from '../model';
import { parsePercent } from '../values';
import { periodMonth } from './labels';
import type { SheetView } from './sheet';

export function readSchedule(view: SheetView, row: number, col: number, bottom: number): SchedulePeriod[] {
  // Period labels sit right of the label, in its row or (when the label is merged over two rows) the next.
  const labelEnd = view.merge(row, col)?.bottom ?? row;
  for (let r = row; r <= Math.min(labelEnd, bottom); r++) {
    const periods: SchedulePeriod[] = [];
    for (let c = view.spanEnd(row, col) + 1; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const month = periodMonth(view.key(r, c));
      if (month === undefined) continue;
      const label = view.field(r, c);
      const vr = r + 1 <= bottom ? r + 1 : undefined;
      const value = vr === undefined ? undefined : view.field(vr, c);
      periods.push({
        label,
        value,
        month,
        percent: value ? parsePercent(value.raw, value.text) : null,
      });
    }
    if (periods.length) return wholePercentRow(periods);
  }
  return [];
}

/** A number typed without a % sign (General format), e.g. 25 for 25%. */
function barePercentNumber(p: SchedulePeriod): number | undefined {
  const raw = p.value?.raw;
  return typeof raw === 'number' && !/%/.test(p.value?.text ?? '') ? raw : undefined;
}

/**
 * General-format numbers are read as fractions when ≤ 1 (0.25 → 25%). In a row typed as whole percentages
 * (10, 40, 70, 100) a 1 or 0.5 means 1% or 0.5%, not 100% or 50%.
 */
function wholePercentRow(periods: SchedulePeriod[]): SchedulePeriod[] {
  const bare = periods.map(barePercentNumber);
  if (!bare.some((n) => n !== undefined && n > 1)) return periods;
  return periods.map((p, i) => {
    const n = bare[i];
    return n !== undefined && Math.abs(n) <= 1 ? { ...p, percent: n } : p;
  });
}
