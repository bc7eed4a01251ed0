/** Small constructors that keep the template data files readable. */
import type { BasisCategory, Slot, TemplateIndicator, TemplateInput } from '../types';

export function ind(slot: Slot, name: string, description: string, value: string, basis: BasisCategory, source: string): TemplateIndicator {
  return { slot, name, description, value, basis, source };
}

export function input(label: string, sample: string): TemplateInput {
  return { label, sample };
}

/** The project's 预算数 (万元), filled from the table when inserting into an existing one. */
export function budgetInput(sample: string): TemplateInput {
  return { label: '项目预算', sample, auto: 'budget' };
}

/** Standard 满意度 row: who is asked, how, and the usual target. */
export function satisfaction(who: string, how = '年底发放调查问卷'): TemplateIndicator {
  return ind(
    '满意度',
    `${who}满意度`,
    `${how}，满意度=“满意”和“较满意”的人数/有效问卷总数×100%`,
    '≥90%',
    '历史标准',
    '上年度满意度调查结果',
  );
}

/** Standard whole-project cost row for the 88号 成本指标 / 101号 经济成本指标. */
export function totalCost(name: string, what: string): TemplateIndicator {
  return ind('成本', name, `全年${what}实际支出总额，按财务决算数核算，不超过预算数`, '≤{项目预算}万元', '预算支出标准', '{年度}年部门预算批复数');
}
