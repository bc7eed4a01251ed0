import { rule } from '../../src/core/rules/cost-budget';
import { BASE_SPEC, ruleTester, spec, withIndicator } from '../helpers/ruleTester';

const twoCosts = (a: string, b: string) =>
  spec({
    indicators: [
      ...BASE_SPEC.indicators.slice(0, 4),
      ['', '成本指标', '维修材料费', '按实际支出核算', a, '预算支出标准：2025年部门预算'],
      ['', '成本指标', '人工费', '按实际支出核算', b, '预算支出标准：2025年部门预算'],
      ...BASE_SPEC.indicators.slice(5),
    ],
  });

ruleTester.run(rule, {
  valid: [spec(), twoCosts('≤50万元', '≤35.5万元'), withIndicator(4, { 4: '≤855000元' })],
  invalid: [
    { spec: withIndicator(4, { 4: '≤90万元' }), errors: [{ address: 'E14', message: '超过了预算数85.5万元' }] },
    { spec: twoCosts('≤50万元', '≤40万元'), errors: [{ address: 'E15', message: '2项成本指标合计90万元' }] },
    { name: '元 mistaken for 万元', spec: withIndicator(4, { 4: '≤855000万元' }), errors: [{ message: '单位' }] },
  ],
});
