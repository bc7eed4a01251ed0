import { rule } from '../../src/core/rules/timeliness-value';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(3, { 4: '2025年12月31日前' }),
    withIndicator(3, { 4: '12月底前' }),
    withIndicator(3, { 2: '维修及时率', 4: '≥95%' }),
    withIndicator(3, { 4: '≤1年' }),
    withIndicator(3, { 2: '按时参加各次会议、培训等活动', 4: '≥90%' }),
    { name: 'a deadline within the year', spec: withIndicator(3, { 2: '项目完成时间', 4: '2025年底前' }) },
    { name: 'a later year than the table names is a deadline', spec: withIndicator(3, { 2: '项目完成时间', 4: '2027年' }, spec({ goal: '2025年启动大楼外墙防水维护，维护面积8571平方米，设施完好率达到95%以上。' })) },
  ],
  invalid: [
    { spec: withIndicator(3, { 2: '相关培训工作完成时间', 4: '≥90%' }), errors: [{ address: 'E13', message: '为百分比，未规定完成时限' }] },
    { spec: withIndicator(3, { 4: '及时' }), errors: [{ address: 'E13', severity: 'warning', message: '未规定具体时限' }] },
    { spec: withIndicator(3, { 4: '按时' }), errors: [{ severity: 'warning' }] },
    { spec: withIndicator(3, { 4: '≥3次' }), errors: [{ message: '不是时间' }] },
    {
      name: 'real: 项目实施时间 = 2021年1月-12月 (四川 广元 申报表) on a one-year project',
      spec: withIndicator(3, { 2: '项目实施时间', 4: '2021年1月-12月' }),
      errors: [{ address: 'E13', severity: 'warning', message: '只重复了预算年度，未规定完成时限' }],
    },
    { name: 'the budget year alone', spec: withIndicator(3, { 2: '项目完成时间', 4: '2025年度' }), errors: [{ severity: 'info', message: '只重复了预算年度' }] },
    { name: '当年 alone', spec: withIndicator(3, { 2: '项目完成时间', 4: '当年' }), errors: [{ severity: 'info' }] },
  ],
});
