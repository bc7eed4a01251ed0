import { gridFromRows, parseRangeAddress, type CellRange, type Grid } from '../../src/core/grid';
import { rule } from '../../src/core/rules/annual-goal-copied';
import { ruleTester } from '../helpers/ruleTester';

/**
 * A 湖北 form (青山区 2020, test/fixtures/real) with 中期目标 and 年度目标 side by side and 长期 / 年度 indicator
 * column sets: `mid` and `annual` are the two goals, `values` the [长期, 年度] targets of the rows.
 */
function form(mid: string, annual: string, values: [string, string][]): Grid {
  const rows = [
    ['项目支出绩效目标表'],
    ['（2020年度）'],
    ['项目名称', '教育系统基础设施建设和设备购置'],
    ['主管部门及编码', '[015001]武汉市青山区教育局', null, '实施单位', '武汉市青山区教育局'],
    ['项目资金', '资金总额', '10000万元', '当年资金总额：', '10000万元'],
    [null, '其中：财政拨款', '10000万元', '其中：当年财政拨款', '10000万元'],
    ['总体目标', '中期目标', null, null, '年度目标'],
    [null, mid, null, null, annual],
    ['一级指标', '二级指标（长期）', '三级指标（长期）', '指标值（长期）', '二级指标（年度）', '三级指标（年度）', '指标值（年度）'],
    ['产出指标', '数量指标', '新建改扩建学校数量', values[0][0], '数量指标', '新建改扩建学校数量', values[0][1]],
    ['产出指标', '质量指标', '工程验收合格率', values[1][0], '质量指标', '工程验收合格率', values[1][1]],
    ['满意度指标', '服务对象满意度指标', '学生、家长满意度', values[2][0], '服务对象满意度指标', '学生、家长满意度', values[2][1]],
  ];
  const merges = ['A1:G1', 'A2:G2', 'B3:G3', 'B4:C4', 'E4:G4', 'A5:A6', 'A7:A8', 'B7:D7', 'E7:G7', 'B8:D8', 'E8:G8'];
  return gridFromRows('目标表', rows, merges.map((m) => parseRangeAddress(m) as CellRange));
}

const MID = '优化教育布局，三年内新建改扩建学校6所，全面提升育人质量，实现基础教育持续发展。';
const ANNUAL = '2020年完成2所学校新建改扩建工程并通过验收，学生、家长满意度达到90%以上。';
const MULTI_YEAR: [string, string][] = [['6所', '2所'], ['100%', '100%'], ['≥90%', '≥90%']];
const SAME_TARGETS: [string, string][] = [['2所', '2所'], ['100%', '100%'], ['≥90%', '≥90%']];

ruleTester.run(rule, {
  valid: [
    { name: 'real: 青山 goals differ', grid: form('优化教育布局，推进教育领域综合改革全面提升育人质量实现基础教育持续发展', '按工作计划完成教育局重点项目建设经费预算安排', MULTI_YEAR) },
    { name: 'annual goal of its own', grid: form(MID, ANNUAL, MULTI_YEAR) },
    { name: 'both goals blank', grid: form('', '', MULTI_YEAR) },
  ],
  invalid: [
    {
      name: 'copied on a multi-year project (实施期 targets differ from the annual ones)',
      grid: form(MID, MID, MULTI_YEAR),
      errors: [{ address: 'E8', severity: 'warning', message: '年度绩效目标与实施期（中长期）绩效目标完全相同' }],
    },
    {
      name: 'copied with other punctuation and numbering',
      grid: form(`1.${MID}`, MID.replace(/，/gu, ' '), MULTI_YEAR),
      errors: [{ address: 'E8', severity: 'warning' }],
    },
    {
      name: 'same targets in both column sets: perhaps a one-year project, only a hint',
      grid: form(MID, MID, SAME_TARGETS),
      errors: [{ address: 'E8', severity: 'info' }],
    },
  ],
});
