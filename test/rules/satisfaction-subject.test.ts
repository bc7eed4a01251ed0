import { rule } from '../../src/core/rules/satisfaction-subject';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), withIndicator(7, { 2: '服务对象满意度' }), withIndicator(7, { 2: '参训学员满意度（%）' }), withIndicator(7, { 2: '指标2:参合群众满意度' })],
  invalid: [
    { spec: withIndicator(7, { 2: '满意度' }), errors: [{ address: 'C17', message: '没有说明是谁的满意度' }] },
    { spec: withIndicator(7, { 2: '满意度（%）' }), errors: [{ address: 'C17' }] },
    { spec: withIndicator(7, { 2: '革命老区重点帮扶村' }), errors: [{ address: 'C17', message: '“革命老区重点帮扶村满意度”' }] },
    { spec: withIndicator(7, { 2: '社会受众投诉率' }), errors: [{ message: '不是满意度' }] },
    { name: 'real: numbering and a yes/no wording name nobody (山西 稷山 “指标1:是否满意”)', spec: withIndicator(7, { 2: '指标1:是否满意', 4: '95%' }), errors: [{ address: 'C17', message: '没有说明是谁的满意度' }] },
  ],
});
