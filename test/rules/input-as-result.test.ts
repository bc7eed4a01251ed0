import { rule } from '../../src/core/rules/input-as-result';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec()],
  invalid: [
    { spec: withIndicator(2, { 2: '资金到位率', 4: '=100%' }), errors: [{ address: 'C12', message: '不是产出指标' }] },
    { spec: withIndicator(5, { 2: '预算执行率', 4: '≥95%' }), errors: [{ address: 'C15', message: '不是效益指标' }] },
    { spec: withIndicator(4, { 2: '2025年老干部经费支出完成率', 4: '≤95%' }), errors: [{ address: 'C14' }] },
  ],
});
