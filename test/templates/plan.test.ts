import path from 'path';
import { type Grid, gridFromRows, textAt } from '../../src/core/grid';
import { parseWorkbook } from '../../src/core/parse';
import { ALL_RULES } from '../../src/core/rules';
import { runRuleSet } from '../../src/core/rules/engine';
import { withDefaults } from '../../src/core/settings';
import { findTemplate, renderTemplate, sampleValues } from '../../src/core/templates';
import { applyPlanToGrid } from '../../src/core/templates/applyGrid';
import { planIndicatorCompletion, planNewTable, plannedCells } from '../../src/core/templates/plan';
import { readGridsFromFile } from '../../src/hosts/file/node';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

/** Every non-empty cell of a grid as "row:col" → text. */
function values(g: Grid): Map<string, string> {
  const out = new Map<string, string>();
  g.cells.forEach((r, i) => r?.forEach((_, c) => {
    const t = textAt(g, i, c);
    if (t !== '') out.set(`${i}:${c}`, t);
  }));
  return out;
}

describe('planNewTable', () => {
  const meeting = findTemplate('meeting')!;

  it('inserts a table the parser reads back, with every input listed and shifted content intact', () => {
    const before = gridFromRows('表1', [['已有标题'], ['保留的内容', 1], [null, null, '第三行']]);
    const r = renderTemplate(meeting, { framework: 'caiyu88', year: 2025, budget: 20, projectName: '2025年度全区工作会议经费' });
    const plan = planNewTable(r, { sheet: '表1', row: 1, col: 0, budget: 20 });
    const after = applyPlanToGrid(before, plan);
    // Row 0 stays; rows 1 and 2 move down by the plan height.
    expect(textAt(after, 0, 0)).toBe('已有标题');
    expect(textAt(after, 1 + plan.rows.length, 0)).toBe('保留的内容');
    expect(textAt(after, 2 + plan.rows.length, 2)).toBe('第三行');
    const parsed = parseWorkbook([after]);
    expect(parsed.tables).toHaveLength(1);
    const t = parsed.tables[0];
    expect(t.projectName?.text).toBe('2025年度全区工作会议经费');
    expect(t.budget?.amount).toBe(20);
    expect(t.indicators.slice(0, r.rows.length).map((x) => x.level3.text)).toEqual(r.rows.map((x) => x.level3));
    expect(plan.inputs.map((i) => i.label).sort()).toEqual(['会议次数', '会议次数', '会议费综合定额', '参会人次', '参会人次', '项目编码'].sort());
    const findings = runRuleSet(ALL_RULES, parsed, withDefaults({})).filter((f) => f.severity === 'error');
    const inputErrors = findings.filter((f) => f.ruleId === 'template-input').map((f) => f.message.match(/“【请填写([^】]+)】”/)?.[1]);
    expect(inputErrors.sort()).toEqual(['会议次数', '会议费综合定额', '参会人次'].sort());
    expect(plan.validations.map((v) => v.list[0])).toEqual(['产出指标', '数量指标', '计划标准：']);
    expect(plan.preview[0]).toContain('原有内容整体下移');
  });

  it('with all figures filled and a schedule the inserted table has no error', () => {
    const r = renderTemplate(meeting, { framework: 'caiyu101', year: 2025, values: sampleValues(meeting) });
    const plan = planNewTable(r, { sheet: '表1', row: 0, col: 1, budget: 20, projectCode: '13020925P00000000001', unitName: '999001示例单位本级' });
    const g = applyPlanToGrid(gridFromRows('表1', []), plan);
    expect(plan.inputs).toEqual([]);
    // The schedule is the clerk's: fill it as a clerk would.
    const sched = plan.rows.findIndex((row) => row[1] === '3月底') + 1;
    ['30%', '60%', '90%', '100%'].forEach((v, i) => (g.cells[sched][2 + i] = { value: v, text: v }));
    const parsed = parseWorkbook([g]);
    expect(parsed.tables).toHaveLength(1);
    const loud = runRuleSet(ALL_RULES, parsed, withDefaults({})).filter((f) => f.severity !== 'info');
    expect(loud.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });
});

describe('planIndicatorCompletion on the example workbook', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readGridsFromFile(EXAMPLE);
  });

  it('adds the missing indicators below the block and changes no existing cell', () => {
    const parsed = parseWorkbook(grids);
    const table = parsed.tables.find((t) => t.projectName?.text === '2024年驻村工作队结转经费')!;
    const sheet = grids.find((g) => g.sheetName === table.sheet)!;
    const r = renderTemplate(findTemplate('village-assistance')!, { framework: 'caiyu88', year: 2025, budget: table.budget?.amount });
    const plan = planIndicatorCompletion(table, r);
    expect(plan.writes).toEqual([]); // the example has no fully empty indicator rows
    expect(plan.rows.length).toBe(r.rows.length); // no template name is already in the table
    expect(plan.after).toBe(table.indicators[table.indicators.length - 1].row);
    expect(plan.preview.join('\n')).toContain('凑数指标');
    const after = applyPlanToGrid(sheet, plan);
    const oldValues = values(sheet);
    const newValues = values(after);
    const o = sheet.origin?.row ?? 0;
    for (const [key, text] of oldValues) {
      const [row, col] = key.split(':').map(Number);
      const moved = row + o > plan.after ? row + plan.rows.length : row;
      expect(newValues.get(`${moved}:${col}`)).toBe(text);
    }
    // Every inserted value is where the plan says.
    for (const c of plannedCells(plan)) expect(textAt(after, c.ref.row - o, c.ref.col - (sheet.origin?.col ?? 0))).toBe(String(c.value));
    const reparsed = parseWorkbook([after, ...grids.filter((g) => g !== sheet)]);
    expect(reparsed.tables).toHaveLength(24);
    const t2 = reparsed.tables.find((t) => t.projectName?.text === '2024年驻村工作队结转经费')!;
    expect(t2.indicators.length).toBe(table.indicators.length + plan.rows.length);
  });

  it('fills fully empty indicator rows first, writing only empty cells', () => {
    const grid = gridFromRows('表1', [
      ['项目名称', '测试项目', null, '预算数', 10],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
      ['产出指标', '数量指标', '培训次数', '全年培训次数', '≥4次', '计划标准：年度计划'],
      ['产出指标', '质量指标', null, null, null, null],
    ]);
    const table = parseWorkbook([grid]).tables[0];
    expect(table).toBeDefined();
    const r = renderTemplate(findTemplate('cadre-training')!, { framework: 'caiyu88', year: 2025 });
    const plan = planIndicatorCompletion(table, r);
    expect(plan.writes.length).toBeGreaterThan(0);
    for (const w of plan.writes) expect(textAt(grid, w.ref.row, w.ref.col)).toBe('');
    expect(() => applyPlanToGrid(grid, plan)).not.toThrow();
    expect(() => applyPlanToGrid(grid, { ...plan, writes: [{ ref: { sheet: '表1', row: 2, col: 2, address: 'C3' }, text: 'x' }] })).toThrow('已有内容');
  });
});
