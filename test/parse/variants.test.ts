import fc from 'fast-check';
import { gridFromRows, toA1, type Grid } from '../../src/core/grid';
import { parseWorkbook } from '../../src/core/parse';
import { periodMonth } from '../../src/core/parse/labels';
import { validateGrids } from '../../src/core/validate';
import { gridFromSpecs, parseSpec } from '../../src/core/testing/tableSpec';

const indicators = [
  ['产出指标', '数量指标', '培训人次', '全年培训人次', '≥300人次', '计划标准：年度培训计划'],
  ['', '质量指标', '培训合格率', '考试合格人数/参训人数', '≥95%', '历史标准：近三年平均'],
  ['效益指标', '社会效益指标', '参训干部履职能力提升', '培训后测评提升情况', '较好', '其他标准'],
  ['满意度指标', '服务对象满意度指标', '参训学员满意度', '问卷调查', '≥90%', '行业标准'],
];

/** A hand-typed sheet with label variants: full-width, spaces, other wording, no merges. */
function variantGrid(): Grid {
  return gridFromRows('Sheet1', [
    ['项目支出绩效目标申报表'],
    ['填报单位：某某局', null, null, null, '单位：元'],
    ['项 目 名 称', '干部培训', '项目代码', 'ABC123'],
    ['预算资金（万元）', '１２.５', '财政拨款', 12.5, '其它资金', 0],
    ['资金用途', '用于全年干部培训'],
    ['资金支出计划', '一季度', '上半年', '前三季度', '全年'],
    [null, 0.2, '50％', '80', '100%'],
    ['年度绩效目标', '完成干部培训300人次'],
    [],
    ['一级指标', '二级指标', '三级指标', '指标解释', '目标值', '指标值设定依据'],
    ...indicators,
  ]);
}

