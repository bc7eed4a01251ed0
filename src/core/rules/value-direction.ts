import type { Rule } from './types';
import { COUNT_UNITS } from '../values';
import { analyse, isCostRow, isSatisfactionRow, q } from './util';

/** Names where less is better: an upper bound is the right direction. */
const LOWER_IS_BETTER =
  /投诉|事故|差错|失误|发生|违规|违纪|违法|超支|超标|损失|误差|故障|不合格|返工|延误|下降|降低|减少|控制|时间|时限|周期|天数|用时|时长|成本|费用|金额|资金|经费|支出|预算|价格|单价|标准|能耗|耗|排放|污染|浓度|含量|噪声|分贝|空置|流失|缺陷|结余|期限|风险|隐患|案件|发案|死亡|发病|患病|犯罪|辍学|失业|负债|欠|等待|排队|拥堵|迟|漏|错|占用|损坏|丢失|不满意|上限|调整|变更|追加/u;

/** Things that should be few or rare; a lower bound ("≥90%") on them is backwards. Decrease rates are not. */
const SHOULD_BE_LOW = /(投诉|事故|差错|不合格|违规|违纪|故障|返工|延误|流失|空置|不满意)(发生)?(率|数|次数|件数|起数|人次)?$/u;
const DECREASE = /下降|降低|减少|压降/u;

export const rule: Rule = {
  id: 'value-direction',
  severity: 'warning',
  meta: {
    title: '指标值方向与指标含义相反',
    criterion: '适当性',
    fixable: true,
    docs:
      '产出和效益指标一般是越多越好、越高越好，指标值应写下限，如“≥6个”“≥98%”。写成“≤6个”“≤98%”表示“最多完成6个”“完成率不超过98%”，目标方向相反；“≤100%”恒成立，起不到考核作用。投诉率、事故数、时限、费用等越低越好的指标正相反，应写上限：把“社会受众投诉率”写成“≥90%”等于要求九成以上的人投诉。修改方法：越多越好的指标把“≤”改为“≥”（或“=”）；越少越好的指标改写为上限，并按实际重新测算数值（如投诉率“≤5%”）。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      const v = r.value;
      if (
        v.kind === 'numeric' &&
        (v.operator === '≥' || v.operator === '>') &&
        (v.number ?? 0) > 0 &&
        SHOULD_BE_LOW.test(r.name) &&
        !DECREASE.test(r.name)
      ) {
        report({
          ref: r.row.value.ref,
          message: `${q(r.row.level3.text)}应越低越好，指标值${q(r.row.value.text)}却为下限（至少${v.number}${v.unit ?? ''}）。请改为上限并按实际重新测算，如“≤5%”“≤2次”。`,
        });
        continue;
      }
      if ((r.l1Key !== '产出' && r.l1Key !== '效益') || r.l2Key === '时效' || isCostRow(r) || isSatisfactionRow(r)) continue;
      if (v.kind !== 'numeric' || (v.operator !== '≤' && v.operator !== '<')) continue;
      if (LOWER_IS_BETTER.test(r.name) || (v.unit && ['元', '万元', '亿元', '年', '月', '天', '工作日', '小时'].includes(v.unit))) continue;
      const always = v.unit === '%' && v.number === 100;
      const to = always ? '=100%' : `≥${v.number}${v.unit ?? ''}`;
      // The reversed operator is offered as a fix only for counts and rates, where it is surely meant.
      const sure = always || v.unit === '%' || (v.unit !== undefined && COUNT_UNITS.has(v.unit));
      report({
        ref: r.row.value.ref,
        message: always
          ? `${q(r.row.level3.text)}的指标值${q(r.row.value.text)}恒成立，无法起到考核作用。应为“${to}”或“≥95%”等下限。`
          : `${q(r.row.level3.text)}应越多越好，指标值${q(r.row.value.text)}却为上限（最多${v.number}${v.unit ?? ''}）。${sure ? `应为“${to}”。` : '如确为越多越好的指标，请改用“≥”。'}`,
        fix: sure ? { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` } : undefined,
      });
    }
  },
};
