import { MONEY_UNITS } from '../values';
import type { Rule } from './types';
import { analyse, at, isMoneyCostRow, isRateName, q } from './util';

/** A unit-cost standard such as "元/人天" or "万元/台": money per unit is a valid cost value. */
function isUnitCost(unit: string): boolean {
  const [money, per] = unit.split('/');
  return per !== undefined && per !== '' && MONEY_UNITS.has(money);
}

export const rule: Rule = {
  id: 'cost-money',
  severity: 'error',
  meta: {
    title: '成本指标应为金额',
    criterion: '适当性',
    fixable: true,
    docs:
      '成本指标（88号口径产出指标下的成本指标、101号口径的经济成本指标）衡量“花多少钱”，指标值应是不超过某个金额的上限，如“≤85.5万元”，并与预算数相衔接。写成“≥90%”看不出成本是多少，评审会认为成本指标缺失；写成“≥85.5万元”则方向反了（成本越低越好）。修改方法：按预算测算填写金额和单位（元或万元），用“≤”。社会成本、生态环境成本可以不是金额，不在本规则检查范围。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (!isMoneyCostRow(r)) continue;
      const v = r.value;
      const cell = at(r.row.value);
      const name = q(r.row.level3.text);
      if (v.kind === 'empty' || v.kind === 'placeholder') continue;
      if (v.kind === 'numeric' && v.unit && (MONEY_UNITS.has(v.unit) || isUnitCost(v.unit))) {
        if (v.operator === '≥' || v.operator === '>') {
          const to = `≤${v.number}${v.unit}`;
          report({
            ref: r.row.value.ref,
            severity: 'warning',
            message: `${cell}：成本指标${name}的指标值${q(r.row.value.text)}是下限，方向反了：成本越低越好，应写作“${to}”。`,
            fix: { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` },
          });
        }
        continue;
      }
      const pct = v.kind === 'numeric' && v.unit === '%';
      report({
        ref: r.row.value.ref,
        severity: pct && isRateName(r.name) ? 'warning' : undefined,
        message: `${cell}：成本指标${name}的指标值${q(r.row.value.text)}不是金额：成本指标应写不超过多少钱，如“≤${table.budget?.amount ?? 10}${table.moneyUnit}”（不超过预算数），并与预算数衔接。`,
      });
    }
  },
};
