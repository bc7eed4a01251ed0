import type { ProjectTable } from '../model';
import { memoByObject } from '../memo';
import { compact } from '../text';
import { parseIndicatorValue } from '../values';
import { othersIn, tableName, tablesBy, type TableIndex } from './by-workbook';
import { isFillerName } from './filler-indicator';
import type { Rule } from './types';
import { q } from './util';

/** A whole set is a copy only from this many filled rows up: short sets (3 rows) coincide by chance. */
export const MIN_COPIED_ROWS = 5;

/** A value as the grammar reads it: "不低于95%", "≥ 95 %" and "≥95%" are one value. */
function valueKey(text: string): string {
  const v = parseIndicatorValue(text);
  if (v.kind !== 'numeric') return v.text;
  return `${v.operator ?? '='}${v.number ?? ''}${v.max !== undefined ? `-${v.max}` : ''}${v.unit ?? ''}${v.per ? `/${v.per}` : ''}`;
}

/**
 * Filled rows of a table as "三级=指标值" keys (value in the grammar's normalised text). A filler row (a bare
 * category name) does not make a set different: deleting it, as advised, must not reveal a copy.
 */
function rowKeys(t: ProjectTable): string[] {
  const keys: string[] = [];
  for (const r of t.indicators) {
    const name = compact(r.level3.text);
    if (name === '' || isFillerName(name)) continue;
    keys.push(`${name}=${valueKey(r.value.text)}`);
  }
  return keys;
}

/**
 * The table's indicator set as one key (order does not matter), or undefined when too short to judge. Both
 * indexes and the check ask for it: computed once per table (parsing every value is the costly part).
 */
const setKey = memoByObject((t: ProjectTable): string | undefined => {
  const keys = rowKeys(t);
  return keys.length >= MIN_COPIED_ROWS ? [...new Set(keys)].sort().join('\u0001') : undefined;
});

/** The same project printed twice (申报 and 自评, or one project in two sheets) is no copy. */
function projectOf(t: ProjectTable): string {
  return compact(t.projectCode?.text) || compact(t.projectName?.text) || t.id;
}

/** Tables by indicator set, and by set and project, one index each per workbook (linear, not pairwise). */
const bySet = new WeakMap<object, TableIndex>();
const bySetAndProject = new WeakMap<object, TableIndex>();
const setAndProject = (t: ProjectTable): string | undefined => {
  const key = setKey(t);
  return key === undefined ? undefined : `${key}\u0002${projectOf(t)}`;
};

export const rule: Rule = {
  id: 'indicators-copied',
  severity: 'warning',
  meta: {
    title: '整套指标在多个项目间照搬',
    criterion: '相关性',
    needs: ['indicators'],
    docs:
      `绩效指标应当根据每个项目的内容和资金用途设置。同一工作簿中两个不同项目的全部三级指标和指标值一模一样（至少${MIN_COPIED_ROWS}项），说明指标是整套复制的，无法反映各项目的产出和效果，评审时通常退回重报。个别通用指标（如满意度）相同属正常情况，不在此列。修改方法：对照本项目的资金用途和绩效目标，重新设置数量、质量、时效、成本和效益指标。`,
  },
  check({ table, workbook, report }) {
    const key = setKey(table);
    if (key === undefined) return;
    const group = tablesBy(bySet, workbook, setKey).get(key) ?? [];
    const sameProject = tablesBy(bySetAndProject, workbook, setAndProject).get(`${key}\u0002${projectOf(table)}`) ?? [];
    const copies = group.length - sameProject.length;
    if (copies <= 0) return;
    const first = table.indicators.find((r) => compact(r.level3.text) !== '');
    if (!first) return;
    const self = projectOf(table);
    const names = othersIn(group, table, 3, (t) => projectOf(t) !== self).map((t) => q(tableName(t)));
    const rows = new Set(rowKeys(table)).size;
    report({
      ref: first.level3.ref,
      message: `本表的${rows}个三级指标及指标值与${names.join('、')}${copies > 3 ? `等${copies}个项目` : ''}完全相同，属于整套照搬。请按本项目的资金用途和绩效目标重新设置指标。`,
    });
  },
};
