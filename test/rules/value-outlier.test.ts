import { rule } from '../../src/core/rules/value-outlier';
import { BASE_SPEC, ruleTester, spec, withIndicator } from '../helpers/ruleTester';

const percents = spec({
  indicators: BASE_SPEC.indicators.map((r, i) => (i === 5 || i === 7 ? r : i === 2 ? r : r)),
});

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(5, { 4: '≥9.8%' }),
    { name: 'small growth rate', spec: withIndicator(5, { 2: '参训人数增长率', 4: '≥9%', 3: '较上年增长比例' }, withIndicator(2, { 4: '≥90%' })) },
  ],
  invalid: [
    {
      spec: withIndicator(5, { 4: '≥9%' }, withIndicator(2, { 4: '≥90%' }, percents)),
      errors: [{ address: 'E15', message: '疑似少写一个“0”', fixTo: '≥90%' }],
    },
  ],
});
