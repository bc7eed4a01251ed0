import type { Rule } from './types';
import { fmtPct, numericPeriods, periodRef } from './schedule-util';

export const rule: Rule = {
  id: 'schedule-per-period',
  severity: 'error',
  meta: {
    title: '资金支出计划（当期口径）',
    criterion: '可行性',
    docs:
      '在设置中指定“当期”口径时，资金支出计划每一期填写的是该期内支出占预算的比例，各期合计必须等于100%。合计不足100%说明有资金没有支出安排，超过100%说明计划超支。修改方法：调整各期比例使合计为100%；如果本单位填写的其实是累计数（逐期递增、12月底为100%），请把口径改为“累计”或“自动识别”（默认）。',
  },
  check({ table, settings, report }) {
    if (settings.schedule !== 'per-period' || table.schedule.length === 0) return;
    const numeric = numericPeriods(table);
    if (numeric.length === 0) return;
    const sum = numeric.reduce((s, p) => s + p.percent, 0);
    if (Math.abs(sum - 100) < 0.01) return;
    const ref = periodRef(table.schedule[table.schedule.length - 1]);
    const looksCumulative =
      numeric.every((p, i) => i === 0 || p.percent >= numeric[i - 1].percent) && numeric[numeric.length - 1].percent === 100;
    report({
      ref,
      message: `按当期口径，各期支出比例合计应为100%，当前合计为${fmtPct(sum)}：请调整各期比例。${
        looksCumulative ? '这些数值逐期递增且最后一期为100%，符合累计口径；如确为累计数，请在设置中将口径改为“累计”。' : ''
      }`,
    });
  },
};
