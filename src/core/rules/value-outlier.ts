import type { Rule } from './types';
import { analyse, q } from './util';

/** Rates that are naturally small: a low value is not a typo. */
const SMALL_RATES = /增长|增幅|提高|提升|下降|降低|减少|投诉|事故|差错|发生率|失误|违规|误差|空置|流失|结余/u;

export const rule: Rule = {
  id: 'value-outlier',
  severity: 'warning',
  meta: {
    title: '疑似笔误的指标值',
    criterion: '适当性',
    fixable: true,
    docs:
      '同一张表里其他百分比指标都是“≥90%”“≥95%”，个别指标却是“≥9%”，很可能是少写了一个“0”。本规则在这种情况下提示，并建议改为放大10倍后与其他指标一致的数值。如果这个较低的数值是有意设定的（例如增长率、投诉率），可以忽略。',
  },
  check({ table, settings, report }) {
    const rows = analyse(table, settings).rows.filter(
      (r) => r.value.kind === 'numeric' && r.value.unit === '%' && r.value.number !== undefined && (r.value.operator === '≥' || r.value.operator === '>'),
    );
    for (const r of rows) {
      const n = r.value.number!;
      if (n >= 20 || SMALL_RATES.test(r.name)) continue;
      const siblings = rows.filter((s) => s !== r).map((s) => s.value.number!);
      const high = siblings.filter((s) => s >= 50);
      const tenfold = Math.round(n * 10 * 100) / 100;
      if (high.length < 2 || !siblings.includes(tenfold)) continue;
      const to = `${r.value.operator}${tenfold}%`;
      report({
        ref: r.row.value.ref,
        message: `${q(r.row.level3.text)}的指标值${q(r.row.value.text)}明显低于本表其他百分比指标（多为${tenfold}%左右），疑似少写一个“0”。请核对，是否应为“${to}”？`,
        fix: { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` },
      });
    }
  },
};
