import { compact } from '../text';
import type { Rule } from './types';
import { analyse, fmtNumber, isMoneyCostRow, moneyIn, q, type RowInfo } from './util';

/** A row that totals the others ("项目总成本", "成本合计"): the 其中 rows are parts of it, not additions. */
const TOTAL_ROW = /总成本|总费用|总投资|总金额|总额|合计|总计|小计|总支出|总经费/u;
/** A row that is part of the one above ("其中：培训费"). */
const PART_ROW = /^其中/u;

/**
 * What the cost rows add up to. Plain rows are added; when a total row is present, or some rows are 其中 parts
 * of another, the parts are not added again: the largest of the total and the sum of the non-part rows counts.
 */
export function costTotal(costs: readonly Cost[]): { amount: number; rows: Cost[] } {
  const name = (c: Cost) => compact(c.r.row.level3.text);
  const wholes = costs.filter((c) => !PART_ROW.test(name(c)));
  if (!costs.some((c) => TOTAL_ROW.test(name(c)))) return { amount: wholes.reduce((s, c) => s + c.amount, 0), rows: wholes };
  const largest = costs.reduce((a, b) => (b.amount > a.amount ? b : a));
  return { amount: largest.amount, rows: [largest] };
}

interface Cost {
  r: RowInfo;
  amount: number;
}

export const rule: Rule = {
  id: 'cost-budget',
  severity: 'error',
  meta: {
    title: '成本超过预算数',
    criterion: '可行性',
    docs:
      '成本指标是项目花费的上限，所有成本指标（按金额计）相加不能超过本表的预算数，否则说明测算与预算不一致，或金额单位写错（元与万元混淆）。表中有“总成本”“合计”一行时，以它为准，不与其下的“其中”分项相加。修改方法：以预算数为上限重新测算成本，注意表头“单位：万元”与指标值单位是否一致。',
  },
  check({ table, settings, report }) {
    const budget = table.budget?.amount;
    if (budget === undefined || !(budget > 0)) return;
    const costs = analyse(table, settings)
      .rows.filter(isMoneyCostRow)
      .map((r) => ({ r, amount: moneyIn(r.value, table.moneyUnit) }))
      .filter((c): c is Cost => c.amount !== undefined);
    if (costs.length === 0) return;
    const { amount: total, rows } = costTotal(costs);
    if (Math.round(total * 100) <= Math.round(budget * 100)) return;
    const last = rows[rows.length - 1].r;
    const what = rows.length === 1 ? `成本指标${q(last.row.level3.text)}的金额` : `${rows.length}项成本指标合计`;
    report({
      ref: last.row.value.ref,
      message: `${what}${fmtNumber(total)}${table.moneyUnit}超过了预算数${fmtNumber(budget)}${table.moneyUnit}。请以预算数为上限重新测算，并核对金额单位（元/万元）。`,
    });
  },
};
