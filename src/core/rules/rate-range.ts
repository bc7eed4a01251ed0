import { parseIndicatorValue } from '../values';
import type { Rule } from './types';
import { analyse, isCountName, isMoneyCostRow, isRateName, isSatisfactionRow, q } from './util';

/** Growth/decline rates may legitimately exceed 100%. */
const MAY_EXCEED = /增长|增幅|提高|提升|增加|上升|下降|降低|减少/u;

/** The cell itself reads "≥100%" (not "100" completed by separate operator and unit columns). */
function ownAtLeast100(text: string): boolean {
  const own = parseIndicatorValue(text);
  return own.operator === '≥' && own.number === 100 && own.unit === '%';
}

export const rule: Rule = {
  id: 'rate-range',
  severity: 'error',
  meta: {
    title: '比率指标应为0～100%',
    criterion: '适当性',
    fixable: true,
    docs:
      '名称中含“率、比例、占比、覆盖”的指标和满意度指标是比率，指标值应是0%～100%之间的百分数，如“≥95%”。写成“≥3个”这类数量单位，或写出超过100%的比例（增长率除外），都说明指标名称和指标值不一致。超过100%为错误；“≥100%”只能等于100%，提示改写为“=100%”；单位不是百分比的给出警告（“频率”“效率”等不是比率，不在检查范围）；只写数字、未写“%”的（如“≥95”）给出警告并提供补写建议。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      const v = r.value;
      if (v.kind !== 'numeric' || v.number === undefined) continue;
      if (!(isRateName(r.name) || isSatisfactionRow(r)) || isCountName(r.name) || isMoneyCostRow(r)) continue;
      if (v.unit === '%') {
        if (v.number > 100 && !MAY_EXCEED.test(r.name)) {
          report({
            ref: r.row.value.ref,
            message: `${q(r.row.level3.text)}为比率指标，指标值${q(r.row.value.text)}超过100%。比率应在0%～100%之间，请核对。`,
          });
        } else if (v.number === 100 && ownAtLeast100(r.row.value.text) && !MAY_EXCEED.test(r.name) && !isSatisfactionRow(r)) {
          // "≥100%" can only mean "=100%": a wording flaw, not a wrong target (满意度 has its own rule). Only when the
          // cell itself says so: "100" beside a "≥" 指标性质 column and a "%" 度量单位 column is the form's layout.
          report({
            ref: r.row.value.ref,
            severity: 'info',
            message: `${q(r.row.level3.text)}为比率指标，比率最高为100%，指标值${q(r.row.value.text)}即“=100%”。建议写为“=100%”，或按实际设为“≥95%”等下限。`,
            fix: { from: r.row.value.text, to: '=100%', description: `将${q(r.row.value.text)}改为“=100%”` },
          });
        }
      } else if (!v.unit) {
        if (v.number <= 100) {
          const to = `${v.operator === '=' ? '' : v.operator}${v.number}%`;
          report({
            ref: r.row.value.ref,
            severity: 'warning',
            message: `${q(r.row.level3.text)}为比率指标，指标值${q(r.row.value.text)}未写“%”，应为“${to}”。`,
            fix: { from: r.row.value.text, to, description: `将${q(r.row.value.text)}改为“${to}”` },
          });
        }
      } else if (v.unit !== '‰' && !(v.unit === '分' && (isSatisfactionRow(r) || /得分|评分|测评|分值/u.test(r.name)))) {
        report({
          ref: r.row.value.ref,
          severity: 'warning',
          message: `${q(r.row.level3.text)}为比率指标，指标值${q(r.row.value.text)}的单位为“${v.unit}”。请改为百分比（如“≥95%”），或将指标名称改为数量指标。`,
        });
      }
    }
  },
};
