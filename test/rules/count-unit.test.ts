import { rule } from '../../src/core/rules/count-unit';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(0, { 2: '培训活动次数', 4: '≥4次' }),
    withIndicator(0, { 2: '农村社区综合服务设施覆盖率', 4: '≥90%' }),
    withIndicator(2, { 2: '参训人数达标率', 4: '≥95%' }),
  ],
  invalid: [
    {
      spec: withIndicator(0, { 2: '培训活动次数', 4: '≥90%' }),
      errors: [{ address: 'E10', message: /数量指标“培训活动次数”的指标值“≥90%”为百分比.*“≥4次”/ }],
    },
    { spec: withIndicator(0, { 2: '聘用人员数量', 4: '≥90%' }), errors: [{ message: '“≥4人”' }] },
    { name: '数量指标 without a rate word', spec: withIndicator(0, { 2: '组织业务培训', 4: '≥90%' }), errors: [{ message: '“≥4次”' }] },
    { name: 'missing unit', spec: withIndicator(0, { 2: '培训活动次数', 4: '≥4' }), errors: [{ address: 'E10', severity: 'warning', fixTo: '≥4次' }] },
    { name: 'count name outside 数量', spec: withIndicator(5, { 2: '达成合作意向数量', 4: '≥90%' }), errors: [{ address: 'E15' }] },
  ],
});
