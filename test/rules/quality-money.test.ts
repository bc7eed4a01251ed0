import { rule } from '../../src/core/rules/quality-money';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), withIndicator(2, { 4: '好' })],
  invalid: [
    { spec: withIndicator(2, { 2: '保证全区离退休干部交通费发放', 4: '≤176万元' }), errors: [{ address: 'E12', message: '为金额' }] },
  ],
});
