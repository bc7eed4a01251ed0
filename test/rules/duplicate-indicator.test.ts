import { rule } from '../../src/core/rules/duplicate-indicator';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    {
      name: "a blank template's numbered lines are places to write indicators, not duplicates",
      spec: spec({
        indicators: [
          ['产出指标', '数量指标', '1.', '', '', ''],
          ['', '数量指标', '2.', '', '', ''],
          ['', '质量指标', '1.', '', '', ''],
          ['', '质量指标', '……', '', '', ''],
          ['效益指标', '社会效益指标', '……', '', '', ''],
        ],
      }),
    },
  ],
  invalid: [
    { spec: withIndicator(1, { 2: '大楼维修维护次数' }), errors: [{ address: 'C11', message: '与C10重复' }] },
    { spec: withIndicator(5, { 2: '设施 完好率' }), errors: [{ address: 'C15' }] },
  ],
});
