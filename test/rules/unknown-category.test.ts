import { rule } from '../../src/core/rules/unknown-category';
import { ruleTester, spec, withIndicator } from '../helpers/ruleTester';
import { CAIYU_SPEC } from './frameworks-fixtures';

ruleTester.run(rule, {
  valid: [
    spec(),
    CAIYU_SPEC,
    { name: 'missing 指标 suffix and full-width spaces', spec: withIndicator(0, { 0: '产出', 1: '数量　指标' }) },
    withIndicator(7, { 1: '满意度指标' }),
    { name: 'scores of 自评 forms after the name', spec: withIndicator(5, { 0: '效益指标（30分）' }, withIndicator(0, { 0: '产出指标(50分)', 1: '数量指标（权重20%）' })) },
    { name: 'a bracketed note after the name', spec: withIndicator(3, { 1: '时效指标（工期指标、形象进度指标）' }) },
  ],
  invalid: [
    {
      spec: withIndicator(0, { 1: '数最指标' }),
      errors: [{ address: 'B10', message: '是否应为“数量指标”', fixTo: '数量指标' }],
    },
    { spec: withIndicator(5, { 0: '效果指标' }), errors: [{ address: 'A15', message: '是否应为“效益指标”', fixTo: '效益指标' }] },
    { spec: withIndicator(2, { 1: '工作完成情况' }), errors: [{ address: 'B12', message: '请改为' }] },
    {
      name: 'a form whose whole category set is unknown (大庆: 目标完成程度 / 项目实施效益): said once, as an info',
      spec: spec({
        indicators: [
          ['', '目标完成程度', '培训人次', '', '≥300人次', ''],
          ['', '目标完成程度', '培训合格率', '', '≥95%', ''],
          ['', '项目实施效益', '学员满意度', '', '≥90%', ''],
        ],
      }),
      errors: [{ address: 'B10', severity: 'info', message: '不属于已知的指标体系' }],
    },
  ],
});
