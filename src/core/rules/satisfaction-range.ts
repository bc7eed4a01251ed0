import type { Rule } from './types';
import { analyse, isSatisfactionRow, q } from './util';

export const rule: Rule = {
  id: 'satisfaction-range',
  severity: 'warning',
  meta: {
    title: '满意度目标值不合理',
    criterion: '可行性',
    docs:
      '满意度目标一般设在85%～98%之间。“≥100%”或“=100%”要求每一位服务对象都满意，事实上无法保证，评审会认为目标不切实际；低于80%的目标则说明服务质量预期很低，很可能是笔误。修改方法：参考上年满意度调查结果设定，如“≥95%”。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (!isSatisfactionRow(r) || /不满意|投诉/.test(r.name)) continue;
      const v = r.value;
      if (v.kind !== 'numeric' || v.unit !== '%' || v.number === undefined) continue;
      if (v.operator === '≤' || v.operator === '<') continue;
      if (v.number >= 100) {
        report({
          ref: r.row.value.ref,
          message: `满意度指标${q(r.row.level3.text)}的目标值${q(r.row.value.text)}要求全部服务对象满意，难以实现。请参考上年调查结果设定，如“≥95%”。`,
        });
      } else if (v.number < 80) {
        report({
          ref: r.row.value.ref,
          message: `满意度指标${q(r.row.level3.text)}的目标值${q(r.row.value.text)}低于80%，目标偏低或为笔误。请核对，一般设为“≥90%”左右。`,
        });
      }
    }
  },
};
