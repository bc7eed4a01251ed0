import { isVagueBasis, rule } from '../../src/core/rules/basis-vague';
import { BASE_SPEC, ruleTester, spec, withIndicator } from '../helpers/ruleTester';

describe('isVagueBasis', () => {
  it.each(['年初计划安排', '按年初计划', '按照年初工作安排', '老干部局职能，服务全区离退休老干部'])('%s is vague', (t) =>
    expect(isVagueBasis(t)).toBe(true),
  );
  it.each([
    '计划标准：年度维修计划',
    '根据近几年全区退休老干部情况测算',
    '《关于提高离退休干部交通费标准的通知》（冀老字[2017]25号）',
    '历史标准：上年实际值',
    '上年满意度调查结果',
    '',
  ])('%s is not vague', (t) => expect(isVagueBasis(t)).toBe(false));
});

ruleTester.run(rule, {
  valid: [spec()],
  invalid: [
    { spec: withIndicator(2, { 5: '年初计划安排' }), errors: [{ address: 'F12', message: '“年初计划安排”没有说明具体标准' }] },
    {
      name: 'one finding per repeated vague text',
      spec: spec({ indicators: BASE_SPEC.indicators.map((r) => [...r.slice(0, 5), '年初计划安排']) }),
      errors: [{ address: 'F10', message: '（本表共8行相同）' }],
    },
  ],
});
