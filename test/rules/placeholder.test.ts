import { rule } from '../../src/core/rules/placeholder';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';

ruleTester.run(rule, {
  valid: [
    spec(),
    withIndicator(2, { 4: '较好' }),
    withIndicator(3, { 4: '2025年12月31日前' }),
    { name: 'real: a ★ core-indicator mark alone (广东 自评表)', spec: withIndicator(1, { 2: '★补助各类瓜果蔬菜种植面积', 4: '29.5亩' }) },
    { name: 'a target in the name that agrees with the value', spec: withIndicator(2, { 2: '设施完好率95%', 4: '≥95%' }) },
  ],
  invalid: [
    {
      spec: withIndicator(0, { 2: '春节慰问劳模人数 **人', 4: '≥50人' }),
      errors: [{ address: 'C10', message: '含占位符“**”' }],
    },
    { spec: withIndicator(0, { 4: '**' }), errors: [{ address: 'E10', message: '是占位符' }] },
    { spec: withIndicator(1, { 4: 'XX平米' }), errors: [{ address: 'E11' }] },
    { spec: withIndicator(2, { 4: '待定' }), errors: [{ address: 'E12' }] },
    { spec: withIndicator(2, { 4: '' }), errors: [{ address: 'E12', message: '指标值为空。请按年度计划填写目标比例，如“≥95%”' }] },
    // The example of what to write follows the indicator: a count is shown a count, never a percentage.
    { spec: withIndicator(0, { 4: '' }), errors: [{ address: 'E10', message: '填写计划数量，如“≥4次”' }] },
    { spec: withIndicator(1, { 4: '' }), errors: [{ address: 'E11', message: '填写目标值，如' }] },
    { spec: withIndicator(3, { 4: '' }), errors: [{ address: 'E13', message: '填写完成时限，如“12月底前”' }] },
    { spec: withIndicator(4, { 4: '' }), errors: [{ address: 'E14', message: '填写金额上限，如“≤85.5万元”' }] },
    { spec: withIndicator(7, { 4: '' }), errors: [{ address: 'E17', message: '填写满意度目标，如“≥90%”' }] },
    { spec: withIndicator(0, { 2: '参训人数', 4: '' }), errors: [{ address: 'E10', message: '如“≥4人”' }] },
    { spec: withIndicator(2, { 5: '×××文件' }), errors: [{ address: 'F12', message: '指标值确定依据' }] },
    {
      name: 'real: template star and target left in the name (湖南 南岳 “*……达标率100%” valued “>=98%”)',
      spec: withIndicator(2, { 2: '*贫困地区旅游基础设施建设质量达标率100%', 4: '>=98%' }),
      errors: [{ address: 'C12', severity: 'warning', message: '保留了模板的标记和目标值“100%”，与指标值“>=98%”不一致' }],
    },
  ],
});
