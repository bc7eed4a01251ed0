/** 删除此行 and comment sizes through the WPS host, on the ET fake (both member styles). */
import type { Finding } from '../../src/core/findings';
import { isRowDeletion } from '../../src/core/findings';
import { findingsAfterDeletion } from '../../src/core/rowDelete';
import { type TableSpec, gridFromSpecs } from '../../src/core/testing/tableSpec';
import { validateGrids } from '../../src/core/validate';
import { createWpsHost } from '../../src/hosts/wps';
import type { EtApplication } from '../../src/hosts/wps/et';
import { BASE_SPEC } from '../helpers/ruleTester';
import { FakeEt } from './fakeEt';

/** The base table with a filler 生态效益 row after its 社会效益 row, a reversed 满意度 below it, and a second table. */
const withFiller: TableSpec = {
  ...BASE_SPEC,
  indicators: [
    ...BASE_SPEC.indicators.slice(0, 6),
    ['', '生态效益指标', '生态效益指标', '生态效益指标', '≥90%', '计划标准'],
    ...BASE_SPEC.indicators.slice(6, 7),
    ['满意度指标', '服务对象满意度指标', '离退休老干部满意度', '问卷调查中满意和较满意人数占调查总人数的比例', '≤90%', '历史标准：上年满意度调查结果'],
  ],
};

const where = (f: Finding) => `${f.ruleId}@${f.ref.address}`;

describe.each([
  ['properties', false],
  ['zero-argument methods', true],
])('WPS deleteRow (%s)', (_label, methods) => {
  function setup() {
    const fake = new FakeEt({ methods });
    const sheet = fake.addGrid(gridFromSpecs([withFiller, BASE_SPEC]));
    // A clerk's note in column J beside the second table.
    sheet.cell(30, 9).value = '备注';
    const host = createWpsHost(fake.application() as EtApplication);
    return { fake, sheet, host };
  }

  it('deletes inside the table only; comments, fills and saved marks move with their cells; re-checks clean', async () => {
    const { fake, sheet, host } = setup();
    const { findings } = validateGrids(await host.readGrids('workbook'));
    const filler = findings.find((f) => f.ruleId === 'filler-indicator')!;
    expect(isRowDeletion(filler.fix)).toBe(true);
    const d = filler.fix!.deleteRow!;
    await host.applyMarks(findings);
    const below = findings.find((f) => f.ref.row > d.row && f.ref.row <= d.bottom)!;
    const belowCell = sheet.peek(below.ref.row, below.ref.col)!;
    expect(belowCell.comment).toBeDefined();
    const outside = new Map([...sheet.cells].filter(([k]) => {
      const [r, c] = k.split(':').map(Number);
      return r > d.bottom || c > d.right;
    }));

    await host.deleteRow(d);
    expect(sheet.peek(below.ref.row - 1, below.ref.col)).toBe(belowCell);
    for (const [k, cell] of outside) expect([k, sheet.cells.get(k)]).toEqual([k, cell]);
    for (let c = d.left; c <= d.right; c++) expect(sheet.peek(d.bottom, c)?.value).toBeUndefined();
    expect(fake.clearedFormats).toEqual([{ sheet: d.sheet, range: { top: d.bottom, left: d.left, bottom: d.bottom, right: d.right } }]);

    const after = validateGrids(await host.readGrids('workbook')).findings;
    const expected = new Set(findingsAfterDeletion(findings, d).map(where));
    expect(after.filter((f) => !expected.has(where(f))).map(where)).toEqual([]);
    expect(after.some((f) => f.ruleId === 'filler-indicator')).toBe(false);
    // 清除标记 finds every mark at its new address.
    await host.clearMarks();
    expect([...sheet.cells.values()].filter((c) => c.comment !== undefined)).toEqual([]);
    expect(belowCell.colorIndex).toBe(-4142);
  });

  it('refuses when the row changed since the check', async () => {
    const { sheet, host } = setup();
    const f = validateGrids(await host.readGrids('workbook')).findings.find((x) => x.ruleId === 'filler-indicator')!;
    const d = f.fix!.deleteRow!;
    sheet.cell(d.row, 2).value = '湿地保护面积';
    const before = JSON.stringify([...sheet.cells]);
    await expect(host.deleteRow(d)).rejects.toThrow('内容已经改变');
    expect(JSON.stringify([...sheet.cells])).toBe(before);
  });

  it('sizes comments to their text where Comment.Shape exists', async () => {
    const { sheet, host } = setup();
    await host.readGrids('workbook');
    const mk = (row: number, message: string): Finding => ({
      ruleId: 'x',
      severity: 'warning',
      criterion: '完整性',
      ref: { sheet: sheet.name, row, col: 4, address: `E${row + 1}` },
      message,
    });
    await host.applyMarks([mk(9, '短'), mk(10, '指标值与同类项目差异较大，请核实测算依据并补充说明。'.repeat(10))]);
    const short = sheet.peek(9, 4)!.commentSize!;
    const tall = sheet.peek(10, 4)!.commentSize!;
    expect(tall.width).toBe(short.width);
    expect(tall.height!).toBeGreaterThan(short.height! * 2);
  });
});

it('WPS: a build without Comment.Shape still gets its comments, unsized', async () => {
  const fake = new FakeEt({ noCommentShape: true });
  const sheet = fake.addGrid(gridFromSpecs([BASE_SPEC]));
  const host = createWpsHost(fake.application() as EtApplication);
  await host.readGrids('workbook');
  await host.applyMarks([{ ruleId: 'x', severity: 'info', criterion: '完整性', ref: { sheet: sheet.name, row: 9, col: 4, address: 'E10' }, message: '提示' }]);
  expect(sheet.peek(9, 4)!.comment).toContain('提示');
  expect(sheet.peek(9, 4)!.commentSize).toBeUndefined();
});
