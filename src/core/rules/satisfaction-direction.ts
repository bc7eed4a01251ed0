import type { Rule } from './types';
import { analyse, isSatisfactionRow, q } from './util';

/** 满意度 is higher-is-better: "≤98%" says at most 98% may be satisfied. */
export const rule: Rule = {
  id: 'satisfaction-direction',
  severity: 'error',
  meta: {
    title: '满意度指标方向',
    criterion: '适当性',
    fixable: true,
    docs:
      '满意度越高越好，指标值应写成“≥90%”这样的下限。写成“≤98%”“<95%”等于说“满意的人不超过98%”，目标方向相反，评审会直接退回。修改方法：把“≤”改为“≥”，数值保持不变（一般在85%～98%之间）。以“不满意率”“投诉率”命名的指标越低越好，不在此规则检查范围内。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (!isSatisfactionRow(r) || /不满意|投诉/.test(r.name)) continue;
      const v = r.value;
      if (v.kind !== 'numeric' || (v.operator !== '≤' && v.operator !== '<')) continue;
      const to = `≥${v.number}${v.unit ?? ''}`;
      report({
        ref: r.row.value.ref,
        message: `满意度指标${q(r.row.level3.text)}的指标值${q(r.row.value.text)}方向相反。满意度指标应设下限，应为“${to}”。`,
        fix: { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` },
      });
    }
  },
};
