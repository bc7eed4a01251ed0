import type { Rule } from './types';
import { fmtPct, numericPeriods, periodName, periodRef } from './schedule-util';

export const rule: Rule = {
  id: 'schedule-cumulative',
  severity: 'error',
  meta: {
    title: '资金支出计划（累计口径）',
    criterion: '可行性',
    fixable: true,
    docs:
      '在设置中指定“累计”口径时，资金支出计划每一期填写的是截至该期末累计支出占预算的比例：数值只能递增或持平，最后一期（12月底）必须是100%，否则意味着年底仍有资金未支出。常见错误是各期都填“25%”：按累计口径读，12月底只支出了25%。如果本单位填写的是各期当期支出比例（合计100%），请在设置中把“资金支出计划口径”改为“当期”或“自动识别”（默认）。',
  },
  check({ table, settings, report }) {
    // Only when the setting forces the cumulative reading; 'auto' is handled by schedule-convention.
    if (settings.schedule !== 'cumulative' || table.schedule.length === 0) return;
    const numeric = numericPeriods(table);
    if (numeric.length === 0) return;
    for (let i = 1; i < numeric.length; i++) {
      const prev = numeric[i - 1];
      const cur = numeric[i];
      if (cur.percent < prev.percent) {
        const ref = periodRef(cur);
        report({
          ref,
          message: `按累计口径，${periodName(cur)}的${fmtPct(cur.percent)}低于${periodName(prev)}的${fmtPct(prev.percent)}，累计进度不应下降：请改为不低于${fmtPct(prev.percent)}的累计数；如果各期为当期数，请在设置中将口径改为“当期”。`,
        });
      }
    }
    const last = table.schedule[table.schedule.length - 1];
    const ref = periodRef(last);
    if (last.percent === 100 || last.percent === undefined || (last.percent !== null && last.percent > 100)) return;
    const sum = numeric.reduce((s, p) => s + p.percent, 0);
    const name = periodName(last);
    if (last.percent === null) {
      report({
        ref,
        message: `${name}未填写：按累计口径，${name}应为100%（全年资金全部支出），请填写“100%”。`,
        fix: { from: last.value?.text ?? '', to: '100%', description: `将${name}填为“100%”` },
      });
    } else if (Math.abs(sum - 100) < 0.01 && numeric.length > 1) {
      report({
        ref,
        message: `按累计口径，${name}应为100%，当前为${fmtPct(last.percent)}；如果各期为当期数（合计100%），请在设置中将口径改为“当期”。`,
      });
    } else {
      report({
        ref,
        message: `按累计口径，${name}应为100%，当前为${fmtPct(last.percent)}，意味着年底仍有资金未支出：请改为“100%”并核对前几期的累计数。`,
        fix: { from: last.value?.text ?? '', to: '100%', description: `将${name}改为“100%”` },
      });
    }
  },
};
