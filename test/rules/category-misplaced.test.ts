import { rule } from '../../src/core/rules/category-misplaced';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';
import { CAIYU_SPEC } from './frameworks-fixtures';

ruleTester.run(rule, {
  valid: [spec(), CAIYU_SPEC, { spec: CAIYU_SPEC, settings: { framework: 'caiyu101' } }],
  invalid: [
    {
      spec: withIndicator(6, { 1: '数量指标' }),
      errors: [{ address: 'B16', message: '不属于一级指标“效益指标”，应列于“产出指标”下' }],
    },
    {
      name: '101号 chosen but 成本 under 产出',
      spec: spec(),
      settings: { framework: 'caiyu101' },
      errors: [{ address: 'B14', message: '成本应作为一级指标' }],
    },
    { spec: withIndicator(7, { 0: '服务对象满意度指标' }), errors: [{ address: 'A17', message: '是二级指标' }] },
  ],
});
