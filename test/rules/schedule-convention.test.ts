import { rule } from '../../src/core/rules/schedule-convention';
import { ruleTester, spec } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    { name: 'cumulative numbers', spec: spec({ schedule: [0.2, 0.5, 0.8, 1] }) },
    { name: 'per-period numbers', spec: spec({ schedule: [0.25, 0.25, 0.25, 0.25] }) },
    { name: 'per period, uneven', spec: spec({ schedule: [0.1, 0.4, 0.3, 0.2] }) },
    { name: 'everything in the last period fits both', spec: spec({ schedule: [0, 0, 0, 1] }) },
    { name: 'leading blanks, cumulative', spec: spec({ schedule: ['', '50%', '75%', '100%'] }) },
    { name: 'text is for schedule-values', spec: spec({ schedule: ['约一半', '50%', '75%', '100%'] }) },
    { name: 'all blank is for schedule-values', spec: spec({ schedule: [null, null, null, null] }) },
    { name: 'a forced setting: the mode rules speak', spec: spec({ schedule: [0.3, 0.6, 0.9, 0.95] }), settings: { schedule: 'cumulative' } },
  ],
  invalid: [
    {
      name: 'neither reading fits',
      spec: spec({ schedule: [0.3, 0.6, 0.9, 0.95] }),
      errors: [
        {
          address: 'E7',
          severity: 'error',
          message:
            '资金支出计划既不符合累计口径（逐期不减，12月底为100%），也不符合当期口径（各期合计100%）：当前12月底为95%，各期合计275%。请按累计口径填写截至各期末的累计比例并将12月底填为100%，或按当期口径调整各期比例使合计为100%。',
        },
      ],
    },
    { name: 'a falling cumulative row', spec: spec({ schedule: [0.3, 0.2, 0.8, 1] }), errors: [{ address: 'E7', message: '各期合计230%' }] },
    { name: 'last period blank', spec: spec({ schedule: [0.3, 0.6, 0.9, null] }), errors: [{ address: 'E7', message: '当前12月底未填写' }] },
  ],
});
