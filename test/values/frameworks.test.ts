import {
  ALL_CATEGORY_NAMES,
  CAIYU101,
  CAIYU88,
  FRAMEWORK_LIST,
  frameworkDetection,
  pairValidIn,
  resolveFrameworkId,
  categoryKey,
  detectFramework,
  findLevel1,
  findLevel2,
  suggestName,
} from '../../src/core/frameworks';
import { buildTable, buildWorkbook, spec, type TableSpec } from '../helpers/ruleTester';
import { CAIYU_SPEC } from '../rules/frameworks-fixtures';

describe('frameworks', () => {
  it('are data with the agreed categories', () => {
    expect(CAIYU88.level1.map((l) => l.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(CAIYU88.level1[0].level2.map((l) => l.name)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    expect(CAIYU101.level1.map((l) => l.name)).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
    expect(CAIYU101.level1[0].level2.map((l) => l.name)).toEqual(['经济成本指标', '社会成本指标', '生态环境成本指标']);
    expect(ALL_CATEGORY_NAMES).toContain('可持续影响指标');
  });

  it.each([
    ['数量指标', '数量'],
    ['数量', '数量'],
    ['数量 指标', '数量'],
    ['（数量指标）', '数量'],
    ['服务对象满意度指标', '服务对象满意度'],
    ['数量类指标', '数量'],
    ['产出指标（50分）', '产出'],
    ['产出指标(50分)', '产出'],
    ['数量指标(20)', '数量'],
    ['效益指标30分', '效益'],
    ['★数量指标', '数量'],
    ['一、产出指标', '产出'],
    ['（一）产出指标', '产出'],
    ['产出指标（权重50%）', '产出'],
    ['数量目标', '数量'],
    ['　数量　指标　', '数量'],
    ['1.数量指标', '数量'],
  ])('categoryKey(%s)', (a, b) => expect(categoryKey(a)).toBe(b));

  it('matches names tolerantly', () => {
    expect(findLevel1(CAIYU88, '产出')?.name).toBe('产出指标');
    expect(findLevel1(CAIYU88, '成本指标')).toBeUndefined();
    expect(findLevel2(CAIYU88, '成本')?.level1.name).toBe('产出指标');
    expect(findLevel2(CAIYU101, '经济成本')?.level1.name).toBe('成本指标');
    expect(findLevel2(CAIYU88, '满意度')?.name).toBe('服务对象满意度指标');
    expect(findLevel2(CAIYU88, '可持续影响 指标')?.level1.name).toBe('效益指标');
  });

  it('detects the framework from the table', () => {
    expect(detectFramework(buildTable(spec()))).toBe('caiyu88');
    expect(detectFramework(buildTable(CAIYU_SPEC))).toBe('caiyu101');
  });

  it('suggests the closest name', () => {
    const l2 = CAIYU88.level1.flatMap((l) => l.level2.map((x) => x.name));
    expect(suggestName('数最指标', l2)).toBe('数量指标');
    expect(suggestName('社会效果', l2)).toBe('社会效益指标');
    expect(suggestName('经济效益', l2)).toBe('经济效益指标');
    expect(suggestName('满意', ['产出指标', '效益指标', '满意度指标'])).toBe('满意度指标');
    expect(suggestName('工作完成情况', ['产出指标', '效益指标', '满意度指标'])).toBeUndefined();
  });

  it('are more than two, each with its source', () => {
    expect(FRAMEWORK_LIST.length).toBeGreaterThanOrEqual(5);
    for (const fw of FRAMEWORK_LIST) {
      expect(fw.source.document).toMatch(/号|范本|批复表|申报表/);
      expect(fw.label).not.toMatch(/河北/);
    }
    expect(CAIYU88.source.document).toContain('财政部');
  });

  it('keeps the old setting value as an alias', () => {
    expect(resolveFrameworkId('hebei88')).toBe('caiyu88');
    expect(resolveFrameworkId('caiyu101')).toBe('caiyu101');
    expect(resolveFrameworkId('auto')).toBe('auto');
    expect(resolveFrameworkId('hebei')).toBeUndefined();
  });

  const rows = (pairs: [string, string][]): string[][] =>
    pairs.map(([l1, l2], i) => [l1, l2, `指标${i + 1}`, `指标${i + 1}说明`, '≥1次', '计划标准']);

  it('detects 163号 (满意度 under 效益), scored 自评 names and 投入/过程/产出/效果', () => {
    const t163: TableSpec = {
      ...spec(),
      indicators: rows([
        ['产出指标', '数量指标'],
        ['', '质量指标'],
        ['效益指标', '社会效益指标'],
        ['', '社会公众或服务对象满意度指标'],
      ]),
    };
    expect(detectFramework(buildTable(t163))).toBe('zhuanyi163');
    const scored: TableSpec = {
      ...spec(),
      indicators: rows([
        ['产出指标（50分）', '数量指标'],
        ['', '成本指标'],
        ['效益指标（30分）', '社会效益指标'],
        ['满意度指标（10分）', '服务对象满意度指标'],
      ]),
    };
    expect(detectFramework(buildTable(scored))).toBe('caiyu88');
    const process: TableSpec = {
      ...spec(),
      indicators: rows([
        ['投入', '目标设定'],
        ['过程', '预算执行'],
        ['产出', '职责履行'],
        ['效果', '履职效益'],
      ]),
    };
    const d = frameworkDetection(buildTable(process));
    expect(d.framework.id).toBe('gongxing53');
    expect(d.framework.kind).toBe('evaluation');
  });

  it('accepts a 二级 that is right in any framework the 一级 set fits', () => {
    const table = buildTable({
      ...spec(),
      indicators: rows([
        ['产出指标', '数量指标'],
        ['', '质量指标'],
        ['效益指标', '社会效益指标'],
        ['满意度指标', '服务对象满意度指标'],
      ]),
    });
    const d = frameworkDetection(table);
    expect(d.ambiguous).toBe(false);
    expect(d.fitting.map((f) => f.id)).toEqual(expect.arrayContaining(['caiyu88', 'caiyu101']));
    expect(pairValidIn(d.fitting, '产出指标', '成本指标')).toBe(true);
    expect(pairValidIn(d.fitting, '效益指标', '数量指标')).toBe(false);
  });

  it('asks the workbook when the table alone does not tell', () => {
    const withCost = { ...CAIYU_SPEC, name: '甲项目' };
    const bare: TableSpec = { ...spec(), name: '乙项目', indicators: rows([['', '数量指标'], ['', '质量指标'], ['', '社会效益指标']]) };
    const wb = buildWorkbook([withCost, { ...CAIYU_SPEC, name: '丙项目' }, bare]);
    expect(detectFramework(wb.tables[2], wb)).toBe('caiyu101');
  });
});
