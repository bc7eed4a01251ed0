import { rule } from '../../src/core/rules/value-direction';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(5, { 2: '群众投诉下降率', 4: '≥20%' }),
    withIndicator(5, { 2: '安全事故发生数', 4: '≤0次' }),
    withIndicator(3, { 4: '≤1年' }),
    withIndicator(5, { 2: '群众投诉下降率', 4: '≥20%' }),
    withIndicator(7, { 2: '社会受众投诉率', 4: '≤5%' }),
    { name: 'real: fewer budget-line adjustments is better (科目调整次数 ≤10次, 自评表)', spec: withIndicator(0, { 2: '科目调整次数', 4: '≤10次' }) },
  ],
  invalid: [
    { spec: withIndicator(0, { 2: '重点帮扶村数量', 4: '≤6个' }), errors: [{ address: 'E10', message: '（最多6个）', fixTo: '≥6个' }] },
    { spec: withIndicator(2, { 4: '≤100%' }), errors: [{ address: 'E12', message: '恒成立', fixTo: '=100%' }] },
    { spec: withIndicator(5, { 2: '受益人数', 4: '≤3100人' }), errors: [{ fixTo: '≥3100人' }] },
    { spec: withIndicator(7, { 2: '社会受众投诉率', 4: '≥90%' }), errors: [{ address: 'E17', message: '越低越好' }] },
    { spec: withIndicator(1, { 2: '安全事故发生数', 4: '≥1次' }), errors: [{ message: '至少1次' }] },
  ],
});
