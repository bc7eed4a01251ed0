import { compact } from '../text';
import type { Rule } from './types';
import { analyse, q } from './util';

export const rule: Rule = {
  id: 'same-value-everywhere',
  severity: 'warning',
  meta: {
    title: '指标值千篇一律',
    criterion: '适当性',
    docs:
      '数量、质量、时效、成本、效益、满意度指标的计量方式各不相同，一张表里所有指标值都是同一个“≥90%”或“100%”，说明指标值是统一填写而非按指标测算的，评审会认为目标值没有依据。本规则每张表只提示一次：全部相同时为警告，绝大多数相同时为提示。修改方法：数量填个数、次数，时效填日期，成本填金额，比率和满意度填百分比。',
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
        message: `本表全部${n}个指标值均为${q(value)}，未按指标分别测算。请逐项设定：数量指标填写数量和单位，时效指标填写完成时限，成本指标填写金额上限，比率和满意度指标填写百分比。`,
      });
    } else if (rows.length >= 6 && n / rows.length >= 0.8) {
      report({
        ref: first.row.value.ref,
        severity: 'info',
        message: `本表${rows.length}个指标值中有${n}个为${q(value)}。请逐项核实各指标的目标值是否经过测算。`,
      });
    }
  },
};
