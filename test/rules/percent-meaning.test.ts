import { rule } from '../../src/core/rules/percent-meaning';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(5, { 2: '群众投诉下降率', 4: '≥20%' }),
  ],
  invalid: [
    { spec: withIndicator(5, { 2: '社会影响力', 4: '≥90%' }), errors: [{ address: 'E15', severity: 'warning', message: '不是比率' }] },
    { name: 'real: an abstract quality (项目维持时效 ≥95%, 四川 井研)', spec: withIndicator(6, { 2: '项目维持时效', 4: '≥95%' }), errors: [{ address: 'E16', severity: 'warning' }] },
    { name: 'anything else not a ratio stays a hint', spec: withIndicator(5, { 2: '老干部活动正常开展', 4: '≥98%' }), errors: [{ address: 'E15', severity: 'info' }] },
    {
      name: 'real, acceptable: coverage stated as a fact stays a hint (建档立卡学生全面覆盖 100%, 河北 宁晋)',
      spec: withIndicator(2, { 2: '建档立卡学生全面覆盖', 4: '100%' }),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'real, acceptable: a degree stays a hint (认知度 ≥50%, 宁夏 原州)',
      spec: withIndicator(5, { 2: '群众对脱毒种薯和主食化专用品种的认知度', 4: '≥50%' }),
      errors: [{ severity: 'info' }],
    },
    {
      name: 'real: a yes/no question valued in %, even under 时效 (山西 稷山 “指标1:资金是否全部及时纳入 100%”)',
      spec: withIndicator(3, { 2: '指标1:资金是否全部及时纳入', 4: '100%' }),
      errors: [{ address: 'E13', severity: 'warning' }],
    },
    { name: 'real: an aim (维护社会稳定 ≥95%, 四川 井研)', spec: withIndicator(5, { 2: '维护社会稳定', 4: '≥95%' }), errors: [{ address: 'E15', severity: 'warning' }] },
    { name: 'real: an aim (促进学校教育事业健康发展 ≧100%, 云南 永德)', spec: withIndicator(6, { 2: '促进学校教育事业健康发展', 4: '≧100%' }), errors: [{ address: 'E16', severity: 'warning' }] },
    {
      name: 'real: a procedure (按政策……复审 100%, 四川 广元)',
      spec: withIndicator(2, { 2: '按政策、法律、法规乡镇申报、初审确认对象资格，县级按要求复审', 4: '100%' }),
      errors: [{ address: 'E12', severity: 'warning' }],
    },
  ],
});
