import type { MoneyField } from '../model';
import { compact } from '../text';
import type { Rule } from './types';
import { fmtNumber, q } from './util';

function amount(f: MoneyField | undefined): number | undefined {
  if (!f) return undefined;
  if (f.amount !== undefined && Number.isFinite(f.amount)) return f.amount;
  const t = compact(f.text).replace(/,/g, '');
  if (t === '' || /^[-—/]+$/.test(t)) return 0;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const cents = (n: number): number => Math.round(n * 100);

export const rule: Rule = {
  id: 'budget-sum',
  severity: 'error',
  meta: {
    title: '预算数与资金来源不符',
    criterion: '完整性',
    docs:
      '预算数必须是大于0的金额，并且等于“财政资金 + 其他资金”（按两位小数比较，单位以表头“单位：万元”为准）。三项金额不一致，说明表格与预算批复不一致，评审会要求核对后重报。修改方法：以部门预算批复为准，核对预算数、财政资金和其他资金，没有其他资金的留空或填0。',
  },
  check({ table, report }) {
    const b = table.budget;
    if (!b) return;
    const budget = b.amount ?? (compact(b.text) === '' ? undefined : Number(compact(b.text).replace(/,/g, '')));
    if (budget === undefined && compact(b.text) === '') {
      report({ ref: b.ref, message: `预算数为空。请填写预算批复的金额（${table.moneyUnit}），如“85.50”。` });
      return;
    }
    if (budget === undefined || !Number.isFinite(budget)) {
      report({ ref: b.ref, message: `预算数${q(b.text)}不是金额。请填写预算批复的金额（${table.moneyUnit}），如“85.50”。` });
      return;
    }
    if (budget <= 0) {
      report({ ref: b.ref, message: `预算数${q(b.text)}应大于0。请填写预算批复的金额（${table.moneyUnit}）。` });
      return;
    }
    const fiscal = amount(table.fiscal);
    const carryover = amount(table.carryover);
    const other = amount(table.other);
    if (table.fiscal && fiscal === undefined) {
      report({ ref: table.fiscal.ref, message: `财政资金${q(table.fiscal.text)}不是金额。请填写数字。` });
      return;
    }
    if (table.carryover && carryover === undefined) {
      report({ ref: table.carryover.ref, message: `上年结转资金${q(table.carryover.text)}不是金额。请填写数字，没有则留空。` });
      return;
    }
    if (table.other && other === undefined) {
      report({ ref: table.other.ref, message: `其他资金${q(table.other.text)}不是金额。请填写数字，没有则留空。` });
      return;
    }
    if (!table.fiscal && !table.other) return;
    const sum = (fiscal ?? 0) + (carryover ?? 0) + (other ?? 0);
    if (cents(sum) !== cents(budget)) {
      const sources = [`财政资金${q(table.fiscal?.text)}`];
      if (table.carryover) sources.push(`上年结转资金${q(table.carryover.text)}`);
      const listed = `${sources.join('、')}与其他资金${q(table.other?.text)}`;
      report({
        ref: b.ref,
        message: `预算数${q(b.text)}不等于${listed}之和${fmtNumber(sum)}。请以预算批复为准核对这${sources.length === 1 ? '三' : '四'}项金额。`,
      });
    }
  },
};
