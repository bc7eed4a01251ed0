import { rule } from '../../src/core/rules/rate-range';
import { realGrid } from '../fixtures/real';
import { table as yongde } from '../fixtures/real/yunnan-yongde-2022-zp';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(2, { 4: '=100%' }),
    withIndicator(5, { 2: '参训人数增长率', 4: '≥120%' }),
    withIndicator(0, { 2: '覆盖村数', 4: '≥30个' }),
    { name: 'real: 永德 自评表 “≥” | “100” | “%” in three columns is the form’s layout, not “≥100%”', grid: realGrid(yongde) },
    { name: 'satisfaction as a score', spec: withIndicator(7, { 2: '老干部满意度测评得分', 4: '≥90分' }) },
  ],
  invalid: [
    {
      name: 'real: 完成及时率 “≥100%” (湖南 岳阳) can only be 100%',
      spec: withIndicator(3, { 2: '项目（工程）完成及时率', 4: '≥100%' }),
      errors: [{ address: 'E13', severity: 'info', fixTo: '=100%' }],
    },
    { spec: withIndicator(2, { 4: '≥105%' }), errors: [{ address: 'E12', message: '超过100%' }] },
    { spec: withIndicator(2, { 4: '≥3个' }), errors: [{ address: 'E12', message: '的单位为“个”' }] },
    { spec: withIndicator(2, { 4: '≥95' }), errors: [{ address: 'E12', severity: 'warning', fixTo: '≥95%' }] },
    { spec: withIndicator(7, { 4: '≥120%' }), errors: [{ address: 'E17' }] },
  ],
});
