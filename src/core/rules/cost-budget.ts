import type { Rule } from './types';
import { analyse, fmtNumber, isMoneyCostRow, moneyIn, q } from './util';

export const rule: Rule = {
  id: 'cost-budget',
  severity: 'error',
  meta: {
    title: '成本超过预算数',
    criterion: '可行性',
    docs:
      '成本指标是项目花费的上限，所有成本指标（按金额计）相加不能超过本表的预算数，否则说明测算与预算不一致，或金额单位写错（元与万元混淆）。修改方法：以预算数为上限重新测算成本，注意表头“单位：万元”与指标值单位是否一致。',
  },
  check({ table, settings, report }) {
    const budget = table.budget?.amount;
    if (budget === undefined || !(budget > 0)) return;
    const costs = analyse(table, settings)
      .rows.filter(isMoneyCostRow)
      .map((r) => ({ r, amount: moneyIn(r.value, table.moneyUnit) }))
      .filter((c): c is { r: (typeof c)['r']; amount: number } => c.amount !== undefined);
    if (costs.length === 0) return;
    const total = costs.reduce((s, c) => s + c.amount, 0);
    if (Math.round(total * 100) <= Math.round(budget * 100)) return;
    const last = costs[costs.length - 1].r;
    const what = costs.length === 1 ? `成本指标${q(last.row.level3.text)}的金额` : `${costs.length}项成本指标合计`;
    report({
      ref: last.row.value.ref,
      message: `${what}${fmtNumber(total)}${table.moneyUnit}超过了预算数${fmtNumber(budget)}${table.moneyUnit}。请以预算数为上限重新测算，并核对金额单位（元/万元）。`,
    });
  },
};
