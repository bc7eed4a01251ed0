import {
  ALL_CATEGORY_NAMES,
  CAIYU101,
  HEBEI88,
  categoryKey,
  detectFramework,
  findLevel1,
  findLevel2,
  suggestName,
} from '../../src/core/frameworks';
import { buildTable, spec } from '../helpers/ruleTester';
import { CAIYU_SPEC } from '../rules/frameworks-fixtures';

describe('frameworks', () => {
  it('are data with the agreed categories', () => {
    expect(HEBEI88.level1.map((l) => l.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(HEBEI88.level1[0].level2.map((l) => l.name)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
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
  ])('categoryKey(%s)', (a, b) => expect(categoryKey(a)).toBe(b));

  it('matches names tolerantly', () => {
    expect(findLevel1(HEBEI88, '产出')?.name).toBe('产出指标');
    expect(findLevel1(HEBEI88, '成本指标')).toBeUndefined();
    expect(findLevel2(HEBEI88, '成本')?.level1.name).toBe('产出指标');
    expect(findLevel2(CAIYU101, '经济成本')?.level1.name).toBe('成本指标');
    expect(findLevel2(HEBEI88, '满意度')?.name).toBe('服务对象满意度指标');
    expect(findLevel2(HEBEI88, '可持续影响 指标')?.level1.name).toBe('效益指标');
  });

  it('detects the framework from the table', () => {
    expect(detectFramework(buildTable(spec()))).toBe('hebei88');
    expect(detectFramework(buildTable(CAIYU_SPEC))).toBe('caiyu101');
  });

  it('suggests the closest name', () => {
    const l2 = HEBEI88.level1.flatMap((l) => l.level2.map((x) => x.name));
    expect(suggestName('数最指标', l2)).toBe('数量指标');
    expect(suggestName('社会效果', l2)).toBe('社会效益指标');
    expect(suggestName('经济效益', l2)).toBe('经济效益指标');
    expect(suggestName('满意', ['产出指标', '效益指标', '满意度指标'])).toBe('满意度指标');
    expect(suggestName('工作完成情况', ['产出指标', '效益指标', '满意度指标'])).toBeUndefined();
  });
});
