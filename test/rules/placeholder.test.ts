import { rule } from '../../src/core/rules/placeholder';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), withIndicator(2, { 4: '较好' }), withIndicator(3, { 4: '2025年12月31日前' })],
  invalid: [
    {
      spec: withIndicator(0, { 2: '春节慰问劳模人数 **人', 4: '≥50人' }),
      errors: [{ address: 'C10', message: '含占位符“**”' }],
    },
    { spec: withIndicator(0, { 4: '**' }), errors: [{ address: 'E10', message: '是占位符' }] },
    { spec: withIndicator(1, { 4: 'XX平米' }), errors: [{ address: 'E11' }] },
    { spec: withIndicator(2, { 4: '待定' }), errors: [{ address: 'E12' }] },
    { spec: withIndicator(2, { 4: '' }), errors: [{ address: 'E12', message: '指标值为空' }] },
    { spec: withIndicator(2, { 5: '×××文件' }), errors: [{ address: 'F12', message: '指标值确定依据' }] },
  ],
});
