import { rule } from '../../src/core/rules/description-copy';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [spec(), { name: 'filler rows are left to filler-indicator', spec: withIndicator(6, { 1: '生态效益指标', 2: '生态效益指标', 3: '生态效益指标' }) }],
  invalid: [
    {
      spec: withIndicator(0, { 2: '培训活动次数', 3: '培训活动次数', 4: '≥4次' }),
      errors: [{ address: 'D10', message: '与三级指标名称相同', fixTo: '反映培训活动次数，按全年实际完成数量统计。' }],
    },
    {
      spec: withIndicator(7, { 2: '广大老干部满意度', 3: '广大老干部满意度' }),
      errors: [{ address: 'D17', fixTo: '通过问卷调查反映广大老干部的满意程度，满意度=满意和较满意人数/调查总人数×100%。' }],
    },
    {
      spec: withIndicator(5, { 2: '引导大众认知', 3: ' 引导大众认知 ' }),
      errors: [{ address: 'D15', fixTo: '反映项目在引导大众认知方面产生的社会效益。' }],
    },
    { spec: withIndicator(3, { 2: '大楼维修', 3: '大楼维修' }), errors: [{ fixTo: '反映大楼维修的完成时限，以实际完成时间为准。' }] },
    { spec: withIndicator(3, { 2: '完成时限', 3: '完成时限' }), errors: [{ fixTo: '反映完成时限，以实际完成时间为准。' }] },
  ],
});
