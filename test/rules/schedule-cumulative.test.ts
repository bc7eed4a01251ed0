import { rule } from '../../src/core/rules/schedule-cumulative';
import { ruleTester, spec } from '../helpers/ruleTester';

/** The rule speaks only when the setting forces the cumulative reading (the default detects it per table). */
const cumulative = { schedule: 'cumulative' as const };

ruleTester.run(rule, {
  valid: [
    { spec: spec(), settings: cumulative },
    { spec: spec({ schedule: [0.25, 0.5, 0.75, 1] }), settings: cumulative },
    { spec: spec({ schedule: ['', '50%', '75%', '100%'] }), settings: cumulative },
    { spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }), settings: { schedule: 'per-period' } },
    { name: 'silent under the default (detected per table)', spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }) },
    { spec: spec({ schedule: [0.3, 0.2, 0.8, 1] }) },
  ],
  invalid: [
    {
      name: '25/25/25/25 explains both readings',
      spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }),
      settings: cumulative,
      errors: [
        {
          address: 'E7',
          message: '按累计口径，12月底应为100%，当前为25%；如果各期为当期数（合计100%），请在设置中将口径改为“当期”。',
        },
      ],
    },
    { spec: spec({ schedule: [0.2, 0.5, 0.8, 0.9] }), settings: cumulative, errors: [{ address: 'E7', fixTo: '100%' }] },
    { spec: spec({ schedule: [0.3, 0.2, 0.8, 1] }), settings: cumulative, errors: [{ address: 'C7', message: '累计进度不应下降' }] },
    { spec: spec({ schedule: [0.3, 0.6, 0.9, null] }), settings: cumulative, errors: [{ address: 'E7', message: '未填写', fixTo: '100%' }] },
  ],
});
