import { rule } from '../../src/core/rules/empty-cell';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec()],
  invalid: [
    { spec: withIndicator(2, { 2: '' }), errors: [{ address: 'C12', message: '三级指标为空', severity: 'error' }] },
    { spec: withIndicator(2, { 3: '' }), errors: [{ address: 'D12', severity: 'warning' }] },
    { spec: withIndicator(2, { 5: '' }), errors: [{ address: 'F12', message: '指标值确定依据为空', severity: 'warning' }] },
    { spec: spec({ goal: ' ' }), errors: [{ address: 'B8', message: '绩效目标为空' }] },
  ],
});
