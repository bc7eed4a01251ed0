import { compact } from '../text';
import type { Rule } from './types';
import { analyse, q } from './util';

export const rule: Rule = {
  id: 'satisfaction-subject',
  severity: 'warning',
  meta: {
    title: '满意度指标没有说明调查对象',
    criterion: '适当性',
    docs:
      '满意度指标要说明是谁的满意度，才能确定向谁调查，例如“离退休老干部满意度”“参训学员满意度”。只写“满意度”无法落实调查对象；满意度指标下放的却是“投诉率”“帮扶村”等不是满意度的内容，也属于填错位置。修改方法：写成“服务对象名称 + 满意度”，非满意度的内容移到对应类别。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (r.l1Key !== '满意度' || !r.name) continue;
      if (!/满意/.test(r.name)) {
        const subject = /率|数|量|度/.test(r.name) ? '' : r.name.replace(/[（(].*$/u, '');
        report({
          ref: r.row.level3.ref,
          message: `${q(r.row.level3.text)}放在满意度指标下，但不是满意度。请改为“（服务对象）满意度”${subject ? `，如“${subject}满意度”` : ''}，其他内容移到相应类别。`,
        });
        continue;
      }
      // Numbering ("指标1:") and a yes/no wording ("是否满意") name nobody either.
      const subject = compact(r.name)
        .replace(/^(?:指标)?[0-9一二三四五六七八九十]+[:：.、．]/u, '')
        .replace(/[（(][^）)]*[）)]|%|满意度|满意率|满意|指标|的|是否/gu, '');
      if (!subject) {
        report({
          ref: r.row.level3.ref,
          message: `满意度指标${q(r.row.level3.text)}没有说明是谁的满意度。请写明调查对象，如“服务对象满意度”“参训学员满意度”。`,
        });
      }
    }
  },
};
