import * as path from 'path';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { parseWorkbook } from '../../src/core/parse';
import type { ParsedWorkbook } from '../../src/core/model';

const EXAMPLE = path.join(__dirname, '../../examples/曹妃甸区委组织部2025绩效目标.xlsx');
const SHEET = '项目支出绩效目标表';

let wb: ParsedWorkbook;
beforeAll(async () => {
  wb = parseWorkbook(await readGridsFromFile(EXAMPLE));
});

const table = (n: number) => wb.tables[n - 1];

describe('example workbook: 24 stacked project tables', () => {
  test('finds all 24 tables on the project sheet in order', () => {
    expect(wb.tables).toHaveLength(24);
    expect(wb.tables.every((t) => t.sheet === SHEET)).toBe(true);
    expect(wb.tables.map((t) => t.index)).toEqual([...Array(24).keys()]);
  });

  test('every table has code, name, budget, schedule, goal', () => {
    for (const t of wb.tables) {
      expect(t.projectCode?.text).toMatch(/^1302092[45]P\w+$/);
      expect(t.projectName?.text).not.toBe('');
      expect(t.budget?.amount).toBeGreaterThan(0);
      expect(t.schedule.map((p) => p.month)).toEqual([3, 6, 10, 12]);
      expect(t.goal?.text).toMatch(/^1\./);
      expect(t.moneyUnit).toBe('万元');
    }
  });

  test('table 1: addresses of identity, money, schedule and indicator cells', () => {
    const t = table(1);
    expect(t.title?.text).toBe('2024年驻村工作队结转经费绩效目标表');
    expect(t.unitName?.text).toBe('203001中共曹妃甸区委组织部本级');
    expect(t.projectCode).toMatchObject({ text: '13020925P00155810003E', ref: { sheet: SHEET, address: 'B3' } });
    expect(t.projectName?.ref.address).toBe('E3');
    expect(t.budget).toMatchObject({ amount: 39, ref: { address: 'C4' } });
    expect(t.fiscal).toMatchObject({ amount: 39, ref: { address: 'E4' } });
    expect(t.other).toMatchObject({ text: '', ref: { address: 'G4' } });
    expect(t.other?.amount).toBeUndefined();
    expect(t.fundUse).toMatchObject({ text: '用于2025年驻村工作队公益性支出', ref: { address: 'B5' } });
    expect(t.schedule.map((p) => [p.label.ref.address, p.value?.ref.address, p.percent])).toEqual([
      ['B6', 'B7', 25],
      ['C6', 'C7', 25],
      ['D6', 'D7', 25],
      ['E6', 'E7', 25],
    ]);
    expect(t.goal?.ref.address).toBe('B8');
    expect(t.indicators).toHaveLength(9);
    const first = t.indicators[0];
    expect([first.level1.ref.address, first.level2.ref.address, first.level3.ref.address]).toEqual(['A10', 'B10', 'C10']);
    expect([first.description.ref.address, first.value.ref.address, first.basis.ref.address]).toEqual(['D10', 'E10', 'F10']);
    expect(first.value.text).toBe('≥90%');
  });

  test('一级 is carried down through merged cells and points at the merged cell', () => {
    const rows = table(1).indicators;
    expect(rows.map((r) => r.level1.text)).toEqual([
      '产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '效益指标', '效益指标', '满意度指标',
    ]);
    expect(rows[2]).toMatchObject({ level1Carried: true, level1: { ref: { address: 'A10' } } });
    expect(rows[4]).toMatchObject({ level1Carried: false, level1: { ref: { address: 'A14' } } });
  });

  test('table 9 lacks 成本 and 可持续影响 rows; multi-line goal kept; cumulative schedule', () => {
    const t = table(9);
    expect(t.indicators.map((r) => r.level2.text)).not.toContain('成本指标');
    expect(t.indicators).toHaveLength(7);
    expect(t.goal?.text.split('\n')).toHaveLength(3);
    expect(t.schedule.map((p) => p.percent)).toEqual([25, 50, 75, 100]);
  });

  test('table 12: ≤ values, money in 效益, long 资金用途', () => {
    const t = table(12);
    expect(t.budget?.amount).toBeCloseTo(355.36);
    expect(t.indicators.map((r) => r.value.text)).toEqual(['≤3100人/次', '≤100%', '≤1年', '≤95%', '≤355.36万元', '≤98%']);
    expect(t.fundUse?.text.startsWith('组织成立老干部书画')).toBe(true);
  });

  test('tables 13 and 14: blank schedule cells read as null, not 0', () => {
    expect(table(13).schedule.map((p) => p.percent)).toEqual([null, 50, 75, 100]);
    expect(table(14).schedule.map((p) => p.percent)).toEqual([null, null, null, 100]);
  });

  test('table 24 is truncated after its first indicator row and says so', () => {
    const t = table(24);
    expect(t.indicators).toHaveLength(1);
    expect(t.indicators[0]).toMatchObject({ level3: { text: '培训活动次数' }, value: { text: '' }, basis: { text: '' } });
    expect(t.notes.map((n) => n.message).join()).toMatch(/截断/);
    expect(t.indicators[0].value.ref.address).toBe(`E${t.indicators[0].row + 1}`);
  });

  test('each table gets a distinct id from its first cell', () => {
    const ids = new Set(wb.tables.map((t) => t.id));
    expect(ids.size).toBe(24);
    expect(table(2).id).toMatch(/^项目支出绩效目标表!A\d+$/);
  });
});

describe('example workbook: 部门整体绩效目标', () => {
  test('overall goal, 4 areas with goal and indicators, 6 measures', () => {
    const o = wb.overview!;
    expect(o.sheet).toBe('部门整体绩效目标');
    expect(o.overall?.text).toMatch(/^2025年，全区组织工作/);
    expect(o.areas.map((a) => a.title.text)).toEqual([
      '（一）全面加强党的政治建设',
      '（二）建设高素质干部队伍',
      '（三）夯实党建引领基层治理',
      '（四）推动人才强区建设',
    ]);
    expect(o.areas.every((a) => a.goal?.text.startsWith('绩效目标') && a.indicators?.text.startsWith('绩效指标'))).toBe(true);
    expect(o.measures).toHaveLength(6);
    expect(o.measures[0].text).toMatch(/^（一）完善制度建设/);
  });
});
