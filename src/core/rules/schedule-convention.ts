import type { Rule } from './types';
import { fmtPct, periodName, periodRef, readSchedule } from './schedule-util';

export const rule: Rule = {
  id: 'schedule-convention',
  severity: 'error',
  meta: {
    title: '资金支出计划无法按任何口径解读',
    criterion: '可行性',
    docs:
      '资金支出计划有两种填法：累计口径（每期填截至该期末累计支出的比例，逐期不减，12月底为100%）和当期口径（每期填该期内支出的比例，各期合计100%）。在默认的“自动识别”设置下，助手按每张表的数值判断其口径，两种读法都说得通的表不提示；只有两种读法都不成立时（例如12月底不是100%且各期合计也不是100%，或累计数逐期下降），才说明无法解读。修改方法：按本单位要求的口径重新填写。若本单位统一使用某一口径，可在设置中指定，此时按该口径逐表检查。',
  },
  check({ table, settings, report }) {
    if (settings.schedule !== 'auto') return;
    const r = readSchedule(table);
    if (!r || r.cumulative || r.perPeriod) return;
    const last = table.schedule[table.schedule.length - 1];
    const ref = periodRef(last);
    const lastText = r.last === null ? '未填写' : `为${fmtPct(r.last)}`;
    report({
      ref,
      message: `资金支出计划既不符合累计口径（逐期不减，${periodName(last)}为100%），也不符合当期口径（各期合计100%）：当前${periodName(last)}${lastText}，各期合计${fmtPct(r.sum)}。请按累计口径填写截至各期末的累计比例并将${periodName(last)}填为100%，或按当期口径调整各期比例使合计为100%。`,
    });
  },
};
