import { rule } from '../../src/core/rules/timeliness-value';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(3, { 4: '2025年12月31日前' }),
    withIndicator(3, { 4: '12月底前' }),
    withIndicator(3, { 2: '维修及时率', 4: '≥95%' }),
    withIndicator(3, { 4: '≤1年' }),
    withIndicator(3, { 2: '按时参加各次会议、培训等活动', 4: '≥90%' }),
  ],
  invalid: [
    { spec: withIndicator(3, { 2: '相关培训工作完成时间', 4: '≥90%' }), errors: [{ address: 'E13', message: '为百分比，未规定完成时限' }] },
    { spec: withIndicator(3, { 4: '及时' }), errors: [{ address: 'E13', severity: 'warning', message: '未规定具体时限' }] },
    { spec: withIndicator(3, { 4: '按时' }), errors: [{ severity: 'warning' }] },
    { spec: withIndicator(3, { 4: '≥3次' }), errors: [{ message: '不是时间' }] },
  ],
});
