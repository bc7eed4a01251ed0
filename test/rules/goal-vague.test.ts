import { goalCore, rule } from '../../src/core/rules/goal-vague';
import { ruleTester, spec } from '../helpers/ruleTester';

describe('goalCore', () => {
  it('drops numbering and punctuation', () => expect(goalCore('1.按年初计划安排， 完成本年度工作')).toBe('按年初计划安排完成本年度工作'));
});

ruleTester.run(rule, {
  valid: [spec()],
  invalid: [
    { spec: spec({ goal: '1.按年初计划安排\n完成本年度工作' }), errors: [{ address: 'B8', message: '过于笼统' }] },
    { spec: spec({ goal: '1.按年初计划安排进行\n2.按年初计划安排进行\n3.按年初计划安排进行' }), errors: [{ message: '过于笼统' }] },
    { spec: spec({ goal: '完成全年工作' }), errors: [{ severity: 'warning' }] },
    { spec: spec({ goal: '1.保障村两委干部工资正常发放，维护基层组织稳定' }), errors: [{ severity: 'info', message: '未包含数量或比例' }] },
  ],
});
