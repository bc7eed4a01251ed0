import type { Field } from '../model';
import { templateInputs } from '../values';
import type { Rule } from './types';

/** Figures an inserted standard template left for the clerk ("【请填写培训人次】"): one finding per figure and table. */
export const rule: Rule = {
  id: 'template-input',
  severity: 'error',
  meta: {
    title: '模板数据尚未填写',
    criterion: '完整性',
    docs:
      '用“插入标准指标”生成的表格，把需要经办人根据本单位实际填写的数据（人数、次数、金额等）标成“【请填写……】”。这些数据不填，指标就无法考核，表格也不能报送。同一项数据出现在多个单元格（如绩效目标和指标值）时只提示一次，并列出其余位置。修改方法：把“【请填写培训人次】”换成计划数值，如“≥120人次”中的“120”。',
  },
  check({ table, report }) {
    const cells: Field[] = [];
    for (const f of [table.projectName, table.fundUse, table.goal]) if (f) cells.push(f);
    for (const row of table.indicators) cells.push(row.level3, row.description, row.value, row.basis);
    const byLabel = new Map<string, Field[]>();
    for (const f of cells) {
      for (const label of templateInputs(f.text)) {
        const list = byLabel.get(label) ?? [];
        if (!list.includes(f)) list.push(f);
        byLabel.set(label, list);
      }
    }
    for (const [label, fields] of byLabel) {
      const [first, ...rest] = fields;
      const name = label || '模板数据';
      const also = rest.length ? `（${rest.map((f) => f.ref.address).join('、')}处也要填写同一数据）` : '';
      report({
        ref: first.ref,
        message: `模板中的“【请填写${label}】”尚未替换为实际数据${also}。请填写${name}的计划数值。`,
      });
    }
  },
};
