/**
 * Column model of the indicator grid: tolerant titles, extra columns, two-row headers, graded tables,
 * names under 二级, and no column grabbed because its title merely contains a hint character.
 */
import { gridFromRows } from '../../src/core/grid';
import { classifyTitle, coreTitle } from '../../src/core/parse/columns';
import { hasColumn, parseWorkbook } from '../../src/core/parse';
import { validateGrids } from '../../src/core/validate';

const one = (rows: (string | number | null)[][], merges: { top: number; left: number; bottom: number; right: number }[] = []) => {
  const wb = parseWorkbook([gridFromRows('S', rows, merges)]);
  expect(wb.tables).toHaveLength(1);
  return wb.tables[0];
};

describe('titles', () => {
  test.each([
    ['★三级指标', 'level3'],
    ['*一级指标', 'level1'],
    ['三级指标（必填）', 'level3'],
    ['指标值(含单位)', 'value'],
    ['年度指标值（数值）', 'value'],
    ['指标值（%）', 'value'],
    ['分值(100分)', 'weight'],
    ['权重（%）', 'weight'],
    ['指标值类型', 'valueType'],
    ['指标性质', 'valueType'],
    ['计量单位', 'unit'],
    ['度量标准', 'standard'],
    ['上年实际值', 'priorActual'],
    ['全年实际值', 'actual'],
    ['实际完成值', 'actual'],
    ['得分', 'score'],
    ['偏差原因分析及改进措施', 'deviation'],
    ['实施期指标值', 'midTermValue'],
    ['指标值（长期）', 'midTermValue'],
    ['二级指标（年度）', 'level2'],
    ['指标值设定依据', 'basis'],
    ['指标依据', 'basis'],
    ['一 级 指 标', 'level1'],
    ['（★）三级指标名称', 'level3'],
  ])('%s → %s', (title, key) => {
    expect(classifyTitle(title)).toBe(key);
  });

  test('stars, bracketed notes and trailing colons are dropped; the core stays', () => {
    expect(coreTitle('★三级指标（必填）：')).toBe('三级指标');
    expect(coreTitle('指标值【含单位】')).toBe('指标值');
  });

  test('a title that merely contains a hint character is no column', () => {
    for (const t of ['指标值类型', '分值', '备注（描述见附件）', '评分标准', '实施期目标值']) expect(classifyTitle(t)).not.toBe('value');
    expect(classifyTitle('备注（描述见附件）')).toBe('remark');
    expect(classifyTitle('说明')).not.toBe('description');
  });
});

