import { compact } from '../text';
import type { Rule } from './types';
import { q } from './util';

function bare(s: string): string {
  return compact(s).replace(/[|｜\-—－:：、，,。.（）()“”"']/gu, '');
}

export const rule: Rule = {
  id: 'fund-use-vague',
  severity: 'warning',
  meta: {
    title: '资金用途只重复项目名称',
    criterion: '完整性',
    docs:
      '资金用途要写明资金的具体支出内容（如补贴发放、培训组织、设施维修、购买服务），是审核预算合理性的依据。只填“项目编码-项目名称”或重复项目名称，等同于未填写。修改方法：列出主要支出内容，如“用于全区××培训的场地租赁、授课费和教材印刷”。',
  },
  check({ table, report }) {
    const use = table.fundUse;
    const name = table.projectName?.text;
    if (!use || !use.text.trim() || !name) return;
    let u = bare(use.text);
    const code = table.projectCode ? bare(table.projectCode.text) : '';
    if (code) u = u.split(code).join('');
    u = u.replace(/^[0-9A-Z]{12,}/u, '');
    const n = bare(name);
    if (u === '' || u === n || (n.includes(u) && u.length <= n.length)) {
      report({
        ref: use.ref,
        message: `资金用途${q(use.text)}只重复了项目名称，未说明资金的具体用途。请写明主要支出内容，如“用于……的……费用”。`,
      });
    }
  },
};
