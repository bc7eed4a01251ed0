import { rule } from '../../src/core/rules/goal-copied';
import { ruleTester, spec } from '../helpers/ruleTester';

const other = spec({ name: '干部工作专项经费', title: '干部工作专项经费绩效目标表', code: '13020925P00008110002F', goal: '全年组织干部调训不少于6期，培训科级干部300人次。' });

ruleTester.run(rule, {
  valid: [{ spec: spec(), others: [other] }],
  invalid: [
    {
      spec: spec({ goal: '1.按年初计划安排 完成本年度工作' }),
      others: [{ ...other, goal: '1.按年初计划安排，完成本年度工作。' }],
      errors: [{ address: 'B8', message: '与“干部工作专项经费”的绩效目标相同' }],
    },
  ],
});
