import type { Rule } from './types';
import { analyse, isCostRow, isCountName, isRateName, isSatisfactionRow, q } from './util';

/**
 * A name that states an aim or a procedure rather than something counted ("促进村集体经济发展", "维护社会稳定",
 * "按政策……复审"): a percentage on it measures nothing, a reviewer sends it back.
 */
const AIM = /^(?:促进|维护|保护|保障|推动|推进|提升|提高|改善|增强|加强|确保|实现|带动|巩固|助力|按照?)|(?:发展|稳定|运转|得到改善|得到提升|得到保障)$/u;
/** An abstract quality with no denominator ("社会影响力", "项目维持时效", "群众健康水平"): 95% of it means nothing. */
const QUALITY = /(?:影响力|形象|时效|效果|作用|水平|能力)$/u;

export const rule: Rule = {
  id: 'percent-meaning',
  severity: 'info',
  meta: {
    title: '百分比指标没有说明比例',
    criterion: '适当性',
    docs:
      '指标值是百分比时，指标名称应是一个比率（“……率”“……比例”“……覆盖率”），绩效指标描述写明分子和分母。“社会影响力 ≥90%”这类写法未说明是何种比例，年底无法核实。修改方法：改成可计算的比率并写明公式，或改用数量、定性等级。名称是一种抽象的性质（如“社会影响力 ≥90%”“项目维持时效 ≥95%”）、一句目标或做法（如“促进村集体经济发展 ≥95%”“维护社会稳定 ≥95%”“按政策……复审 100%”）或一个是非问题（如“资金是否全部纳入医保统筹 100%”，应答“是”或改为“……率”）时，百分比完全无法衡量，给出警告；其他情况只作提示。数量、时效、成本指标的同类问题由各自的规则提示。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (r.value.kind !== 'numeric' || r.value.unit !== '%' || !r.name) continue;
      if (isRateName(r.name) || isSatisfactionRow(r) || isCountName(r.name) || isCostRow(r)) continue;
      // A yes/no question ("资金是否全部及时纳入") answered with a percentage, in any category.
      const question = /是否/u.test(r.name);
      if ((r.l2Key === '数量' || r.l2Key === '时效') && !question) continue;
      if (/指标$/.test(r.name)) continue;
      report({
        ref: r.row.value.ref,
        severity: AIM.test(r.name) || QUALITY.test(r.name) || question ? ('warning' as const) : undefined,
        message: `指标值${q(r.row.value.text)}为百分比，但指标${q(r.row.level3.text)}不是比率，未说明比例的分子和分母。请将指标改为“……率”并在描述中写明计算公式，或改用数量、等级等可核实的指标值。`,
      });
    }
  },
};
