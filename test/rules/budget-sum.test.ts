import { rule } from '../../src/core/rules/budget-sum';
import { ruleTester, spec } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    spec({ budget: 100, fiscal: 60, other: 40 }),
    spec({ budget: 20.67, fiscal: 20.67, other: null }),
    spec({ budget: 0.3, fiscal: 0.1, other: 0.2 }),
    spec({ budget: '1,200.00', fiscal: '1,200.00', other: null }),
    spec({ budget: '39万元', fiscal: 39, other: null }),
  ],
  invalid: [
    { spec: spec({ budget: 100, fiscal: 60, other: 30 }), errors: [{ address: 'C4', message: '之和90' }] },
    { spec: spec({ budget: 0, fiscal: 0 }), errors: [{ address: 'C4', message: '应大于0' }] },
    { spec: spec({ budget: '约九十万', fiscal: 90 }), errors: [{ address: 'C4', message: '不是金额' }] },
    { spec: spec({ budget: 39, fiscal: 39.01 }), errors: [{ address: 'C4' }] },
    { name: 'a blank 预算数 says it is empty', spec: spec({ budget: '', fiscal: 39 }), errors: [{ address: 'C4', message: '预算数为空' }] },
  ],
});
