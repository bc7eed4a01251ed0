import { rule } from '../../src/core/rules/schedule-pace';
import { ruleTester, spec } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    { name: 'off without the setting', spec: spec({ schedule: [0, 0.1, 0.5, 1] }) },
    { spec: spec({ schedule: [0.2, 0.5, 0.8, 1] }), settings: { midYearMinimum: 50 } },
    { spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }), settings: { midYearMinimum: 50, schedule: 'per-period' } },
    { name: '25/25/25/25 detected as per period', spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }), settings: { midYearMinimum: 50 } },
    { name: 'no reading fits: not checked', spec: spec({ schedule: [0.1, 0.2, 0.3, 0.9] }), settings: { midYearMinimum: 50 } },
  ],
  invalid: [
    {
      spec: spec({ schedule: [0.1, 0.3, 0.8, 1] }),
      settings: { midYearMinimum: 50 },
      errors: [{ address: 'C7', message: '累计支出30%，低于序时进度要求的50%', severity: 'warning' }],
    },
    {
      name: 'per period detected: the sum up to June counts',
      spec: spec({ schedule: [0.1, 0.2, 0.3, 0.4] }),
      settings: { midYearMinimum: 50 },
      errors: [{ address: 'C7', message: '累计支出30%' }],
    },
    {
      name: 'the setting overrides the detection',
      spec: spec({ schedule: [0.1, 0.2, 0.3, 0.4] }),
      settings: { midYearMinimum: 50, schedule: 'cumulative' },
      errors: [{ address: 'C7', message: '累计支出20%' }],
    },
  ],
});
