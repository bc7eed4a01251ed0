import { gridFromRows, parseRangeAddress, type CellRange, type Grid } from '../../src/core/grid';
import { rule } from '../../src/core/rules/unit-column-clash';
import { ruleTester, spec } from '../helpers/ruleTester';

/**
 * A 四川 自评表 (青神县 2023, test/fixtures/real) with 指标性质 | 指标值 | 度量单位 columns; each row is
 * [三级, 指标性质, 指标值, 度量单位].
 */
function form(rows: [string, string, string, string][]): Grid {
  const head = [
    ['部门预算项目支出绩效自评表（2023年度）'],
    ['项目名称', '51000021R000000019951-工资性支出'],
    ['预算执行情况（10分）', '年度预算数（万元）', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分'],
    [null, '总额', 238.93, 251.89, 251.89, '100.00%', 10, null],
    [null, '其中：财政资金', 238.93, 251.89, 251.89, '100.00%', '/', '/'],
    ['绩效指标（90分）', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分'],
  ];
  const level2 = ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标'];
  const body = rows.map(([name, op, value, unit], i) => [null, i < 4 ? '产出指标' : '效益指标', level2[i] ?? '社会效益指标', name, op, value, unit, null, 10]);
  const merges = ['A1:J1', 'B2:J2', 'A3:A5'].map((m) => parseRangeAddress(m) as CellRange);
  return gridFromRows('项目自评表', [...head, ...body], merges);
}

ruleTester.run(rule, {
  valid: [
    { name: 'real: 青神 value "100" with 度量单位 "%"', grid: form([['发放（缴纳）覆盖率', '=', '100', '%'], ['足额保障率（参保率）', '=', '100', '%']]) },
    {
      name: 'compatible pairs: % with %, 万元 with a bare amount, 人次 with 人, 元/人 with 元',
      grid: form([
        ['工资发放人数', '≥', '120人', '人次'],
        ['发放准确率', '≥', '95%', '%'],
        ['按时发放率', '=', '100', '%'],
        ['工资性支出', '≤', '85.5', '万元'],
        ['人均月工资成本', '≤', '5000元/人', '元'],
      ]),
    },
    { name: 'a unit cell that is no unit ("/", a note)', grid: form([['发放覆盖率', '=', '100%', '/'], ['参保率', '=', '95%', '按参保名册统计']]) },
    { name: 'forms without a 计量单位 column', spec: spec() },
  ],
  invalid: [
    {
      name: 'a percentage with 人 in the unit column',
      grid: form([['工资发放人数', '≥', '≥95%', '人'], ['发放准确率', '=', '100', '%']]),
      errors: [{ address: 'F7', message: '指标值“≥95%”的单位与计量单位栏的“人”不一致' }],
    },
    {
      name: 'money with % in the unit column; time with 个',
      grid: form([['工资发放人数', '≥', '120', '人'], ['发放准确率', '=', '100', '%'], ['发放时限', '≤', '5天', '个'], ['工资性支出', '≤', '251.89万元', '%']]),
      errors: [{ address: 'F9', message: '“个”' }, { address: 'F10', message: '“%”' }],
    },
  ],
});
