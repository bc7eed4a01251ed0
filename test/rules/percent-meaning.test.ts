import { rule } from '../../src/core/rules/percent-meaning';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), withIndicator(5, { 2: '群众投诉下降率', 4: '≥20%' })],
  invalid: [
    { spec: withIndicator(5, { 2: '社会影响力', 4: '≥90%' }), errors: [{ address: 'E15', severity: 'info', message: '不是比率' }] },
  ],
});
