import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_OUT, DEFAULT_SEED, buildExample, parseSeed } from '../../scripts/build-example';
import { tmpDir } from '../fixtures/files';

const seedAvailable = fs.existsSync(DEFAULT_SEED);
const describeSeed = seedAvailable ? describe : describe.skip;

describeSeed('build-example: seed parsing', () => {
  const seed = seedAvailable ? parseSeed(fs.readFileSync(DEFAULT_SEED, 'utf8')) : undefined!;

  it('finds 24 tables with the right indicator counts', () => {
    expect(seed.tables).toHaveLength(24);
    const counts = seed.tables.map((t) => t.indicators.length);
    expect(counts[8]).toBe(7); // table 9
    expect(counts[11]).toBe(6); // table 12
    expect(counts[23]).toBe(1); // table 24, cut off
    expect(counts.filter((n) => n === 9)).toHaveLength(18);
    expect(seed.tables.map((t) => t.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('reads the overview: 4 areas, 6 measures', () => {
    expect(seed.overview.areas).toHaveLength(4);
    expect(seed.overview.areas[0].title).toBe('（一）全面加强党的政治建设');
    expect(seed.overview.areas.every((a) => a.goal.startsWith('绩效目标：') && a.indicators.startsWith('绩效指标：'))).toBe(true);
    expect(seed.overview.measures).toHaveLength(6);
    expect(seed.overview.measures[0]).toMatch(/^（一）完善制度建设。/);
    expect(seed.overview.overall).toMatch(/^2025年，全区组织工作/);
  });

  it('keeps titles without numbering and the fields of table 1', () => {
    const t = seed.tables[0];
    expect(t.title).toBe('2024年驻村工作队结转经费绩效目标表');
    expect(t.unitName).toBe('203001中共曹妃甸区委组织部本级');
    expect(t.projectCode).toBe('13020925P00155810003E');
    expect(t.budget).toBe('39.00');
    expect(t.fiscalLabel).toBe('其中：财政    资金');
    expect(t.other).toBe('');
    expect(t.fundUse).toBe('用于2025年驻村工作队公益性支出');
    expect(t.schedule).toEqual(['25%', '25%', '25%', '25%']);
  });

  it('joins multi-paragraph goals with newlines', () => {
    expect(seed.tables[8].goal).toBe('1.按年初计划安排进行\n2.按年初计划安排进行\n3.按年初计划安排进行');
    expect(seed.tables[5].goal).toBe('1.按年初计划安排\n完成本年度工作');
    expect(seed.tables[4].goal).toBe('1.按年初计划安排\n完成好全年工作');
  });

  it('re-joins rows split by empty paragraphs (tables 8, 19, 23)', () => {
    const row = (t: number, name: string) => seed.tables[t - 1].indicators.find((i) => i.level3 === name);
    for (const [t, name] of [
      [8, '岗位配置率'],
      [19, '经费开支'],
      [23, '岗位配置率'],
    ] as const) {
      expect(row(t, name)).toMatchObject({ description: name, value: '≥90%', basis: expect.stringMatching(/年初计划安排$/) });
    }
    // Every complete row has six cells; continuation rows leave 一级 blank.
    for (const t of seed.tables.slice(0, 23)) {
      for (const ind of t.indicators) expect(ind.level2 && ind.level3 && ind.value && ind.basis).toBeTruthy();
    }
  });

  it('blank schedule cells and the truncated last table', () => {
    expect(seed.tables[12].schedule).toEqual(['', '50%', '75%', '100%']);
    expect(seed.tables[13].schedule).toEqual(['', '', '', '100%']);
    expect(seed.tables[23].indicators[0]).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      level3: '培训活动次数',
      description: '培训活动次数',
      value: '',
      basis: '',
    });
    expect(seed.tables[11].indicators.map((i) => i.value)).toContain('≤98%');
  });

  it('the committed example is exactly what the script builds (npm run build:example)', async () => {
    const out = path.join(tmpDir(), 'example.xlsx');
    await buildExample(DEFAULT_SEED, out);
    expect(fs.readFileSync(out).equals(fs.readFileSync(DEFAULT_OUT))).toBe(true);
  });
});
