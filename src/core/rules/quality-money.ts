import { MONEY_UNITS } from '../values';
import type { Rule } from './types';
import { analyse, isUnitCost, q } from './util';

export const rule: Rule = {
  id: 'quality-money',
  severity: 'warning',
  meta: {
    title: '质量指标用了金额',
    criterion: '适当性',
    docs:
      '质量指标衡量“做得好不好”，通常是合格率、达标率、完好率、准确率等百分比，或“好/较好”等等级。质量指标的指标值是“≤176万元”这样的金额，通常是把成本或资金发放情况填到了质量指标里。按人、按户等的单位标准（如“≥1000元/人”）不在检查范围。修改方法：金额放到成本指标，质量指标改为如“交通费足额发放率 =100%”。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (r.l2Key !== '质量') continue;
      const v = r.value;
      // A per-unit amount ("补助标准 ≥1000元/人") is a standard, often filed under 质量: not reported.
      if (v.kind !== 'numeric' || !v.unit || !MONEY_UNITS.has(v.unit) || isUnitCost(v)) continue;
      report({
        ref: r.row.value.ref,
        message: `质量指标${q(r.row.level3.text)}的指标值${q(r.row.value.text)}为金额。金额应列入成本指标，质量指标请改为合格率、达标率等百分比，如“发放准确率 =100%”。`,
      });
    }
  },
};
