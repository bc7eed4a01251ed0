import { rule } from '../../src/core/rules/cost-budget';
import { ruleTester, spec, withCostRows, withIndicator } from '../helpers/ruleTester';

const twoCosts = (a: string, b: string) => withCostRows(['维修材料费', a], ['人工费', b]);

ruleTester.run(rule, {
  valid: [
    spec(),
    twoCosts('≤50万元', '≤35.5万元'),
    withIndicator(4, { 4: '≤855000元' }),
    { name: '合计 row and its 其中 rows are not added', spec: withCostRows(['维修维护成本合计', '≤85.5万元'], ['其中：维修材料费', '≤50万元'], ['其中：人工费', '≤35.5万元']) },
    { name: 'a total row beside its parts without 其中', spec: withCostRows(['项目总成本', '≤85.5万元'], ['维修材料费', '≤50万元'], ['人工费', '≤35.5万元']) },
    { name: '其中 rows under a plain row', spec: withCostRows(['大楼维护费用', '≤85.5万元'], ['其中：消防检测费', '≤10万元']) },
  ],
  invalid: [
    { spec: withIndicator(4, { 4: '≤90万元' }), errors: [{ address: 'E14', message: '超过了预算数85.5万元' }] },
    { spec: twoCosts('≤50万元', '≤40万元'), errors: [{ address: 'E15', message: '2项成本指标合计90万元' }] },
    {
      name: 'a total row over the budget is reported by itself',
      spec: withCostRows(['项目总成本', '≤90万元'], ['其中：维修材料费', '≤50万元'], ['其中：人工费', '≤40万元']),
      errors: [{ address: 'E14', message: '成本指标“项目总成本”的金额90万元超过了预算数85.5万元' }],
    },
    {
      name: 'plain rows still add up when one is a 其中 part',
      spec: withCostRows(['维修材料费', '≤50万元'], ['人工费', '≤40万元'], ['其中：外包人工', '≤10万元']),
      errors: [{ address: 'E15', message: '2项成本指标合计90万元' }],
    },
    { name: '元 mistaken for 万元', spec: withIndicator(4, { 4: '≤855000万元' }), errors: [{ message: '单位' }] },
  ],
});
