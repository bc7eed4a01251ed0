import type { Criterion, Finding, Severity } from '../../src/core/findings';
import { gradeOf, ruleDeduction, scoreTable } from '../../src/core/score';
import { cleanUnitName, departmentOf } from '../../src/core/department';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import { parseWorkbook } from '../../src/core/parse';
import { formatDuration, progressLine } from '../../src/cli/progress';

const finding = (ruleId: string, severity: Severity, criterion: Criterion, row = 0): Finding => ({
  ruleId,
  severity,
  criterion,
  tableId: 'S!A1',
  ref: { sheet: 'S', row, col: 0, address: `A${row + 1}` },
  message: 'x',
});

describe('scoreTable', () => {
  it('gives a table without findings 100 points, grade 优', () => {
    expect(scoreTable([])).toEqual({ total: 100, grade: '优', byCriterion: { 完整性: 25, 相关性: 25, 适当性: 25, 可行性: 25 } });
  });

  it('deducts once per rule, half again per repeat, up to twice the base', () => {
    expect(ruleDeduction('error', 1)).toBe(6);
    expect(ruleDeduction('error', 2)).toBe(9);
    expect(ruleDeduction('error', 20)).toBe(12);
    expect(ruleDeduction('warning', 3)).toBe(4);
    expect(ruleDeduction('info', 5)).toBe(0);
    const s = scoreTable([
      ...Array.from({ length: 20 }, (_, i) => finding('satisfaction-direction', 'error', '适当性', i)),
      finding('empty-cell', 'warning', '完整性'),
      finding('basis-vague', 'info', '可行性'),
    ]);
    expect(s.byCriterion).toEqual({ 完整性: 23, 相关性: 25, 适当性: 13, 可行性: 25 });
    expect(s.total).toBe(86);
    expect(s.grade).toBe('良');
  });

  it('uses the worst severity of a rule and never takes a criterion below 0', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => finding(id, 'error', '完整性'));
    const s = scoreTable([...many, finding('a', 'warning', '完整性')]);
    expect(s.byCriterion.完整性).toBe(0);
    expect(s.total).toBe(75);
  });

  it('grades 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差', () => {
    expect([100, 90, 89, 80, 79, 60, 59, 0].map(gradeOf)).toEqual(['优', '优', '良', '良', '中', '中', '差', '差']);
  });
});

describe('departmentOf', () => {
  it('drops codes around a unit name and refuses lines that are not names', () => {
    expect(cleanUnitName('203001中共曹妃甸区委组织部本级')).toBe('中共曹妃甸区委组织部本级');
    expect(cleanUnitName('某某县卫生健康局 123001')).toBe('某某县卫生健康局');
    expect(cleanUnitName('单位名称：某某县水利局')).toBe('某某县水利局');
    expect(cleanUnitName('（2025年度）')).toBeNull();
    expect(cleanUnitName('2025年驻村工作队结转经费绩效目标表')).toBeNull();
    expect(cleanUnitName('123456')).toBeNull();
  });

  it('takes the unit line of a table', () => {
    const grid = gridFromSpecs([{ name: '项目甲', unitName: '501001某某县教育局本级', budget: 10, indicators: [['产出指标', '数量指标', '培训人数', '培训人数', '≥100人', '计划标准']] }]);
    const { tables } = parseWorkbook([grid]);
    expect(departmentOf(tables[0])).toBe('某某县教育局本级');
  });
});

describe('progress line', () => {
  it('shows done/total, files per second and the time left', () => {
    expect(progressLine(50, 200, 5000)).toMatch(/^正在检查 \[█{6}░{18}\] 50\/200 · 10\.0 个\/秒 · 剩余约 15 秒$/);
    expect(progressLine(200, 200, 4000)).not.toContain('剩余');
    expect(formatDuration(65)).toBe('1 分 05 秒');
    expect(formatDuration(7300)).toBe('2 小时 01 分');
  });
});
