import { rule } from '../../src/core/rules/indicators-copied';
import { BASE_SPEC, ruleTester, spec, type TableSpec, withIndicator } from '../helpers/ruleTester';

const other = spec({ name: '干部工作专项经费', title: '干部工作专项经费绩效目标表', code: '13020925P00008110002F' });
const third = spec({ name: '党员教育管理综合经费', title: '党员教育管理综合经费绩效目标表', code: '13020925P00008110003F' });

/** The first two 产出 rows in the other order (一级 stays on the first row). */
const swapFirstTwo = (s: TableSpec): TableSpec => {
  const [a, b, ...rest] = s.indicators;
  return { ...s, indicators: [[a[0], ...b.slice(1)], [b[0], ...a.slice(1)], ...rest] };
};

ruleTester.run(rule, {
  valid: [
    { name: 'one table alone', spec: spec() },
    { name: 'one row differs', spec: spec(), others: [withIndicator(1, { 4: '≥9000平米' }, other)] },
    {
      name: 'common rows (满意度, 完好率) shared, the rest differs',
      spec: spec(),
      others: [withIndicator(0, { 2: '干部调训期数', 4: '≥6期' }, withIndicator(1, { 2: '培训科级干部人次', 4: '≥300人次' }, other))],
    },
    {
      name: 'the same project printed twice (same 项目编码)',
      spec: spec(),
      others: [spec({ name: '老干部活动中心大楼日常维护（调整）', title: '老干部活动中心大楼日常维护调整后绩效目标表' })],
    },
    {
      name: 'sets shorter than five rows coincide by chance',
      spec: spec({ indicators: BASE_SPEC.indicators.slice(0, 4) }),
      others: [{ ...other, indicators: BASE_SPEC.indicators.slice(0, 4) }],
    },
  ],
  invalid: [
    {
      name: 'all eight rows equal in another project',
      spec: spec(),
      others: [other],
      errors: [{ address: 'C10', message: '本表的8个三级指标及指标值与“干部工作专项经费”完全相同' }],
    },
    {
      name: 'equal after normalising the value (≥ written 不低于) and the row order',
      spec: spec(),
      others: [swapFirstTwo(withIndicator(2, { 4: '不低于95%' }, other))],
      errors: [{ address: 'C10' }],
    },
    {
      name: 'copied into two projects',
      spec: spec(),
      others: [other, third],
      errors: [{ message: '与“干部工作专项经费”、“党员教育管理综合经费”完全相同' }],
    },
  ],
});
