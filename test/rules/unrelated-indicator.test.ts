import { rule } from '../../src/core/rules/unrelated-indicator';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

const party = { name: '党员教育管理综合经费', title: '党员教育管理综合经费绩效目标表', fundUse: '用于党员教育培训、教材购置和远程教育站点维护', goal: '全年组织党员集中培训不少于4期，培训党员2000人次' };

ruleTester.run(rule, {
  valid: [
    spec(),
    { name: 'related project mentions the domain', spec: withIndicator(4, { 3: '完成流通综合协调所有工作所需总费用' }, spec({ name: '商贸流通综合协调经费', fundUse: '用于商贸流通统计和协调会议' })) },
  ],
  invalid: [
    {
      spec: withIndicator(4, { 2: '总费用', 3: '完成流通综合协调所有工作所需总费用' }, spec(party)),
      errors: [{ address: 'D14', message: '“流通综合协调”属于商贸流通业务' }],
    },
    { spec: withIndicator(2, { 2: '社区矫正执法人员学习时间达标率' }, spec(party)), errors: [{ address: 'C12', message: '司法矫正' }] },
    { spec: withIndicator(2, { 2: '提升网群影响力' }, spec(party)), errors: [{ address: 'C12' }] },
  ],
});
