import { ALL_CATEGORY_NAMES, categoryKey } from '../frameworks';
import { deletionFix } from './required-categories';
import { memoByString } from '../memo';
import { compact } from '../text';
import type { Rule } from './types';
import { analyse, q } from './util';

const CATEGORY_KEYS = new Set(ALL_CATEGORY_NAMES.map(categoryKey));

/**
 * A 三级 name that is only a category name. Bare "满意度"/"服务对象满意度" are common, acceptable
 * indicator names, so they count as filler only when written with the "指标" suffix.
 */
export const isFillerName = memoByString((name: string): boolean => {
  const n = compact(name);
  if (!n) return false;
  const key = categoryKey(n);
  if (!CATEGORY_KEYS.has(key)) return false;
  return /指标$/.test(n) || !/满意度/.test(key);
});

export const rule: Rule = {
  id: 'filler-indicator',
  severity: 'error',
  meta: {
    title: '三级指标只是类别名称',
    criterion: '完整性',
    fixable: true,
    docs:
      '三级指标应当是一个具体、可衡量的指标，例如“维修次数”“设施完好率”。把“生态效益指标”“时效指标”这类一级、二级类别名称原样填在三级指标里，说明这一行只是为了把模板填满，评审会认为是凑数的无效指标。修改方法：与本项目无关的类别（多数非环保项目的“生态效益”）直接删除此行；确有相关内容的，写出具体指标，如时效指标写“维修完成时限”，指标值写“2025年12月底前”。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (!isFillerName(r.row.level3.text)) continue;
      report({
        ref: r.row.level3.ref,
        message: `三级指标${q(r.row.level3.text)}只是类别名称，不是可衡量的指标。与本项目无关的请删除此行；相关的请改写为具体指标，并填写描述、指标值和单位。`,
        // The only fix for a filler row is removing it; a row that cannot be removed safely gets none.
        fix: deletionFix(table, settings, r.row),
      });
    }
  },
};
