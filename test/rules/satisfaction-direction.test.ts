import { rule } from '../../src/core/rules/satisfaction-direction';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(7, { 4: '不低于90%' }),
    withIndicator(7, { 2: '群众投诉率', 4: '≤2%' }),
  ],
  invalid: [
    {
      spec: withIndicator(7, { 2: '广大老干部满意', 4: '≤98%' }),
      errors: [{ address: 'E17', message: '满意度指标“广大老干部满意”的指标值“≤98%”方向相反。满意度指标应设下限，应为“≥98%”。', fixTo: '≥98%' }],
    },
    { spec: withIndicator(7, { 4: '＜95％' }), errors: [{ address: 'E17', fixTo: '≥95%' }] },
    { spec: withIndicator(7, { 4: '不高于90%' }), errors: [{ fixTo: '≥90%' }] },
  ],
});
