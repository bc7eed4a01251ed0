import { rule } from '../../src/core/rules/same-value-everywhere';
import { BASE_SPEC, ruleTester, spec } from '../helpers/ruleTester';

const all = (v: string, except: Record<number, string> = {}) =>
  spec({ indicators: BASE_SPEC.indicators.map((r, i) => [...r.slice(0, 4), except[i] ?? v, r[5]]) });

ruleTester.run(rule, {
  valid: [spec(), spec({ indicators: BASE_SPEC.indicators.slice(0, 3).map((r) => [...r.slice(0, 4), '≥90%', r[5]]) })],
  invalid: [
    { spec: all('≥90%'), errors: [{ address: 'E10', message: '本表全部8个指标值均为“≥90%”', severity: 'warning' }] },
    { spec: all('100%', { 7: '≥95%' }), errors: [{ message: '8个指标值中有7个', severity: 'info' }] },
  ],
});
