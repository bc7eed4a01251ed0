import { compact } from '../text';
import type { Rule } from './types';
import { analyse, convertMoney, fmtNumber, isCostRow, isSatisfactionRow, moneyUnit, q, type RowInfo } from './util';

/** Spellings of one unit ("平米", "㎡", "平方米"), so a cost per 平方米 finds an area counted in 平米. */
const SAME_UNIT: Record<string, string> = { 平米: '平方米', '㎡': '平方米', 千米: '公里', km: '公里', 名: '人', 位: '人' };
const unitKey = (u: string): string => {
  const c = compact(u).replace(/^[（(](.*)[）)]$/u, '$1');
  return SAME_UNIT[c] ?? c;
};

/** A product must exceed the budget by more than this share before it is reported (rounding, small extras). */
const MARGIN = 0.1;

interface Product {
  cost: RowInfo;
  quantity: RowInfo;
  /** Unit cost × quantity, in the table's money unit. */
  amount: number;
}

/** The one quantity a unit cost is priced per: a 数量 row counted in that unit, else any one such row. */
function quantityFor(per: string, rows: readonly RowInfo[]): RowInfo | undefined {
  const fits = rows.filter(
    (r) =>
      !isCostRow(r) &&
      !isSatisfactionRow(r) &&
      r.value.kind === 'numeric' &&
      r.value.unit !== undefined &&
      r.value.per === undefined &&
      (r.value.operator === '≥' || r.value.operator === '>' || r.value.operator === '=') &&
      (r.value.number ?? 0) > 0 &&
      unitKey(r.value.unit) === per,
  );
  const counted = fits.filter((r) => r.l2Key === '数量');
  if (counted.length === 1) return counted[0];
  // Two areas (灌溉 and 排水 面积) or two head counts: which one the cost is priced per cannot be told.
  return counted.length === 0 && fits.length === 1 ? fits[0] : undefined;
}

export const rule: Rule = {
  id: 'unit-cost-budget',
  severity: 'warning',
  meta: {
    title: '单位成本乘数量超过预算',
    criterion: '可行性',
    needs: ['budget', 'indicators'],
    docs:
      '单位成本指标（如“≤500元/人”“≤0.3万元/次”）与对应的数量指标（如“≥120人”“4次”）相乘，就是完成数量目标按成本标准需要的资金。乘积明显超过本表预算数（超出一成以上），说明单位成本、数量和预算三者测算不一致，或元与万元写混。同一单位有多个数量指标、无法确定对应哪一个时不作判断。修改方法：按“单位成本×数量≤预算数”重新测算，核对金额单位。',
  },
  check({ table, settings, report }) {
    const budget = table.budget?.amount;
    if (budget === undefined || !(budget > 0)) return;
    const rows = analyse(table, settings).rows;
    const products: Product[] = [];
    for (const cost of rows) {
      if (!isCostRow(cost)) continue;
      const mu = moneyUnit(cost.value);
      const n = cost.value.number;
      if (!mu?.per || n === undefined || !(n > 0) || cost.value.operator === '≥' || cost.value.operator === '>') continue;
      const perUnit = convertMoney(n, mu.base, table.moneyUnit);
      const quantity = quantityFor(unitKey(mu.per), rows);
      if (perUnit === undefined || !quantity) continue;
      products.push({ cost, quantity, amount: perUnit * quantity.value.number! });
    }
    const limit = budget * (1 + MARGIN);
    const unit = table.moneyUnit;
    const over = products.filter((p) => p.amount > limit);
    for (const p of over) {
      report({
        ref: p.cost.row.value.ref,
        message: `单位成本${q(p.cost.row.value.text)}乘以数量指标${q(p.quantity.row.level3.text)}的${q(p.quantity.row.value.text)}为${fmtNumber(p.amount)}${unit}，超过了预算数${fmtNumber(budget)}${unit}。请按“单位成本×数量≤预算数”重新测算，并核对金额单位（元/万元）。`,
      });
    }
    // Several unit costs, each within the budget, that together need more than it. Only when each is priced per
    // its own quantity: two costs per 人 may overlap (人均总费用 and 人均住宿费).
    const total = products.reduce((s, p) => s + p.amount, 0);
    const distinct = new Set(products.map((p) => p.quantity)).size === products.length;
    if (over.length === 0 && products.length >= 2 && distinct && total > limit) {
      const last = products[products.length - 1];
      report({
        ref: last.cost.row.value.ref,
        message: `${products.length}项单位成本分别乘以对应数量后合计${fmtNumber(total)}${unit}，超过了预算数${fmtNumber(budget)}${unit}。请按“单位成本×数量≤预算数”重新测算，并核对金额单位（元/万元）。`,
      });
    }
  },
};
