import type { Rule } from './types';
import { analyse, isMoneyCostRow, q } from './util';

export const rule: Rule = {
  id: 'unmeasurable-value',
  severity: 'warning',
  meta: {
    title: '指标值不可衡量',
    criterion: '适当性',
    docs:
      '指标值要能在年底对照检查：数值型写“比较符 + 数值 + 单位”（如“≥90%”“≥4次”“≤85.5万元”），时限型写日期（如“2025年12月底前”），定性指标写等级（好、较好、一般、较差、差）。“按计划完成”“有所提高”“明显改善”之类的表述无法判断是否达成，评审会要求量化。时效指标的类似问题由“时效指标应有时限”规则提示。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      // 时效 and money-cost rows are reported by their own rules, with a more specific fix.
      if (r.value.kind !== 'unparsed' || r.l2Key === '时效' || isMoneyCostRow(r)) continue;
      report({
        ref: r.row.value.ref,
        message: `${q(r.row.level3.text)}的指标值${r.value.reason ?? `${q(r.row.value.text)}无法衡量`}。`,
      });
    }
  },
};
