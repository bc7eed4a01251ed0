import { rule } from '../../src/core/rules/schedule-per-period';
import { ruleTester, spec } from '../helpers/ruleTester';

const perPeriod = { schedule: 'per-period' as const };

ruleTester.run(rule, {
  valid: [
    spec(),
    { name: 'silent under the default (detected per table)', spec: spec({ schedule: [0.2, 0.2, 0.2, 0.2] }) },
    { spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }), settings: perPeriod },
    { spec: spec({ schedule: [0.1, 0.4, 0.3, 0.2] }), settings: perPeriod },
  ],
  invalid: [
    {
      spec: spec({ schedule: [0.2, 0.2, 0.2, 0.2] }),
      settings: perPeriod,
      errors: [{ address: 'E7', message: '合计为80%' }],
    },
    {
      name: 'cumulative-looking values hint at the other setting',
      spec: spec({ schedule: [0.2, 0.5, 0.8, 1] }),
      settings: perPeriod,
      errors: [{ message: '符合累计口径' }],
    },
  ],
});
