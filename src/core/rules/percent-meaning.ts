import type { Rule } from './types';
import { analyse, isCostRow, isCountName, isRateName, isSatisfactionRow, q } from './util';

export const rule: Rule = {
  id: 'percent-meaning',
  severity: 'info',
  meta: {
    title: '百分比指标没有说明比例',
    criterion: '适当性',
    docs:
      '指标值是百分比时，指标名称应是一个比率（“……率”“……比例”“……覆盖率”），绩效指标描述写明分子和分母。“社会影响力 ≥90%”这类写法未说明是何种比例，年底无法核实。修改方法：改成可计算的比率并写明公式，或改用数量、定性等级。数量、时效、成本指标的同类问题由各自的规则提示。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (r.value.kind !== 'numeric' || r.value.unit !== '%' || !r.name) continue;
      if (isRateName(r.name) || isSatisfactionRow(r) || isCountName(r.name) || isCostRow(r)) continue;
      if (r.l2Key === '数量' || r.l2Key === '时效') continue;
      if (/指标$/.test(r.name)) continue;
      report({
        ref: r.row.value.ref,
        message: `指标值${q(r.row.value.text)}为百分比，但指标${q(r.row.level3.text)}不是比率，未说明比例的分子和分母。请将指标改为“……率”并在描述中写明计算公式，或改用数量、等级等可核实的指标值。`,
      });
    }
  },
};
