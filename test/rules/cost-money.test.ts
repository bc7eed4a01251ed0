import { rule } from '../../src/core/rules/cost-money';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';
import { CAIYU_SPEC } from './frameworks-fixtures';

ruleTester.run(rule, {
  valid: [
    spec(),
    CAIYU_SPEC,
    withIndicator(4, { 4: '≤855000元' }),
    { name: 'a unit-cost standard is money', spec: withIndicator(4, { 2: '每平方米维护费用', 4: '≤100元/平米' }) },
    { name: '101号 社会成本 need not be money', spec: { ...CAIYU_SPEC, indicators: [...CAIYU_SPEC.indicators, ['成本指标', '社会成本指标', '对周边居民出行影响', '施工期间占道时间', '≤7天', '行业标准：施工规范']] } },
  ],
  invalid: [
    { spec: withIndicator(4, { 2: '项目总成本', 4: '≥90%' }), errors: [{ address: 'E14', message: '不是金额', severity: 'error' }] },
    { spec: withIndicator(4, { 2: '成本控制率', 4: '≤100%' }), errors: [{ address: 'E14', severity: 'warning' }] },
    { spec: withIndicator(4, { 4: '≥85.5万元' }), errors: [{ address: 'E14', message: '方向相反', fixTo: '≤85.5万元' }] },
    { spec: withIndicator(4, { 4: '好' }), errors: [{ address: 'E14' }] },
  ],
});
