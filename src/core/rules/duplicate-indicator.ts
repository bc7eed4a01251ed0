import type { Rule } from './types';
import { analyse, at, q } from './util';
import { isFillerName } from './filler-indicator';
import { deletionFix } from './required-categories';
import type { IndicatorRow } from '../model';
import { compact } from '../text';

/** Same 二级, 三级, description, value and basis: the second row adds nothing and can simply go. */
function sameRow(a: IndicatorRow, b: IndicatorRow): boolean {
  return (['level2', 'level3', 'description', 'value', 'basis'] as const).every((k) => compact(a[k].text) === compact(b[k].text));
}

/** A blank template's numbered lines ("1." "2、" "（一）" "……"): places to write indicators, not indicators. */
const TEMPLATE_LINE = /^(?:[(（]?(?:\d+|[一二三四五六七八九十]+)[)）]?[.、．]?|[…．.。]+)$/u;

export const rule: Rule = {
  id: 'duplicate-indicator',
  severity: 'warning',
  meta: {
    title: '三级指标重复',
    criterion: '完整性',
    fixable: true,
    docs:
      '同一张表中两个三级指标名称相同，通常是复制粘贴后忘了修改，重复的指标既不能增加信息，也会让评审怀疑表格是拼凑的。修改方法：删除重复行，或把它改成反映另一方面的指标。',
  },
  check({ table, settings, report }) {
    const seen = new Map<string, { at: string; row: IndicatorRow }>();
    for (const r of analyse(table, settings).rows) {
      if (!r.name || isFillerName(r.name) || TEMPLATE_LINE.test(r.name)) continue;
      const first = seen.get(r.name);
      if (first) {
        report({
          ref: r.row.level3.ref,
          message: `三级指标${q(r.row.level3.text)}与${first.at}重复。请删除此行或改为其他指标。`,
          // Only a row identical to the first one is offered for deletion; otherwise the clerk decides.
          fix: sameRow(first.row, r.row) ? deletionFix(table, settings, r.row) : undefined,
        });
      } else seen.set(r.name, { at: at(r.row.level3), row: r.row });
    }
  },
};
