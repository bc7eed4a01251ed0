import fc from 'fast-check';
import { gridFromRows, type Grid } from '../../src/core/grid';
import { parseWorkbook } from '../../src/core/parse';
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
