import { isFillerName, rule } from '../../src/core/rules/filler-indicator';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

describe('isFillerName', () => {
  it.each(['生态效益指标', '时效指标', '时效', '生态 效益', '满意度指标', '服务对象满意度指标', '数量'])('%s is filler', (n) =>
    expect(isFillerName(n)).toBe(true),
  );
  it.each(['满意度', '服务对象满意度', '维修次数', '生态环境质量改善', ''])('%s is not filler', (n) =>
    expect(isFillerName(n)).toBe(false),
  );
});

ruleTester.run(rule, {
  valid: [spec(), withIndicator(7, { 2: '服务对象满意度' })],
  invalid: [
    {
      spec: withIndicator(6, { 1: '生态效益指标', 2: '生态效益指标', 3: '生态效益指标', 4: '≥90%' }),
      errors: [{ address: 'C16', message: '“生态效益指标”只是类别名称', fixTo: '' }],
    },
    { spec: withIndicator(3, { 2: '时效指标', 4: '≥90%' }), errors: [{ address: 'C13' }] },
  ],
});
