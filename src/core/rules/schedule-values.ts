import type { Rule } from './types';
import { periodName, periodRef } from './schedule-util';
import { q } from './util';

export const rule: Rule = {
  id: 'schedule-values',
  severity: 'error',
  meta: {
    title: '资金支出计划数值',
    criterion: '完整性',
    fixable: true,
    docs:
      '资金支出计划的每一期都应填写0%～100%之间的百分比。文字（如“约一半”）、超过100%或负数的比例无法汇总和监控；前后都有数值、中间某期空白，说明漏填；整行空白说明没有支出计划。开头几期暂不支出的，请明确填写“0%”。',
  },
  check({ table, report }) {
    const periods = table.schedule;
    if (periods.length === 0) return;
    if (periods.every((p) => p.percent === null)) {
      const ref = periodRef(periods[0]);
      report({ ref, message: `资金支出计划整行未填写：请按累计支出进度填写各期比例，12月底为100%。` });
      return;
    }
    const firstNumeric = periods.findIndex((p) => typeof p.percent === 'number');
    const lastNumeric = periods.length - 1 - [...periods].reverse().findIndex((p) => typeof p.percent === 'number');
    periods.forEach((p, i) => {
      const ref = periodRef(p);
      const name = periodName(p);
      const text = p.value?.text ?? '';
      if (p.percent === undefined) {
        report({ ref, message: `${name}的支出计划${q(text)}不是百分比：请填写如“50%”的比例。` });
      } else if (p.percent !== null && (p.percent > 100 || p.percent < 0)) {
        report({ ref, message: `${name}的支出比例${q(text)}超出0%～100%：支出比例不能超过预算的100%，请核对。` });
      } else if (p.percent === null && firstNumeric >= 0 && i > firstNumeric && i < lastNumeric) {
        report({ ref, severity: 'warning', message: `${name}的支出计划为空，而前后期都有数值：请补填该期比例。` });
      } else if (p.percent === null && firstNumeric >= 0 && i < firstNumeric) {
        report({
          ref,
          severity: 'info',
          message: `${name}的支出计划为空：如果该期确实不支出，请明确填写“0%”。`,
          fix: { from: text, to: '0%', description: `将${name}填为“0%”` },
        });
      }
    });
  },
};
