import { gridFromRows } from '../../src/core/grid';
import { parseWorkbook } from '../../src/core/parse';
import { rule } from '../../src/core/rules/empty-cell';
import { runRuleSet } from '../../src/core/rules/engine';
import { withDefaults } from '../../src/core/settings';
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

describe('empty-cell with a header that has no 描述/依据 columns', () => {
  const run = (header: string[], row: string[]) =>
    runRuleSet([rule], parseWorkbook([gridFromRows('S', [['项目名称', '甲'], ['绩效目标', '完成培训'], header, row])]), withDefaults({}));

  it('does not report every row for columns the template does not have (the parser notes them once)', () => {
    expect(run(['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '培训人次', '≥300人次'])).toEqual([]);
  });

  it('still reports an empty 描述 when the column exists', () => {
    const found = run(['一级指标', '二级指标', '三级指标', '指标解释', '指标值'], ['产出指标', '数量指标', '培训人次', '', '≥300人次']);
    expect(found.map((f) => [f.ref.address, f.severity])).toEqual([['D4', 'warning']]);
  });
});
