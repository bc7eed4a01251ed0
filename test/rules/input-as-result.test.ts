import { rule } from '../../src/core/rules/input-as-result';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    { name: 'a task handed down is an output', spec: withIndicator(0, { 2: '下达整改通知书份数', 4: '≥20份' }) },
    { name: 'a count of people subsidised is an output', spec: withIndicator(0, { 2: '补助资金发放人数', 4: '≥120人' }) },
  ],
  invalid: [
    { spec: withIndicator(2, { 2: '资金到位率', 4: '=100%' }), errors: [{ address: 'C12', message: '不是产出指标' }] },
    { spec: withIndicator(5, { 2: '预算执行率', 4: '≥95%' }), errors: [{ address: 'C15', message: '不是效益指标' }] },
    { spec: withIndicator(4, { 2: '2025年老干部经费支出完成率', 4: '≤95%' }), errors: [{ address: 'C14' }] },
    { name: 'real: 预算资金当年下达率 (内蒙古 包头)', spec: withIndicator(3, { 2: '预算资金当年下达率', 4: '100%' }), errors: [{ address: 'C13' }] },
    {
      name: 'real: the funds as the output quantity (云南 丽江 “卫片执法补助经费 ﹦72890元”)',
      spec: withIndicator(0, { 2: '卫片执法补助经费', 4: '﹦72890元' }),
      errors: [{ address: 'C10', message: '填写的是资金金额' }],
    },
    { name: 'real: 资金支出率 (河北 宁晋)', spec: withIndicator(0, { 2: '资金支出率', 4: '95%' }), errors: [{ address: 'C10' }] },
  ],
});
