import { rule } from '../../src/core/rules/schedule-even';
import { ruleTester, spec } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    { name: 'uneven per period', spec: spec({ schedule: [0.1, 0.4, 0.3, 0.2] }) },
    { name: 'cumulative', spec: spec({ schedule: [0.25, 0.5, 0.75, 1] }) },
    { name: 'equal but cumulative (all spent by March)', spec: spec({ schedule: [1, 1, 1, 1] }) },
    { name: 'forced cumulative: schedule-cumulative reports it', spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }), settings: { schedule: 'cumulative' } },
    { name: 'a blank period', spec: spec({ schedule: [null, 0.5, 0.5, null] }) },
  ],
  invalid: [
    {
      spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }),
      errors: [{ address: 'B7', severity: 'info', message: '资金支出计划各期均为25%，是按期平均分摊：如项目并非均衡支出，请按实际用款进度测算各期比例。' }],
    },
    { spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }), settings: { schedule: 'per-period' }, errors: [{ address: 'B7' }] },
  ],
});
