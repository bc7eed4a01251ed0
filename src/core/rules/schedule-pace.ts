import type { Rule } from './types';
import { fmtPct, periodName, periodRef, scheduleMode } from './schedule-util';

/** Optional 序时进度 check, enabled by settings.midYearMinimum (e.g. 50 = at least 50% spent by end of June). */
export const rule: Rule = {
  id: 'schedule-pace',
  severity: 'warning',
  meta: {
    title: '序时进度（可选）',
    criterion: '可行性',
    docs:
      '许多地方要求预算支出符合序时进度，例如6月底累计支出不低于50%。本规则仅在设置中填写了“年中最低支出进度”时启用：按累计口径看6月底的数值，按当期口径看截至6月底各期之和（口径按设置，或由各表数值自动识别；无法识别时不检查），低于设定值时提醒。确因项目特点（如年底集中发放）无法达到的，请在资金用途或绩效目标中说明原因。',
  },
  check({ table, settings, report }) {
    const min = settings.midYearMinimum;
    if (min === undefined || table.schedule.length === 0) return;
    const june = table.schedule.find((p) => p.month === 6) ?? (table.schedule.length === 4 ? table.schedule[1] : undefined);
    if (!june) return;
    const upTo = table.schedule.slice(0, table.schedule.indexOf(june) + 1);
    if (upTo.some((p) => p.percent === undefined)) return;
    const mode = scheduleMode(table, settings);
    if (!mode) return;
    const reached = mode === 'cumulative' ? (june.percent ?? 0) : upTo.reduce((s, p) => s + (p.percent ?? 0), 0);
    if (reached + 1e-9 >= min) return;
    const ref = periodRef(june);
    report({
      ref,
      message: `截至${periodName(june)}累计支出${fmtPct(reached)}，低于序时进度要求的${fmtPct(min)}：请提前安排支出，或在资金用途中说明集中支出的原因。`,
    });
  },
};
