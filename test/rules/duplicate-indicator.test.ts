import { rule } from '../../src/core/rules/duplicate-indicator';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec()],
  invalid: [
    { spec: withIndicator(1, { 2: '大楼维修维护次数' }), errors: [{ address: 'C11', message: '与C10重复' }] },
    { spec: withIndicator(5, { 2: '设施 完好率' }), errors: [{ address: 'C15' }] },
  ],
});
