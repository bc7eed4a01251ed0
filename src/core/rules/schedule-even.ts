import type { Rule } from './types';
import { fmtPct, numericPeriods, periodRef, scheduleMode } from './schedule-util';

export const rule: Rule = {
  id: 'schedule-even',
  severity: 'info',
  meta: {
    title: '资金支出计划平均分摊',
    criterion: '可行性',
    docs:
      '按当期口径填写、各期比例完全相同（如四期均为25%）的支出计划，通常是把预算平均分摊到各期，而不是按项目实际用款进度测算的。按月发放的补贴、工资等确实均衡支出的项目可以保留；其他项目请按合同、采购和实施进度测算各期比例。本规则只作提示。',
  },
  check({ table, settings, report }) {
    const numeric = numericPeriods(table);
    if (numeric.length < 3 || numeric.length !== table.schedule.length) return;
    if (!numeric.every((p) => p.percent === numeric[0].percent)) return;
    if (scheduleMode(table, settings) !== 'per-period') return;
    const ref = periodRef(table.schedule[0]);
    report({
      ref,
      message: `资金支出计划各期均为${fmtPct(numeric[0].percent)}，是按期平均分摊：如项目并非均衡支出，请按实际用款进度测算各期比例。`,
    });
  },
};
