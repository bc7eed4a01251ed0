import { rule } from '../../src/core/rules/empty-cell';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec()],
  invalid: [
    { spec: withIndicator(2, { 2: '' }), errors: [{ address: 'C12', message: '三级指标为空', severity: 'error' }] },
    {
      name: 'a filler row whose 三级 was cleared asks to delete the row',
      spec: withIndicator(6, { 1: '生态效益指标', 2: '', 3: '生态效益指标' }),
      errors: [{ address: 'C16', severity: 'warning', message: '请删除整行' }],
    },
    { spec: withIndicator(2, { 3: '' }), errors: [{ address: 'D12', severity: 'warning' }] },
    { spec: withIndicator(2, { 5: '' }), errors: [{ address: 'F12', message: '指标值确定依据为空', severity: 'warning' }] },
    { spec: spec({ goal: ' ' }), errors: [{ address: 'B8', message: '绩效目标为空' }] },
  ],
});
