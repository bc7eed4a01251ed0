import { rule } from '../../src/core/rules/satisfaction-range';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), withIndicator(7, { 4: '≥98%' }), withIndicator(7, { 4: '≥80%' }), withIndicator(7, { 4: '≤98%' })],
  invalid: [
    { spec: withIndicator(7, { 4: '≥100%' }), errors: [{ address: 'E17', message: '要求全部服务对象满意' }] },
    { spec: withIndicator(7, { 4: '100%' }), errors: [{ address: 'E17' }] },
    { spec: withIndicator(7, { 4: '≥60%' }), errors: [{ address: 'E17', message: '低于80%' }] },
  ],
});