describe('column model', () => {
  const row = ['产出指标', '数量指标', '培训人次', '全年培训人次', '≥300人次', '计划标准'];

  test('decorated titles, any order, full-width: every cell at its column', () => {
    const t = one([
      ['项目名称', '甲'],
      ['★指标值（含单位）', '＊一级指标', '二级指标（必填）', '三级指标', '指标值设定依据', '绩效指标描述'],
      ['≥300人次', '产出指标', '数量指标', '培训人次', '计划标准', '全年培训人次'],
    ]);
    expect(t.indicators[0]).toMatchObject({
      level1: { text: '产出指标', ref: { address: 'B3' } },
      level3: { text: '培训人次', ref: { address: 'D3' } },
      value: { text: '≥300人次', ref: { address: 'A3' } },
      description: { ref: { address: 'F3' } },
      basis: { ref: { address: 'E3' } },
    });
    expect(t.notes).toEqual([]);
  });

  test('extra columns are kept as typed fields; a 分值 or 指标值类型 column is never read as 指标值', () => {
    const t = one([
      ['项目名称', '甲'],
      ['一级指标', '二级指标', '三级指标', '指标值类型', '分值', '年度指标值', '计量单位', '实际完成值', '得分', '偏差原因及改进措施'],
      ['产出指标', '数量指标', '培训人次', '定量', 10, '≥300', '人次', '320', 10, null],
    ]);
    const r = t.indicators[0];
    expect(r.value).toMatchObject({ text: '≥300', ref: { address: 'F3' } });
    expect(r.extra?.valueType?.text).toBe('定量');
    expect(r.extra?.weight?.ref.address).toBe('E3');
    expect(r.extra?.unit?.text).toBe('人次');
    expect(r.extra?.actual?.text).toBe('320');
    expect(r.extra?.score?.ref.address).toBe('I3');
    expect(hasColumn(t, 'unit')).toBe(true);
    expect(hasColumn(t, 'description')).toBe(false);
    expect(r.description.absent).toBe(true);
  });

  test('no 一级 column, no 描述: nothing invented, absent fields point outside the table, no finding outside it', () => {
    const grid = gridFromRows('S', [
      ['项目名称', '甲'],
      ['二级指标', '三级指标', '指标值'],
      ['数量指标', '培训人次', '≥300人次'],
      ['质量指标', '培训合格率', '≥95%'],
      ['满意度指标', '学员满意度', '≥90%'],
    ]);
    const { parsed, findings } = validateGrids([grid]);
    const t = parsed.tables[0];
    expect(t.indicators[0].level1.absent).toBe(true);
    expect(t.indicators[0].level1.ref.col).toBeGreaterThan(t.right!);
    expect(hasColumn(t, 'level1')).toBe(false);
    for (const f of findings) expect(f.ref.col).toBeLessThanOrEqual(t.right!);
  });

  test('the indicator name under the 二级 title (no 三级 column) is read as 三级', () => {
    const t = one([
      ['项目名称', '甲'],
      ['一级指标', '二级指标', '指标值'],
      ['数量指标', '培训人次', '≥300人次'],
      ['质量指标', '培训合格率', '≥95%'],
    ]);
    expect(t.indicators.map((r) => [r.level2.text, r.level3.text, r.level3.ref.address])).toEqual([
      ['数量指标', '培训人次', 'B3'],
      ['质量指标', '培训合格率', 'B4'],
    ]);
    expect(t.indicators[0].level1.absent).toBe(true);
  });

  test('a two-row header: 年度指标值 over 目标值 | 实际值 keeps the upper row', () => {
    const t = one(
      [
        ['项目名称', '甲'],
        ['一级指标', '二级指标', '三级指标', '年度指标值', null, '得分'],
        [null, null, null, '目标值', '实际值', null],
        row.slice(0, 3).concat(['≥300人次', '320人次', '10']),
      ],
      [
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 5, bottom: 2, right: 5 },
      ],
    );
    expect(t.indicators).toHaveLength(1);
    expect(t.indicators[0].value).toMatchObject({ text: '≥300人次', ref: { address: 'D4' } });
    expect(t.indicators[0].extra?.actual).toMatchObject({ text: '320人次', ref: { address: 'E4' } });
    expect(t.columns?.find((c) => c.key === 'value')?.title).toBe('年度指标值/目标值');
  });

  test('a graded table (指标 | 优 | 良 | 中 | 差, no 一/二级 words) is an indicator grid', () => {
    const t = one([
      ['项目名称', '甲'],
      ['考核指标', '优', '良', '中', '差'],
      ['培训完成率', '≥95%', '≥90%', '≥80%', '<80%'],
      ['学员满意度', '≥95%', '≥90%', '≥85%', '<85%'],
    ]);
    expect(t.indicators.map((r) => r.level3.text)).toEqual(['培训完成率', '学员满意度']);
    expect(t.indicators[0].grades?.map((g) => g.text)).toEqual(['≥95%', '≥90%', '≥80%', '<80%']);
    expect(hasColumn(t, 'value')).toBe(false);
    expect(t.indicators[0].value.absent).toBe(true);
  });

  test('stacked 实施期 and 年度 blocks of one project are one table with a part', () => {
    const header = ['一级指标', '二级指标', '三级指标', '指标值'];
    const wb = parseWorkbook([
      gridFromRows('S', [
        ['项目名称', '甲'],
        ['实施期绩效指标'],
        header,
        ['产出指标', '数量指标', '培训人次', '≥900人次'],
        ['年度绩效指标'],
        header,
        ['产出指标', '数量指标', '培训人次', '≥300人次'],
      ]),
    ]);
    expect(wb.tables).toHaveLength(1);
    const t = wb.tables[0];
    expect(t.indicators.map((r) => r.value.text)).toEqual(['≥300人次']);
    expect(t.parts?.map((p) => [p.kind, p.label?.text, p.indicators[0].value.text])).toEqual([['midTerm', '实施期绩效指标', '≥900人次']]);
  });

  test('a 自评 table of the same project right under its 申报 table is one table with a 自评 part', () => {
    const wb = parseWorkbook([
      gridFromRows('S', [
        ['项目支出绩效目标申报表'],
        ['项目名称', '乡村道路养护'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '养护里程', '≥20公里'],
        [],
        ['项目支出绩效自评表'],
        ['项目名称', '乡村道路养护'],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分'],
        ['产出指标', '数量指标', '养护里程', '≥20公里', '21公里', 10],
      ]),
    ]);
    expect(wb.tables).toHaveLength(1);
    const t = wb.tables[0];
    expect(t.indicators[0].value.ref.address).toBe('D4');
    expect(t.parts?.map((p) => [p.kind, p.indicators[0].extra?.actual?.text])).toEqual([['selfEval', '21公里']]);
    expect(t.bottom).toBe(8);
  });

  test('two separate projects stay two tables', () => {
    const header = ['一级指标', '二级指标', '三级指标', '指标值'];
    const wb = parseWorkbook([
      gridFromRows('S', [header, ['产出指标', '数量指标', '培训人次', '≥300人次'], [], header, ['产出指标', '数量指标', '会议次数', '≥4次']]),
    ]);
    expect(wb.tables).toHaveLength(2);
  });
});

