import type { ProjectTable } from '../model';
import { compact } from '../text';
import { goalCore } from './goal-vague';
import type { Rule } from './types';

/**
 * True when the table's own 实施期 indicators (a 实施期 column beside the annual one, or a stacked 实施期 block) set
 * other targets than the annual ones: the project then really spans several years.
 */
function midTermDiffers(table: ProjectTable): boolean {
  const annual = new Set(table.indicators.map((r) => compact(r.value.text)).filter(Boolean));
  const mid = [
    ...table.indicators.map((r) => r.extra?.midTermValue?.text),
    ...(table.parts ?? []).filter((p) => p.kind === 'midTerm').flatMap((p) => p.indicators.map((r) => r.value.text)),
  ]
    .map((t) => compact(t))
    .filter(Boolean);
  return mid.some((v) => !annual.has(v));
}

export const rule: Rule = {
  id: 'annual-goal-copied',
  severity: 'warning',
  meta: {
    title: '年度目标照抄实施期目标',
    criterion: '适当性',
    needs: ['goal'],
    docs:
      '跨年度项目要分别填写实施期（中长期）目标和年度目标：实施期目标说明整个实施期要达到的结果，年度目标说明本年度要完成的部分。两者一字不差，说明年度目标是照抄的，无法据此考核当年的进度。表中实施期指标值与年度指标值不同（确为跨年度项目）时为警告；无法判断项目是否跨年度时（如一年期项目两栏填写相同）只作提示。修改方法：按本年度预算安排的工作量，写明当年完成的任务、数量和预期效果。',
  },
  check({ table, report }) {
    const goal = table.goal;
    const mid = table.midTermGoal;
    if (!goal || !mid || goal.ref.address === mid.ref.address) return;
    const core = goalCore(goal.text);
    if (core.length < 4 || core !== goalCore(mid.text)) return;
    report({
      ref: goal.ref,
      severity: midTermDiffers(table) ? undefined : 'info',
      message: '年度绩效目标与实施期（中长期）绩效目标完全相同。年度目标应写明本年度要完成的任务、数量和预期效果，请按本年度的预算安排改写。',
    });
  },
};
