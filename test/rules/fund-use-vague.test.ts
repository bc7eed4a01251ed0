import { rule } from '../../src/core/rules/fund-use-vague';
import { ruleTester, spec } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), spec({ fundUse: '用于老干部活动中心大楼的水电维修' })],
  invalid: [
    { spec: spec({ fundUse: '13020925P00148010001P-老干部活动中心大楼日常维护' }), errors: [{ address: 'B5', message: '只重复了项目名称' }] },
    { spec: spec({ fundUse: '老干部活动中心大楼日常维护' }), errors: [{ address: 'B5' }] },
    { spec: spec({ fundUse: '13020925P00148010001P-老干部活动中心大楼日常维护|' }), errors: [{ address: 'B5' }] },
  ],
});
