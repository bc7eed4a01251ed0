import { rule } from '../../src/core/rules/unmeasurable-value';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), withIndicator(2, { 4: '较好' }), withIndicator(3, { 4: '按时' })],
  invalid: [
    { spec: withIndicator(2, { 4: '按计划完成' }), errors: [{ address: 'E12', message: '“按计划完成”不是可衡量的指标值' }] },
    { spec: withIndicator(5, { 4: '有所提高' }), errors: [{ address: 'E15' }] },
  ],
});
