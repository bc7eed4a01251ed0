import { rule } from '../../src/core/rules/indicator-count';
import { BASE_SPEC, ruleTester, spec } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), spec({ indicators: BASE_SPEC.indicators.slice(0, 3) })],
  invalid: [
    { spec: spec({ indicators: BASE_SPEC.indicators.slice(0, 2) }), errors: [{ address: 'C10', message: '只有2个' }] },
    {
      name: 'filler rows do not count',
      spec: spec({
        indicators: [
          ...BASE_SPEC.indicators.slice(0, 2),
          ['效益指标', '生态效益指标', '生态效益指标', '生态效益指标', '≥90%', '计划标准'],
        ],
      }),
      errors: [{ message: '只有2个' }],
    },
  ],
});