describe('parser confidence', () => {
  test('two unqualified 指标值 columns: the table says once what it could not read, and indicator rules stay silent', () => {
    const grid = gridFromRows('S', [
      ['项目名称', '甲'],
      ['一级指标', '二级指标', '三级指标', '指标值', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥300人次', '≥9%'],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≤98%', '≥90%'],
    ]);
    const { parsed, findings } = validateGrids([grid]);
    const t = parsed.tables[0];
    expect(t.uncertain).toEqual(['indicators']);
    expect(t.notes.filter((n) => /未能可靠读取/.test(n.message))).toHaveLength(1);
    expect(t.notes.find((n) => /未能可靠读取/.test(n.message))?.message).toMatch(/两列“指标值”/);
    const headerRow = t.indicatorHeader!.row;
    expect(findings.filter((f) => f.ref.row >= headerRow)).toEqual([]);
  });

  test('a 资金支出计划 label without readable periods: the schedule is unsure', () => {
    const t = one([
      ['项目名称', '甲'],
      ['资金支出计划（%）', '按进度拨付'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥300人次'],
    ]);
    expect(t.uncertain).toEqual(['schedule']);
    expect(t.notes.map((n) => n.message).join()).toMatch(/资金支出计划栏中没有可识别的时间节点/);
  });

  test('a 资金来源 block: read by row and column titles (latest year, not the prior-year column), 小计 skipped', () => {
    const t = one([
      ['项目名称', '甲'],
      ['资金来源', null, '2024年预算数', '2025年预算数', '2024年执行数'],
      [null, '合计', 120, 150, 110],
      [null, '其中：财政拨款', 100, 130, 95],
      [null, '其他资金', 20, 20, 15],
      ['资金构成', '财政资金', '小计', 130],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥300人次'],
    ]);
    expect([t.budget?.ref.address, t.budget?.amount]).toEqual(['D3', 150]);
    expect([t.fiscal?.ref.address, t.fiscal?.amount]).toEqual(['D4', 130]);
    expect([t.other?.ref.address, t.other?.amount]).toEqual(['D5', 20]);
    expect(t.uncertain).toBeUndefined();
  });

  test('财政资金 | 小计 | 80: the amount right of 小计', () => {
    const t = one([
      ['项目名称', '甲'],
      ['预算数', 100, '财政资金', '小计', 80, '其他资金', 20],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥300人次'],
    ]);
    expect([t.fiscal?.ref.address, t.fiscal?.amount]).toEqual(['E2', 80]);
  });

  test('a money block whose columns hold no budget column: budget is unsure, budget rules stay silent', () => {
    const grid = gridFromRows('S', [
      ['项目名称', '甲'],
      ['项目资金', null, '全年执行数', '执行率', '得分'],
      [null, '年度资金总额', 90, '100%', 10],
      [null, '其中：财政拨款', 80, '100%', null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥300人次'],
    ]);
    const { parsed, findings } = validateGrids([grid]);
    expect(parsed.tables[0].uncertain).toEqual(['budget']);
    expect(findings.filter((f) => f.ruleId === 'budget-sum')).toEqual([]);
  });
});

describe('forms of other provinces (issue 9, real-form corpus)', () => {
  test('a flat list without 一级/二级 columns (指标 | 指标权重 | 计量单位 | 指标性质 | 指标值) is an indicator grid', () => {
    const t = one([
      ['专项资金名称', '村干部补助'],
      ['当年预算', 9.31],
      ['当年绩效目标', '按月足额发放村干部报酬。'],
      ['绩效指标', '指标', '指标权重', '计量单位', '指标性质', '指标值'],
      [null, '按月发放', 20, '次', '=', '1'],
      [null, '领取补助人数', 20, '人', '≥', '100'],
    ]);
    expect(t.goal?.text).toBe('按月足额发放村干部报酬。');
    expect(t.indicators.map((r) => [r.level3.text, r.value.text])).toEqual([['按月发放', '1'], ['领取补助人数', '100']]);
    expect(t.indicators[0].level1.absent && t.indicators[0].level2.absent).toBe(true);
  });

  test('"绩效指标" over a two-row header is a group title, not a flat list', () => {
    const t = one(
      [
        ['项目名称', '甲'],
        ['绩效指标', null, null, '年度指标值', null, '分值'],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', null],
        ['产出指标', '数量指标', '培训人次', '≥', '300', 10],
      ],
      [{ top: 1, left: 0, bottom: 1, right: 2 }, { top: 1, left: 3, bottom: 1, right: 4 }, { top: 1, left: 5, bottom: 2, right: 5 }],
    );
    expect(t.indicators.map((r) => [r.level1.text, r.level3.text, r.value.text])).toEqual([['产出指标', '培训人次', '300']]);
  });

  test('absent columns point past titles merged down from the row above, never at a used column', () => {
    const t = one(
      [
        ['项目名称', '甲'],
        ['绩效指标', null, null, '年度指标值', null, '实际完成值', '分值'],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', null, null],
        ['产出指标', '数量指标', '培训人次', '≥', '300', '320', 10],
      ],
      [
        { top: 1, left: 0, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 2, right: 5 },
        { top: 1, left: 6, bottom: 2, right: 6 },
      ],
    );
    const row = t.indicators[0];
    expect(row.description.absent).toBe(true);
    expect(row.description.ref.col).toBeGreaterThan(6);
    expect(row.basis.ref.col).toBeGreaterThan(6);
  });

  test('其他需要说明事项 | 总分 closes the grid; a starred label is still a label', () => {
    const t = one([
      ['项目名称', '甲'],
      ['*年度总体绩效目标', '完成培训300人次。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥300人次'],
      ['其他需要说明事项', '无', '总分', 100],
    ]);
    expect(t.goal?.text).toBe('完成培训300人次。');
    expect(t.indicators.map((r) => r.level3.text)).toEqual(['培训人次']);
  });

  test('two name titles without a second 二级 or 指标值 are not a 实施期 set: unsure, said once', () => {
    const { parsed, findings } = validateGrids([
      gridFromRows('S', [
        ['评价指标', '评价内容', '指标名称', '指标说明', '目标值', '分值'],
        ['项目年度绩效目标', '产出数量指标', '享受资助人数', '达到预计值', '2100', 10],
      ]),
    ]);
    const t = parsed.tables[0];
    expect(t.uncertain).toEqual(['indicators']);
    expect(t.notes.filter((n) => /未能可靠读取/.test(n.message))).toHaveLength(1);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
