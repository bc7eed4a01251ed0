import type { Rule } from './types';
import { analyse, at, isCountName, isRateName, isSatisfactionRow, q } from './util';

function suggestUnit(name: string): string {
  if (/人次/.test(name)) return '人次';
  if (/人数|人员|名额|（人）|\(人\)/.test(name)) return '人';
  if (/场次|场/.test(name)) return '场';
  if (/期数|期/.test(name)) return '期';
  if (/户/.test(name)) return '户';
  if (/次|培训|会议|活动|调研|检查|督导|宣传|讲座|考核/.test(name)) return '次';
  return '个';
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
      '数量指标衡量“做了多少”，名称中含“次数、人数、个数、数量、场次、期数、人次”等的指标，指标值必须是具体数量加计量单位，如“≥4次”“≥3000人”“≥6个”。写成“≥90%”无法说明完成多少，也无法在年底考核，评审会认为指标不可衡量。修改方法：按年度计划填写实际数量和单位；如果确实想考核比例，请把指标改成“……完成率”并在描述中写明计算公式。只写数字不带单位的（如“≥4”）会提示补上单位。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (r.value.kind !== 'numeric' || isSatisfactionRow(r)) continue;
      if (!r.value.unit && isCountName(r.name)) {
        const to = `${r.value.operator === '=' ? '' : r.value.operator}${r.value.number}${suggestUnit(r.name)}`;
        report({
          ref: r.row.value.ref,
          severity: 'warning',
          message: `${at(r.row.value)}：数量指标${q(r.row.level3.text)}的指标值${q(r.row.value.text)}缺少计量单位：应写作“${to}”。`,
          fix: { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` },
        });
        continue;
      }
      if (r.value.unit !== '%') continue;
      const counts = isCountName(r.name) || (r.l2Key === '数量' && !isRateName(r.name));
      if (!counts) continue;
      const unit = suggestUnit(r.name);
      report({
        ref: r.row.value.ref,
        message: `${at(r.row.value)}：${q(r.row.level3.text)}是数量指标，指标值${q(r.row.value.text)}却是百分比：请填写计划完成的数量和单位，如“≥4${unit}”；若要考核比例，请把指标改为“……完成率”。`,
      });
    }
  },
};
