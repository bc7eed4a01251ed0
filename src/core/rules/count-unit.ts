import type { Rule } from './types';
import { analyse, countUnitOf, isCountName, isRateName, isSatisfactionRow, q } from './util';

/** A likely unit for the example in a message (never for a fix). */
function exampleUnit(name: string): string {
  return countUnitOf(name) ?? (/人员|人才|干部|学员|对象|人/u.test(name) ? '人' : /培训|会议|活动|检查|督导|讲座|宣传/u.test(name) ? '次' : '个');
}

/** Count indicators ("培训活动次数") valued in percent ("≥90%"): 90% of what? */
export const rule: Rule = {
  id: 'count-unit',
  severity: 'error',
  meta: {
    title: '数量指标不能用百分比',
    criterion: '适当性',
    fixable: true,
    docs:
      '数量指标衡量“做了多少”，名称中含“次数、人数、个数、数量、场次、期数、人次”等的指标，指标值必须是具体数量加计量单位，如“≥4次”“≥3000人”“≥6个”。写成“≥90%”无法说明完成多少，也无法在年底考核，评审会认为指标不可衡量。修改方法：按年度计划填写实际数量和单位；如果确实想考核比例，请把指标改成“……完成率”并在描述中写明计算公式。只写数字、未写单位的（如“≥4”）给出警告；名称能确定单位时（如“……次数”）提供补写单位的修改建议。名称含“数量”但既非计数也非比率的百分比值（如“道路硬化 ≥100%”）只给出警告。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (r.value.kind !== 'numeric' || isSatisfactionRow(r)) continue;
      const unit = countUnitOf(r.name);
      if (!r.value.unit && isCountName(r.name)) {
        // The unit is proposed only when the name itself determines it ("培训次数" → 次).
        const to = unit ? `${r.value.operator === '=' ? '' : r.value.operator}${r.value.number}${unit}` : undefined;
        report({
          ref: r.row.value.ref,
          severity: 'warning',
          message: `数量指标${q(r.row.level3.text)}的指标值${q(r.row.value.text)}未写计量单位。${to ? `应为“${to}”。` : '请补写计量单位，如“个”“人”“次”。'}`,
          fix: to ? { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` } : undefined,
        });
        continue;
      }
      if (r.value.unit !== '%') continue;
      const counts = isCountName(r.name);
      // Under 数量 a name that is neither a count nor a rate ("道路硬化 ≥100%") is a judgement call: a warning.
      if (!counts && !(r.l2Key === '数量' && !isRateName(r.name))) continue;
      report({
        ref: r.row.value.ref,
        severity: counts ? undefined : 'warning',
        message: `数量指标${q(r.row.level3.text)}的指标值${q(r.row.value.text)}为百分比，未反映完成数量。请填写计划完成的数量和计量单位，如“≥4${exampleUnit(r.name)}”；如需考核比例，请将指标改为“……完成率”并在描述中写明计算方法。`,
      });
    }
  },
};
