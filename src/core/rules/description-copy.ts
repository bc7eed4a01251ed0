import { compact } from '../text';
import type { Rule } from './types';
import { analyse, at, isRateName, isSatisfactionRow, q, type RowInfo } from './util';
import { isFillerName } from './filler-indicator';

/** A measurable description template by category: what is measured and how it is counted. */
export function describeTemplate(r: RowInfo): string {
  const x = r.row.level3.text.trim().replace(/[（(]\s*[%％]\s*[）)]$/u, '').replace(/%$/u, '');
  if (isSatisfactionRow(r) && /满意/u.test(x)) {
    const who = x.replace(/(满意度|满意率|满意)$/u, '') || '服务对象';
    return `通过问卷调查反映${who}的满意程度，满意度=满意和较满意人数/调查总人数×100%。`;
  }
  if (isRateName(x)) return `反映${x}，按实际完成数占计划数的比例计算。`;
  switch (r.l2Key) {
    case '数量':
      return `反映${x}，按全年实际完成数量统计。`;
    case '质量':
      return `反映${x}的完成质量，按验收或考核结果确定。`;
    case '时效':
      return /时间|时限|周期|期限|时效|及时|按时|按期/u.test(x)
        ? `反映${x}，以实际完成时间为准。`
        : `反映${x}的完成时限，以实际完成时间为准。`;
    case '成本':
    case '经济成本':
      return `反映${x}，按实际支出金额核算，不超过预算数。`;
    case '经济效益':
      return `反映项目在${x}方面产生的经济效益。`;
    case '社会效益':
      return `反映项目在${x}方面产生的社会效益。`;
    case '生态效益':
      return `反映项目在${x}方面对生态环境的影响。`;
    case '可持续影响':
      return `反映项目在${x}方面的持续影响。`;
    default:
      return `反映${x}的完成情况。`;
  }
}

export const rule: Rule = {
  id: 'description-copy',
  severity: 'warning',
  meta: {
    title: '绩效指标描述照抄指标名称',
    criterion: '完整性',
    fixable: true,
    docs:
      '绩效指标描述要说明这个指标衡量什么、怎么计算或统计，例如“维修次数”的描述写“全年对两座大楼开展维修维护的次数，按维修记录统计”。描述与三级指标名称一字不差，等于没有描述，年底考核时无法统一口径。本规则给出一个按指标类别生成的“反映……情况”式改写建议，请在此基础上补充具体的统计口径。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (!r.name || isFillerName(r.name)) continue;
      if (compact(r.row.description.text) !== r.name) continue;
      const to = describeTemplate(r);
      report({
        ref: r.row.description.ref,
        message: `${at(r.row.description)}：绩效指标描述${q(r.row.description.text)}与三级指标名称相同，没有说明如何衡量：请写明统计口径或计算方法，如“${to}”`,
        fix: { from: r.row.description.text, to, description: `将描述改写为“${to}”` },
      });
    }
  },
};
