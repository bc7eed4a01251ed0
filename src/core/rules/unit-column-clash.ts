import { compact } from '../text';
import { COUNT_UNITS, parseIndicatorValue, TIME_UNITS } from '../values';
import type { Rule } from './types';
import { analyse, hasColumn, q } from './util';

type UnitFamily = 'percent' | 'money' | 'time' | 'count' | 'measure';

/** What a unit measures; undefined when the text is no unit (a note, "/", "无"). */
function familyOf(unit: string): UnitFamily | undefined {
  const u = compact(unit).replace(/^[（(](.*)[）)]$/u, '$1');
  if (u === '' || u.length > 6 || /^[-—–/\\无空]+$/u.test(u)) return undefined;
  if (/^(?:%|％|百分比|百分率|个?百分点)$/u.test(u)) return 'percent';
  if (/^(?:元|千元|万元|万|亿元|亿)(?:[/／每].+)?$/u.test(u)) return 'money';
  if (TIME_UNITS.has(u) || /^(?:日|个月|季度|季|年度|个工作日|周|旬)$/u.test(u)) return 'time';
  if (COUNT_UNITS.has(u) || /^(?:名|人\/?次|个[\u4e00-\u9fff]|[\u4e00-\u9fff]次)$/u.test(u)) return 'count';
  // Any other short unit word (亩, 平方米, 公里, 吨, 分): a physical measure or a score.
  return /^[\u4e00-\u9fff㎡㎞a-zA-Z²³]{1,4}$/u.test(u) ? 'measure' : undefined;
}

/** Two families that cannot describe the same figure: a ratio, money or time against anything else. */
function clash(a: UnitFamily, b: UnitFamily): boolean {
  if (a === b) return false;
  const strong = new Set<UnitFamily>(['percent', 'money', 'time']);
  return strong.has(a) || strong.has(b);
}

export const rule: Rule = {
  id: 'unit-column-clash',
  severity: 'warning',
  meta: {
    title: '指标值单位与计量单位栏不一致',
    criterion: '适当性',
    needs: ['indicators'],
    docs:
      '有些表样把计量单位单独列为一栏（计量单位、度量单位）。指标值本身又写了单位、而且与计量单位栏不是同一类（如指标值“≥95%”而计量单位为“人”，或指标值“≤20万元”而计量单位为“%”），审核时无法判断考核的是比例、金额还是数量。同类单位（如“人”与“人次”、“元”与“万元”）不在此列。修改方法：确定指标按什么计量，指标值只填数值和符号，单位统一填在计量单位栏。',
  },
  check({ table, settings, report }) {
    if (!hasColumn(table, 'unit')) return;
    for (const r of analyse(table, settings).rows) {
      const unitCell = r.row.extra?.unit;
      if (!unitCell || unitCell.absent) continue;
      const columnFamily = familyOf(unitCell.text);
      if (!columnFamily) continue;
      const own = parseIndicatorValue(r.row.value.text);
      if (own.kind !== 'numeric' || !own.unit) continue;
      const valueFamilies = [own.unit, own.per].filter((u): u is string => !!u).map(familyOf);
      if (valueFamilies.some((f) => f === undefined || !clash(f, columnFamily))) continue;
      report({
        ref: r.row.value.ref,
        message: `指标值${q(r.row.value.text)}的单位与计量单位栏的${q(unitCell.text)}不一致，无法判断按什么考核。请确定计量方式，指标值只填数值和符号，单位统一填在计量单位栏。`,
      });
    }
  },
};
