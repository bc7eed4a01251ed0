import { rule } from '../../src/core/rules/cost-equals-budget';
import { ruleTester, spec, withCostRows, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    { name: 'total row kept beside a unit cost', spec: withCostRows(['维修维护总成本', '≤85.5万元'], ['每次维修平均费用', '≤10万元/次']) },
    { name: 'total row beside 分项 amounts', spec: withCostRows(['维修维护总成本', '≤85.5万元'], ['其中：材料费', '≤50万元']) },
    { name: 'a smaller amount in 元', spec: withIndicator(4, { 4: '≤854000元' }) },
    { name: 'not money', spec: withIndicator(4, { 2: '成本控制率', 4: '≤100%' }) },
    { name: 'no budget', spec: { ...withIndicator(4, { 4: '≤85.5万元' }), budget: '', fiscal: '' } },
  ],
  invalid: [
    {
      name: 'the budget restated as the only cost figure',
      spec: withIndicator(4, { 4: '≤85.5万元' }),
      errors: [{ address: 'E14', severity: 'info', message: '成本指标仅填写项目预算总额' }],
    },
    {
      name: 'in 元 (real phrasing: 项目计划总投资 20万元, 中江 自评表)',
      spec: withIndicator(4, { 2: '项目计划总投资', 4: '855000元' }),
      errors: [{ address: 'E14', message: '等于预算数85.5万元' }],
    },
    {
      name: 'beside a rate row that states no amount',
      spec: withCostRows(['项目建设成本', '≤85.5万元'], ['成本控制率', '≤100%']),
      errors: [{ address: 'E14' }],
    },
  ],
});
