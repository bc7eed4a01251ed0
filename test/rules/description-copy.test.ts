import { rule } from '../../src/core/rules/description-copy';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

const party = { name: '党员教育管理综合经费', title: '党员教育管理综合经费绩效目标表', fundUse: '用于党员教育培训、教材购置和远程教育站点维护', goal: '全年组织党员集中培训不少于4期，培训党员2000人次' };

ruleTester.run(rule, {
  valid: [spec(), { name: 'filler rows are left to filler-indicator', spec: withIndicator(6, { 1: '生态效益指标', 2: '生态效益指标', 3: '生态效益指标' }) }],
  invalid: [
    {
      name: 'count: unit and records',
      spec: withIndicator(0, { 2: '培训活动次数', 3: '培训活动次数', 4: '≥4次' }),
      errors: [{ address: 'D10', message: '与三级指标名称“培训活动次数”相同', fixTo: '培训活动次数按年度内实际开展的次数统计（单位：次），以工作台账、签到表或验收记录为准。' }],
    },
    {
      name: 'count of people',
      spec: withIndicator(0, { 2: '服务老干部人数', 3: '服务老干部人数', 4: '≥3000人' }),
      errors: [{ fixTo: '服务老干部人数按年度内实际参加或服务的人数统计（单位：人），以工作台账、签到表或验收记录为准。' }],
    },
    {
      name: 'money rate: money over money',
      spec: withIndicator(2, { 2: '资金执行率', 3: '资金执行率', 4: '≥95%' }),
      errors: [{ fixTo: '资金执行率=实际支出金额÷预算安排金额×100%，按年度统计数据计算。' }],
    },
    {
      name: 'survey: who and the formula',
      spec: withIndicator(7, { 2: '广大老干部满意度', 3: '广大老干部满意度' }),
      errors: [{ address: 'D17', fixTo: '通过问卷调查了解广大老干部的满意程度，满意度=表示满意和较满意的人数÷有效问卷总数×100%。' }],
    },
    {
      name: 'rate: numerator and denominator',
      spec: withIndicator(2, { 2: '设施完好率（%）', 3: '设施完好率（%）' }),
      errors: [{ fixTo: '设施完好率=完好（正常运行）的设施设备数÷设施设备总数×100%，按年度统计数据计算。' }],
    },
    { name: 'money: the amount as the cap', spec: withIndicator(4, { 2: '大楼维护费用', 3: '大楼维护费用' }), errors: [{ fixTo: '大楼维护费用按实际支出金额核算，不超过80万元，以财务账目和支付凭证为准。' }] },
    { name: 'unit cost', spec: withIndicator(4, { 2: '人均培训成本', 3: '人均培训成本', 4: '≤200元/人' }), errors: [{ fixTo: '人均培训成本按实际支出金额除以实际人数计算，不超过200元/人，以财务账目和支付凭证为准。' }] },
    { name: 'duration', spec: withIndicator(3, { 2: '大楼维修', 3: '大楼维修' }), errors: [{ fixTo: '大楼维修按实际所用时间计算，不超过3天，以工作记录为准。' }] },
    {
      name: 'deadline',
      spec: withIndicator(3, { 2: '完成时限', 3: '完成时限', 4: '2025年12月底前' }),
      errors: [{ fixTo: '完成时限以验收单或工作记录上的实际完成日期为准，应在2025年12月底前完成。' }],
    },
    { name: 'grade', spec: withIndicator(5, { 2: '活动开展效果', 3: '活动开展效果', 4: '好' }), errors: [{ fixTo: '活动开展效果按“好、较好、一般、较差、差”五档评定，以年度考核或验收结论为准。' }] },
    { name: 'unclear kind: no rewrite offered', spec: withIndicator(5, { 2: '引导大众认知', 3: ' 引导大众认知 ' }), errors: [{ address: 'D15', noFix: true }] },
    { name: 'count valued in %: no rewrite for a wrong value', spec: withIndicator(0, { 2: '培训活动次数', 3: '培训活动次数', 4: '≥90%' }), errors: [{ noFix: true }] },
    {
      name: 'a row the checker calls unrelated gets no rewrite',
      spec: withIndicator(2, { 2: '社区矫正对象报到率', 3: '社区矫正对象报到率' }, spec(party)),
      errors: [{ noFix: true }],
    },
  ],
});
