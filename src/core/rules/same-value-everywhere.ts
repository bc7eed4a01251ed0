import { compact } from '../text';
import type { Rule } from './types';
import { analyse, at, q } from './util';

export const rule: Rule = {
  id: 'same-value-everywhere',
  severity: 'warning',
  meta: {
    title: '指标值千篇一律',
    criterion: '适当性',
    docs:
      '数量、质量、时效、成本、效益、满意度指标的计量方式各不相同，一张表里所有指标值都是同一个“≥90%”或“100%”，说明是统一套用而不是按指标测算的，评审会认为目标值没有依据。本规则每张表只提示一次：全部相同时为警告，绝大多数相同时为提示。修改方法：数量填个数、次数，时效填日期，成本填金额，比率和满意度填百分比。',
  },
  check({ table, settings, report }) {
    const rows = analyse(table, settings).rows.filter((r) => r.value.kind !== 'empty' && r.value.kind !== 'placeholder');
    if (rows.length < 4) return;
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(compact(r.row.value.text), (counts.get(compact(r.row.value.text)) ?? 0) + 1);
    const [value, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const first = rows.find((r) => compact(r.row.value.text) === value)!;
    if (n === rows.length) {
      report({
        ref: first.row.value.ref,
        message: `${at(first.row.value)}：本表全部${n}个指标值都是${q(value)}，像是统一套用：请按每个指标分别测算，数量填个数或次数，时效填日期，成本填金额。`,
      });
    } else if (rows.length >= 6 && n / rows.length >= 0.8) {
      report({
        ref: first.row.value.ref,
        severity: 'info',
        message: `${at(first.row.value)}：本表${rows.length}个指标值中有${n}个是${q(value)}：请确认每个指标的目标值都经过测算。`,
      });
    }
  },
};