describe('parser tolerates label variants', () => {
  const t = parseWorkbook([variantGrid()]).tables[0];

  test('identity and money labels in other wordings', () => {
    expect(t.projectName?.text).toBe('干部培训');
    expect(t.projectCode?.text).toBe('ABC123');
    expect(t.budget?.amount).toBe(12.5);
    expect(t.fiscal?.amount).toBe(12.5);
    expect(t.other?.amount).toBe(0);
    expect(t.moneyUnit).toBe('元');
    expect(t.title?.text).toBe('项目支出绩效目标申报表');
  });

  test('explicit 资金用途 label, goal variant, quarter labels and mixed percent cells', () => {
    expect(t.fundUse?.text).toBe('用于全年干部培训');
    expect(t.goal?.text).toBe('完成干部培训300人次');
    expect(t.schedule.map((p) => [p.month, p.percent])).toEqual([
      [3, 20],
      [6, 50],
      [9, 80],
      [12, 100],
    ]);
  });

  test('unmerged blank 一级 cells are carried down from the row above', () => {
    expect(t.indicators.map((r) => r.level1.text)).toEqual(['产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(t.indicators[1]).toMatchObject({ level1Carried: true, level1: { ref: { address: 'A11' } } });
    expect(t.indicators[3].basis.text).toBe('行业标准');
  });

  test('a used range that does not start at A1 keeps sheet addresses', () => {
    const grid = { ...variantGrid(), origin: { row: 4, col: 2 } };
    const shifted = parseWorkbook([grid]).tables[0];
    expect(shifted.projectName?.ref.address).toBe('D7');
    expect(shifted.indicators[0].value.ref.address).toBe('G15');
  });
});

describe('stacked tables', () => {
  test('three tables on one sheet are split at each identity row', () => {
    const grid = gridFromSpecs([
      { name: '甲', indicators },
      { name: '乙', indicators: indicators.slice(0, 2) },
      { name: '丙', indicators },
    ]);
    const wb = parseWorkbook([grid]);
    expect(wb.tables.map((t) => [t.projectName?.text, t.indicators.length])).toEqual([
      ['甲', 4],
      ['乙', 2],
      ['丙', 4],
    ]);
    expect(wb.tables[1].title?.text).toBe('乙绩效目标表');
  });

  test('one table per sheet across sheets', () => {
    const wb = parseWorkbook([gridFromSpecs([{ name: '甲', indicators }], 'A'), gridFromSpecs([{ name: '乙', indicators }], 'B')]);
    expect(wb.tables.map((t) => t.sheet)).toEqual(['A', 'B']);
    expect(wb.tables.map((t) => t.index)).toEqual([0, 1]);
  });

  test('parseSpec round-trips a spec', () => {
    const t = parseSpec({ name: '测试', budget: 20, fiscal: 15, other: 5, indicators });
    expect([t.budget?.amount, t.fiscal?.amount, t.other?.amount]).toEqual([20, 15, 5]);
    expect(t.schedule.map((p) => p.percent)).toEqual([30, 60, 90, 100]);
  });
});

describe('input that holds no table', () => {
  test('no sheets', () => {
    expect(parseWorkbook([]).notes[0].message).toMatch(/没有工作表/);
  });

  test('an unrelated sheet gives a zh-CN note, not a crash', () => {
    const wb = parseWorkbook([gridFromRows('工资表', [['姓名', '工资'], ['张三', 5000]])]);
    expect(wb.tables).toHaveLength(0);
    expect(wb.notes.map((n) => n.message).join('\n')).toMatch(/未识别为绩效目标表：工作表“工资表”/);
  });

  test('a header without identity rows still yields a table with a note-free indicator list', () => {
    const wb = parseWorkbook([gridFromRows('S', [['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'], ...indicators])]);
    expect(wb.tables).toHaveLength(1);
    expect(wb.tables[0].indicators).toHaveLength(4);
  });

  test('a table without an indicator header says so', () => {
    const wb = parseWorkbook([gridFromRows('S', [['项目名称', '某项目'], ['预算数', 10]])]);
    expect(wb.tables[0].notes[0].message).toMatch(/未找到指标表头/);
  });
});

describe('property: the parser never throws', () => {
  const labelish = fc.constantFrom(
    '项目名称', '项目编码', '预算数', '其中：财政资金', '其他资金', '资金支出计划（%）', '3月底', '12月底',
    '绩效目标', '一级指标', '二级指标', '三级指标', '指标值', '产出指标', '≥90%', '', '单位：万元', '预算规模及资金用途',
  );
  const cell = fc.oneof(labelish, fc.string({ maxLength: 6 }), fc.double({ noNaN: true }), fc.constant(null));
  test('on random grids with labels and merges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }),
        fc.array(fc.record({ top: fc.nat(30), left: fc.nat(8), h: fc.nat(3), w: fc.nat(3) }), { maxLength: 5 }),
        (rows, ms) => {
          const merges = ms.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
          const wb = parseWorkbook([gridFromRows('随机', rows, merges)]);
          expect(Array.isArray(wb.tables)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('merged areas far larger than the used range', () => {
  test('a whole-column merge is clipped, not expanded cell by cell', () => {
    const grid = gridFromSpecs([{ name: '甲', indicators }]);
    grid.merges.push({ top: 40, left: 10, bottom: 1048575, right: 16383 });
    // Expanded cell by cell this merge would be 17 billion entries; clipped, it parses like any sheet.
    expect(parseWorkbook([grid]).tables).toHaveLength(1);
  });
});

describe('property: validateGrids never throws and every address matches its row/col', () => {
  const labelish = fc.constantFrom(
    '项目名称', '项 目 名 称', '项目编码：', '预算数', '年度预算数', '资金总额（万元）', '其中：财政拨款', '其他资金', '实施期资金总额',
    '年度资金总额', '资金用途', '主要内容', '资金支出计划（%）', '3月底', '一季度', '上半年', '全年', '绩效目标', '实施期目标', '年度目标',
    '一级指标', '二级指标', '三级指标', '指标解释', '指标值', '年度指标值', '实施期指标值', '指标值设定依据', '产出指标', '成本指标',
    '经济成本指标', '数量指标', '满意度指标', '≥90%', '＞＝９０％', '≧95%', '39万元', '1,200.00', '注：以上为累计数', '填报人：张三',
    '联系电话：', '序号', '附件2-1', '某某绩效目标表', '单位：万元', '预算规模及资金用途', '\u3000', '',
    '项目名称：甲', '预算数（万元）：30', '其中：财政资金：', '上年结转资金', '其中：当年财政拨款', '1-3月', '实施期', '年度',
  );
  const cell = fc.oneof(
    { weight: 4, arbitrary: labelish },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) },
    { weight: 2, arbitrary: fc.constant(null) },
  );
  test('on random label-ish grids with random merges and origins', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 32 }),
        fc.array(fc.record({ top: fc.nat(32), left: fc.nat(9), h: fc.nat(4), w: fc.nat(3) }), { maxLength: 8 }),
        fc.option(fc.record({ row: fc.nat(5), col: fc.nat(3) }), { nil: undefined }),
        fc.constantFrom('cumulative', 'per-period') as fc.Arbitrary<'cumulative' | 'per-period'>,
        (rows, ms, origin, schedule) => {
          const dr = origin?.row ?? 0;
          const dc = origin?.col ?? 0;
          const merges = ms.map((m) => ({ top: m.top + dr, left: m.left + dc, bottom: m.top + dr + m.h, right: m.left + dc + m.w }));
          const grid: Grid = { ...gridFromRows('随机', rows, merges), ...(origin ? { origin } : {}) };
          const { parsed, findings } = validateGrids([grid], { schedule, midYearMinimum: 50 });
          for (const f of findings) {
            expect(f.ref.address).toBe(toA1(f.ref.row, f.ref.col));
            expect(f.message).not.toContain('检查本表时出错');
            if (f.fix) expect(f.fix.ref.address).toBe(toA1(f.fix.ref.row, f.fix.ref.col));
          }
          for (const n of parsed.notes) if (n.ref) expect(n.ref.address).toBe(toA1(n.ref.row, n.ref.col));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('layouts from real templates (one test per parser fix)', () => {
  const header6 = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
  const rows = [
    ['产出指标', '数量指标', '培训人次', '全年培训人次', '≥300人次', '计划标准'],
    ['满意度指标', '服务对象满意度指标', '学员满意度', '问卷调查', '≥90%', '历史标准'],
  ];

  test('a label typed with a trailing colon ("项目编号：") is a label', () => {
    const t = parseWorkbook([gridFromRows('S', [['项目名称：', '甲项目', '项目编号：', 'X-1'], ['预算数：', 5], header6, ...rows])]).tables[0];
    expect([t.projectName?.text, t.projectCode?.text, t.budget?.amount]).toEqual(['甲项目', 'X-1', 5]);
  });

  test('主要内容 / 项目主要内容 are 资金用途', () => {
    const t = parseWorkbook([gridFromRows('S', [['项目名称', '甲'], ['项目主要内容', '用于培训'], header6, ...rows])]).tables[0];
    expect(t.fundUse).toMatchObject({ text: '用于培训', ref: { address: 'B2' } });
  });

  test('中长期 money: the 实施期 column is skipped even when it is right of the 年度 one', () => {
    const t = parseWorkbook([
      gridFromRows('S', [
        ['项目名称', '甲'],
        ['年度资金总额', 30, '实施期资金总额', 90],
        ['其中：财政拨款', 20, '其中：财政拨款', 60],
        ['其他资金', 10, '其他资金', 30],
        header6,
        ...rows,
      ]),
    ]).tables[0];
    expect([t.budget?.ref.address, t.fiscal?.ref.address, t.other?.ref.address]).toEqual(['B2', 'B3', 'B4']);
    expect([t.budget?.amount, t.fiscal?.amount, t.other?.amount]).toEqual([30, 20, 10]);
  });

  test('中长期 goals as column titles: the text under 年度目标 is the goal', () => {
    const t = parseWorkbook([
      gridFromRows('S', [['项目名称', '甲'], ['总体目标', '实施期目标', '年度目标'], [null, '三年完成', '今年完成一半'], header6, ...rows]),
    ]).tables[0];
    expect(t.goal).toMatchObject({ text: '今年完成一半', ref: { address: 'C3' } });
  });

  test('年度 / 实施期 goal rows: only the 年度 row is the goal', () => {
    const t = parseWorkbook([
      gridFromRows('S', [['项目名称', '甲'], ['实施期绩效目标', '三年完成'], ['年度绩效目标', '今年完成一半'], header6, ...rows]),
    ]).tables[0];
    expect(t.goal).toMatchObject({ text: '今年完成一半', ref: { address: 'B3' } });
  });

  test('the 附件 mark is skipped and the 绩效目标表 line is the title even when it is not first', () => {
    const t = parseWorkbook([
      gridFromRows('S', [['附件3'], ['某某局'], ['项目支出绩效目标表（2025年度）'], ['项目名称', '甲'], header6, ...rows]),
    ]).tables[0];
    expect(t.title).toMatchObject({ text: '项目支出绩效目标表（2025年度）', ref: { address: 'A3' } });
    expect(t.unitName).toMatchObject({ text: '某某局', ref: { address: 'A2' } });
  });

  test('注 and 填报人 lines end the grid and are not the next table heading', () => {
    const wb = parseWorkbook([
      gridFromRows('S', [
        ['项目名称', '甲'],
        header6,
        ...rows,
        ['填报人：张三', null, '联系电话：123', null, '审核人：李四'],
        ['注：指标值须含单位'],
        [],
        ['乙绩效目标表'],
        ['项目名称', '乙'],
        header6,
        ...rows,
      ]),
    ]);
    expect(wb.tables.map((t) => [t.top + 1, t.indicators.length, t.title?.text])).toEqual([
      [1, 2, undefined],
      [8, 2, '乙绩效目标表'],
    ]);
  });

  test('a list header (序号 | 项目名称 | 主管部门 …, or 项目名称 | 预算数 | 财政资金) opens no table', () => {
    const list = gridFromRows('清单', [['序号', '项目名称', '主管部门', '预算数'], [1, '甲', '区委', 5]]);
    const pivot = gridFromRows('透视', [['项目名称', '预算数', '其中：财政资金'], ['甲', 5, 5]]);
    const wb = parseWorkbook([list, pivot]);
    expect(wb.tables).toHaveLength(0);
    expect(wb.notes.filter((n) => n.sheet !== '清单' || n.ref).map((n) => [n.sheet, n.ref?.address])).toEqual([
      ['清单', 'A1'],
      ['透视', 'A1'],
    ]);
    expect(wb.notes[0].message).toMatch(/项目清单或汇总表/);
    // A real identity row with an empty name is still a table.
    expect(parseWorkbook([gridFromRows('S', [['项目名称', null, '项目编码', 'X'], header6, ...rows])]).tables).toHaveLength(1);
  });

  test('a header without 描述/依据 columns: nothing is borrowed from neighbours, one note', () => {
    const t = parseWorkbook([
      gridFromRows('S', [['项目名称', '甲'], ['一级指标', '二级指标', '三级指标', '指标值', '备注'], ['产出指标', '数量指标', '培训人次', '≥300人次', '无']]),
    ]).tables[0];
    expect(t.indicators[0]).toMatchObject({ value: { text: '≥300人次', ref: { address: 'D3' } }, description: { text: '' }, basis: { text: '' } });
    expect(t.indicators[0].description.ref.col).toBeGreaterThanOrEqual(5);
    expect(t.indicatorHeader?.refs.description).toBeUndefined();
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0]).toMatchObject({ ref: { address: 'A2' }, message: expect.stringMatching(/没有“绩效指标描述”“指标值确定依据”列/) });
  });

  test('a blank or unfamiliar header title in the standard position is still read', () => {
    const t = parseWorkbook([
      gridFromRows('S', [
        ['项目名称', '甲'],
        ['一级指标', '二级指标', '三级指标', null, '年度指标值（含单位）', '指标依据'],
        ['产出指标', '数量指标', '培训人次', '全年培训人次', '≥300人次', '计划标准'],
      ]),
    ]).tables[0];
    expect(t.indicators[0]).toMatchObject({
      description: { text: '全年培训人次', ref: { address: 'D3' } },
      value: { text: '≥300人次', ref: { address: 'E3' } },
      basis: { text: '计划标准', ref: { address: 'F3' } },
    });
    expect(t.notes).toEqual([]);
  });

  test('a two-row header: 年度 under a merged 指标值 is the value column; header merges are not values', () => {
    const grid = gridFromRows(
      'S',
      [
        ['项目名称', '甲'],
        ['一级指标', '二级指标', '三级指标', '指标值', null, '指标值确定依据'],
        [null, null, null, '实施期', '年度', null],
        ['产出指标', '数量指标', '培训人次', '≥900人次', '≥300人次', '计划标准'],
      ],
      [
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 5, bottom: 2, right: 5 },
      ],
    );
    const t = parseWorkbook([grid]).tables[0];
    expect(t.indicators).toHaveLength(1);
    expect(t.indicators[0]).toMatchObject({
      level1: { text: '产出指标', ref: { address: 'A4' } },
      value: { text: '≥300人次', ref: { address: 'E4' } },
      basis: { text: '计划标准', ref: { address: 'F4' } },
    });
    expect(t.indicatorHeader?.refs.value?.address).toBe('E3');
  });

  test('三级 merged across the 描述 column: 描述 is empty, not a copy of the 三级 name', () => {
    const grid = gridFromRows(
      'S',
      [['项目名称', '乙'], header6, ['产出指标', '数量指标', '培训人次', null, '≥300人次', '计划标准']],
      [{ top: 2, left: 2, bottom: 2, right: 3 }],
    );
    const row = parseWorkbook([grid]).tables[0].indicators[0];
    expect(row).toMatchObject({ level3: { text: '培训人次', ref: { address: 'C3' } }, description: { text: '', ref: { address: 'C3' } } });
  });

  test('当年财政拨款 + 上年结转资金 (central 101号 form) add up to 年度资金总额: no false budget-sum error', () => {
    const grid = gridFromRows('S', [
      ['项目名称', '甲'],
      ['项目资金（万元）', '年度资金总额', 30],
      [null, '其中：当年财政拨款', 20],
      [null, '上年结转资金', 10],
      [null, '其他资金', null],
      header6,
      ...rows,
    ]);
    const { parsed, findings } = validateGrids([grid]);
    expect(parsed.tables[0].fiscal).toMatchObject({ text: '20', amount: 20, ref: { address: 'C3' } });
    expect(parsed.tables[0].carryover).toMatchObject({ amount: 10, ref: { address: 'C4' } });
    expect(findings.filter((f) => f.ruleId === 'budget-sum')).toEqual([]);

    const wrong = structuredClone(grid);
    wrong.cells[1][2] = { value: 35, text: '35' };
    const sumErrors = validateGrids([wrong]).findings.filter((f) => f.ruleId === 'budget-sum');
    expect(sumErrors.map((f) => f.message)).toEqual([expect.stringMatching(/上年结转资金“10”与其他资金.*之和30/)]);
  });

  test('label and value typed in one cell ("项目名称：甲") open a table and point at that cell', () => {
    const t = parseWorkbook([
      gridFromRows('S', [['项目名称：干部培训', null, '主管部门：组织部'], ['预算数（万元）：30', null, '其中：财政资金：30'], ['绩效目标：全年培训300人次'], header6, ...rows]),
    ]).tables[0];
    expect(t.top).toBe(0);
    expect(t.projectName).toMatchObject({ text: '干部培训', ref: { address: 'A1' } });
    expect(t.budget).toMatchObject({ amount: 30, ref: { address: 'A2' } });
    expect(t.fiscal).toMatchObject({ amount: 30, ref: { address: 'C2' } });
    expect(t.goal).toMatchObject({ text: '全年培训300人次', ref: { address: 'A3' } });
    expect(t.title).toBeUndefined();
  });

  test('a labelled line above the grid is never taken as the title', () => {
    const t = parseWorkbook([gridFromRows('S', [['绩效目标', '完成培训'], header6, ...rows])]).tables[0];
    expect(t.title).toBeUndefined();
    expect(t.goal?.text).toBe('完成培训');
  });

  test('period labels counted from January or "截至…"', () => {
    expect(['1-3月', '1—6月', '1至9月', '1-12月', '截至3月底', '截止6月末'].map((k) => periodMonth(k))).toEqual([3, 6, 9, 12, 3, 6]);
  });

  test('schedule typed as whole numbers: 1 next to 50 and 100 is 1%, not 100%', () => {
    const t = parseWorkbook([
      gridFromRows('S', [['项目名称', '甲'], ['资金支出计划', '3月底', '6月底', '9月底', '12月底'], [null, 0, 1, 50, 100], header6, ...rows]),
    ]).tables[0];
    expect(t.schedule.map((p) => p.percent)).toEqual([0, 1, 50, 100]);
    const fractions = parseWorkbook([
      gridFromRows('S', [['项目名称', '甲'], ['资金支出计划', '3月底', '12月底'], [null, 0.5, 1], header6, ...rows]),
    ]).tables[0];
    expect(fractions.schedule.map((p) => p.percent)).toEqual([50, 100]);
  });
});
