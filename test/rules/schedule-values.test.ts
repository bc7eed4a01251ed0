import { rule } from '../../src/core/rules/schedule-values';
import { ruleTester, spec } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), spec({ schedule: ['0%', '50%', '75%', '100%'] }), spec({ schedule: [0, 0.5, 0.75, 1] })],
  invalid: [
    { spec: spec({ schedule: ['约一半', '50%', '75%', '100%'] }), errors: [{ address: 'B7', message: '不是百分比' }] },
    { spec: spec({ schedule: ['20%', '50%', '80%', '120%'] }), errors: [{ address: 'E7', message: '超出0%～100%' }] },
    { spec: spec({ schedule: ['20%', null, '80%', '100%'] }), errors: [{ address: 'C7', message: '前后期都有数值', severity: 'warning' }] },
    { spec: spec({ schedule: [null, null, null, null] }), errors: [{ address: 'B7', message: '整行未填写' }] },
    { spec: spec({ schedule: [null, '50%', '75%', '100%'] }), errors: [{ address: 'B7', severity: 'info', fixTo: '0%' }] },
  ],
});
