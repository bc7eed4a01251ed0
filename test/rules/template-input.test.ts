import { rule } from '../../src/core/rules/template-input';
import { rule as placeholder } from '../../src/core/rules/placeholder';
import { runOn, ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), withIndicator(0, { 4: '≥6次' }), withIndicator(0, { 4: '**' })],
  invalid: [
    {
      spec: withIndicator(0, { 4: '≥【请填写维修次数】次' }),
      errors: [{ address: 'E10', message: '模板中的“【请填写维修次数】”尚未替换为实际数据。请填写维修次数的计划数值。' }],
    },
    {
      // The same figure in the goal and in a value: one finding, at the first cell, naming the other.
      spec: withIndicator(0, { 4: '≥【请填写维修次数】次' }, spec({ goal: '2025年完成大楼维修维护【请填写维修次数】次，设施完好率达到95%以上。' })),
      errors: [{ address: 'B8', message: '（E10处也要填写同一数据）' }],
    },
    {
      spec: withIndicator(1, { 4: '≥【请填写维护面积】平米', 5: '计划标准：【请填写依据文件】' }),
      errors: [{ address: 'E11', message: '请填写维护面积' }, { address: 'F11', message: '请填写依据文件' }],
    },
  ],
});

describe('placeholder leaves template inputs to template-input', () => {
  it('does not report a 【请填写…】 value or cell again', () => {
    const s = withIndicator(0, { 4: '≥【请填写维修次数】次', 5: '计划标准：【请填写依据文件】' });
    expect(runOn(placeholder, [s])).toEqual([]);
  });
});
