import type { Rule } from './types';
import { analyse, fmtNumber, isCostRow, isUnitCost, moneyIn, q } from './util';

export const rule: Rule = {
  id: 'cost-equals-budget',
  severity: 'info',
  meta: {
    title: '成本指标仅重复预算总额',
    criterion: '适当性',
    needs: ['budget', 'indicators'],
    docs:
      '成本指标用来考核花钱的标准和节约程度。表中唯一的成本数额就是预算数（如预算85.5万元，成本指标“≤85.5万元”），只重复了预算总额，未体现单位成本或主要开支的测算。评审常要求细化，但不少地区的批复表也接受以项目总成本控制在预算内作为成本指标，所以只作提示。修改方法：增加单位成本（如“≤500元/人”“≤0.3万元/次”）或分项成本（如培训费、资料印刷费分列），总成本一行可以保留。',
  },
  check({ table, settings, report }) {
    const budget = table.budget?.amount;
    if (budget === undefined || !(budget > 0)) return;
    const costs = analyse(table, settings).rows.filter(isCostRow);
    if (costs.some((r) => isUnitCost(r.value))) return;
    const figures = costs.filter((r) => moneyIn(r.value, table.moneyUnit) !== undefined);
    if (figures.length !== 1) return;
    const only = figures[0];
    const amount = moneyIn(only.value, table.moneyUnit)!;
    if (Math.round(amount * 100) !== Math.round(budget * 100)) return;
    report({
      ref: only.row.value.ref,
      message: `成本指标仅填写项目预算总额：${q(only.row.level3.text)}的${q(only.row.value.text)}等于预算数${fmtNumber(budget)}${table.moneyUnit}，是本表唯一的成本数额。建议细化为单位成本（如“≤500元/人”）或分项成本，总成本一行可以保留。`,
    });
  },
};
