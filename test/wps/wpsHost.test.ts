import type { Finding, Severity } from '../../src/core/findings';
import { MARK_COLORS } from '../../src/core/marks';
import { toA1 } from '../../src/core/grid';
import { type TableSpec, gridFromSpecs } from '../../src/core/testing/tableSpec';
import { validateGrids } from '../../src/core/validate';
import { runClear, runValidation } from '../../src/commands/actions';
import { createWpsHost, STATE_SHEET } from '../../src/hosts/wps';
import { isOurComment } from '../../src/hosts/wps/wpsHost';
import type { EtApplication } from '../../src/hosts/wps/et';
import { hexToBgr, bgrToHex, values2D } from '../../src/hosts/wps/et';
import { FakeEt, NONE } from './fakeEt';

const specs: TableSpec[] = [
  {
    name: '驻村工作队经费',
    budget: 39,
    schedule: [0.25, 0.25, 0.25, 0.25],
    indicators: [
      ['产出指标', '数量指标', '培训活动次数', '培训活动次数', '≥90%', '按照年初工作安排'],
      ['', '质量指标', '工作完成率', '工作完成率', '≤98%', '计划标准'],
      ['满意度指标', '服务对象满意度指标', '使用单位成员满意度', '满意度', '≤98%', ''],
    ],
  },
  {
    name: '党员教育培训',
    budget: 20,
    indicators: [
      ['产出指标', '数量指标', '培训人次', '培训党员人次', '≥500人次', '年度培训计划'],
      ['效益指标', '社会效益指标', '党员素质提升', '提升党员素质', '有所提升', '工作目标'],
      ['满意度指标', '服务对象满意度指标', '参训党员满意度', '满意度', '≥90%', '往年调查'],
    ],
  },
];

function ref(sheet: string, row: number, col: number) {
  return { sheet, row, col, address: toA1(row, col) };
}

function finding(sheet: string, row: number, col: number, severity: Severity = 'error', message = '测试问题'): Finding {
  return { ruleId: 'test-rule', severity, criterion: '完整性', ref: ref(sheet, row, col), message };
}

function app(fake: FakeEt): EtApplication {
  return fake.application() as EtApplication;
}

const strip = (f: Finding) => ({ ruleId: f.ruleId, severity: f.severity, sheet: f.ref.sheet, address: f.ref.address, message: f.message });

describe.each([
  ['properties', false],
  ['methods', true],
])('WPS host (%s variant)', (_label, methods) => {
  test('readGrids parses to the same tables and findings as the original grid', async () => {
    const grid = gridFromSpecs(specs);
    const fake = new FakeEt({ methods });
    fake.addGrid(grid);
    const grids = await createWpsHost(app(fake)).readGrids('workbook');
    expect(grids).toHaveLength(1);
    const expected = validateGrids([grid]);
    const actual = validateGrids(grids);
    expect(actual.parsed.tables).toHaveLength(2);
    expect(actual.parsed.tables.map((t) => t.projectName?.text)).toEqual(expected.parsed.tables.map((t) => t.projectName?.text));
    expect(actual.findings.map(strip)).toEqual(expected.findings.map(strip));
    expect(actual.findings.length).toBeGreaterThan(0);
  });

  test('percent cells show their displayed text; strings are not read one by one', async () => {
    const fake = new FakeEt({ methods });
    fake.addGrid(gridFromSpecs(specs));
    const [grid] = await createWpsHost(app(fake)).readGrids('sheet');
    // Table 1 schedule row: row 6, columns B..E.
    expect(grid.cells[6][1]).toEqual({ value: 0.25, text: '25%' });
    expect(grid.cells[6][4]).toEqual({ value: 0.25, text: '25%' });
    const numbers = [...fake.sheets[0].cells.values()].filter((c) => typeof c.value === 'number').length;
    expect(fake.textReads).toBe(numbers);
  });

  test('merged areas are recovered, with the used range offset', async () => {
    const grid = gridFromSpecs(specs);
    const fake = new FakeEt({ methods });
    fake.addGrid(grid, { row: 2, col: 1 });
    const [read] = await createWpsHost(app(fake)).readGrids('workbook');
    expect(read.origin).toEqual({ row: 2, col: 1 });
    const shift = (m: { top: number; left: number; bottom: number; right: number }) => ({
      top: m.top + 2,
      left: m.left + 1,
      bottom: m.bottom + 2,
      right: m.right + 1,
    });
    const sort = (list: { top: number; left: number }[]) => [...list].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(sort(read.merges)).toEqual(sort(grid.merges.map(shift)));
    // Same tables, findings one column right and two rows down.
    const expected = validateGrids([grid]).findings;
    const actual = validateGrids([read]).findings;
    expect(actual.map((f) => f.ruleId)).toEqual(expected.map((f) => f.ruleId));
    expect(actual.map((f) => [f.ref.row, f.ref.col])).toEqual(expected.map((f) => [f.ref.row + 2, f.ref.col + 1]));
  });

  test('a sheet without merges asks MergeCells once', async () => {
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('无合并');
    s.cell(0, 0).value = '项目名称';
    s.cell(3, 2).value = 12;
    await createWpsHost(app(fake)).readGrids('workbook');
    expect(fake.mergeReads).toBe(1);
  });

  test('random merged areas are all recovered, with few MergeCells calls on mostly plain rows', async () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 20; round++) {
      const fake = new FakeEt({ methods });
      const s = fake.addSheet('随机');
      const taken = new Set<string>();
      const merges: { top: number; left: number; bottom: number; right: number }[] = [];
      for (let i = 0; i < 12; i++) {
        const top = rand(30);
        const left = rand(20);
        const m = { top, left, bottom: top + rand(3), right: left + rand(4) };
        if (m.bottom === m.top && m.right === m.left) continue;
        const cells: string[] = [];
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) cells.push(`${r}:${c}`);
        if (cells.some((k) => taken.has(k))) continue;
        cells.forEach((k) => taken.add(k));
        merges.push(m);
      }
      s.merges = merges;
      s.cell(0, 0).value = '起';
      s.cell(35, 25).value = '止';
      const [grid] = await createWpsHost(app(fake)).readGrids('workbook');
      const sort = (list: typeof merges) => [...list].sort((a, b) => a.top - b.top || a.left - b.left);
      expect(sort(grid.merges)).toEqual(sort(merges));
    }
    // One merge at the end of an otherwise plain 26-column row: far fewer calls than cells.
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('稀疏');
    for (let c = 0; c < 26; c++) s.cell(0, c).value = `列${c}`;
    s.merges = [{ top: 0, left: 24, bottom: 0, right: 25 }];
    const [grid] = await createWpsHost(app(fake)).readGrids('workbook');
    expect(grid.merges).toEqual([{ top: 0, left: 24, bottom: 0, right: 25 }]);
    expect(fake.mergeReads).toBeLessThan(14);
  });

  test('a used range inflated by formatting is read in chunks and trimmed', async () => {
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('格式');
    s.cell(0, 0).value = '项目名称';
    s.cell(1, 1).value = 3;
    Object.assign(s.cell(60000, 5), { color: 255, colorIndex: 3, pattern: 1 });
    const [grid] = await createWpsHost(app(fake)).readGrids('workbook');
    expect(grid.cells).toHaveLength(2);
    expect(grid.cells[1][1]).toEqual({ value: 3, text: '3' });
    expect(fake.mergeReads).toBe(1);
  });

  test('error values keep their text', async () => {
    const fake = new FakeEt({ methods });
    Object.assign(fake.addSheet('错误').cell(0, 0), { value: -2146826246, text: '#N/A' });
    const [grid] = await createWpsHost(app(fake)).readGrids('sheet');
    expect(grid.cells[0][0]).toEqual({ value: '#N/A', text: '#N/A' });
  });

  test('one-cell sheet: scalar Value2', async () => {
    const fake = new FakeEt({ methods });
    fake.addSheet('单格').cell(4, 3).value = '只有一格';
    const [grid] = await createWpsHost(app(fake)).readGrids('workbook');
    expect(grid.origin).toEqual({ row: 4, col: 3 });
    expect(grid.cells).toEqual([[{ value: '只有一格', text: '只有一格' }]]);
  });

  test('mark → clear restores every original fill (incl. none) and never touches values', async () => {
    const fake = new FakeEt({ methods });
    const grid = gridFromSpecs(specs);
    const s = fake.addGrid(grid);
    // A few cells with fills of the user's own: solid green, patterned grey.
    Object.assign(s.cell(2, 1), { color: 0x00ff00, colorIndex: 4, pattern: 1 });
    Object.assign(s.cell(6, 2), { color: 0xc0c0c0, colorIndex: 15, pattern: 17 });
    const valuesBefore = fake.values();
    const fillsBefore = fake.fills();
    expect(Object.keys(fillsBefore)).toHaveLength(2);
    const host = createWpsHost(app(fake));
    const summary = await runValidation(host);
    expect(summary.tables).toBe(2);
    expect(summary.findings.length).toBeGreaterThan(0);
    expect(summary.message).toContain('校验完成');
    expect(fake.values()).toEqual(valuesBefore);
    const marked = [...s.cells.values()].filter((c) => c.comment?.startsWith('【绩效目标表助手】'));
    expect(marked.length).toBeGreaterThan(0);
    for (const c of marked) expect([...Object.values(MARK_COLORS)].map((m) => hexToBgr(m.hex))).toContain(c.color);

    // Mark our test cells explicitly, then re-mark (the second run must not take our fill for the original).
    const extra = [finding(grid.sheetName, 2, 1, 'warning'), finding(grid.sheetName, 6, 2, 'info')];
    await host.applyMarks(extra);
    await host.applyMarks([...extra, finding(grid.sheetName, 0, 0)]);
    expect(s.cell(2, 1).color).toBe(hexToBgr(MARK_COLORS.warning.hex));
    expect(s.cell(0, 0).color).toBe(hexToBgr(MARK_COLORS.error.hex));
    expect(fake.values()).toEqual(valuesBefore);

    await runClear(host);
    expect(fake.fills()).toEqual(fillsBefore);
    expect(fake.values()).toEqual(valuesBefore);
    expect([...s.cells.values()].some((c) => c.comment !== undefined)).toBe(false);
  });

  test('a re-validation restores cells that are no longer flagged', async () => {
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('表1');
    s.cell(0, 0).value = 'a';
    s.cell(1, 0).value = 'b';
    const host = createWpsHost(app(fake));
    await host.applyMarks([finding('表1', 0, 0), finding('表1', 1, 0)]);
    await host.applyMarks([finding('表1', 1, 0, 'info')]);
    expect(s.cell(0, 0).colorIndex).toBe(NONE);
    expect(s.cell(0, 0).comment).toBeUndefined();
    expect(s.cell(1, 0).color).toBe(hexToBgr(MARK_COLORS.info.hex));
    expect(s.cell(1, 0).comment).toMatch(/^【绩效目标表助手】/);
  });

  test('marks survive reopening: a new host clears them', async () => {
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('表1');
    s.cell(0, 0).value = 'a';
    Object.assign(s.cell(0, 1), { value: 'b', color: 0x123456, colorIndex: 7, pattern: 1 });
    const before = fake.fills();
    await createWpsHost(app(fake)).applyMarks([finding('表1', 0, 0), finding('表1', 0, 1, 'warning')]);
    // State sheet created, very hidden, and the user's sheet stays active.
    const state = fake.sheet(STATE_SHEET);
    expect(state.visible).toBe(2);
    expect(fake.active?.name).toBe('表1');
    expect(fake.sheets.map((x) => x.name)).toEqual(['表1', STATE_SHEET]);
    // "Reopen": a fresh host over the same workbook.
    await createWpsHost(app(fake)).clearMarks();
    expect(fake.sheet('表1').cell(0, 1).color).toBe(0x123456);
    expect(fake.fills()).toEqual(before);
    expect(s.cell(0, 0).comment).toBeUndefined();
  });

  test('state sheet is not read as a table sheet', async () => {
    const fake = new FakeEt({ methods });
    fake.addSheet('表1').cell(0, 0).value = 'a';
    const host = createWpsHost(app(fake));
    await host.saveState('jixiao.settings', '{"schedule":"per-period"}');
    const grids = await host.readGrids('workbook');
    expect(grids.map((g) => g.sheetName)).toEqual(['表1']);
    expect(await createWpsHost(app(fake)).loadState('jixiao.settings')).toBe('{"schedule":"per-period"}');
    expect(await host.loadState('missing')).toBeUndefined();
  });

  test('long state is split over cells and read back intact', async () => {
    const fake = new FakeEt({ methods });
    fake.addSheet('表1').cell(0, 0).value = 'a';
    const host = createWpsHost(app(fake));
    const long = JSON.stringify(Array.from({ length: 9000 }, (_, i) => `忽略项${i}|𠀋|123`));
    await host.saveState('jixiao.ignored', long);
    expect(fake.sheet(STATE_SHEET).peek(1, 1)?.value).toBeDefined();
    expect(await host.loadState('jixiao.ignored')).toBe(long);
    await host.saveState('jixiao.ignored', '[]');
    expect(await host.loadState('jixiao.ignored')).toBe('[]');
    expect(fake.sheet(STATE_SHEET).peek(1, 1)?.value).toBeUndefined();
  });

  test("a user's comment is kept: the cell is filled only", async () => {
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('表1');
    Object.assign(s.cell(0, 0), { value: 'a', comment: '张三：请核对' });
    const host = createWpsHost(app(fake));
    await host.applyMarks([finding('表1', 0, 0)]);
    expect(s.cell(0, 0).comment).toBe('张三：请核对');
    expect(s.cell(0, 0).color).toBe(hexToBgr(MARK_COLORS.error.hex));
    expect(host.lastMarkStatus?.keptUserNotes).toBe(1);
    await host.clearMarks();
    expect(s.cell(0, 0).comment).toBe('张三：请核对');
    expect(s.cell(0, 0).colorIndex).toBe(NONE);
  });

  test('marks go to the top-left cell of a merged area', async () => {
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('表1');
    s.cell(0, 0).value = '标题';
    s.merges = [{ top: 0, left: 0, bottom: 0, right: 3 }];
    const host = createWpsHost(app(fake));
    await host.applyMarks([finding('表1', 0, 2)]);
    expect(s.cell(0, 0).comment).toMatch(/^【绩效目标表助手】/);
    expect(s.peek(0, 2)?.comment).toBeUndefined();
  });

  test('select activates the sheet and selects the cell; writeCells writes only the approved text', async () => {
    const fake = new FakeEt({ methods });
    fake.addSheet('表1').cell(0, 0).value = 'x';
    const s2 = fake.addSheet('表2');
    s2.cell(4, 2).value = '≤98%';
    const host = createWpsHost(app(fake));
    await host.select(ref('表2', 4, 2));
    expect(fake.active?.name).toBe('表2');
    expect(fake.selection).toEqual({ sheet: '表2', address: 'C5' });
    await host.writeCells([{ ref: ref('表2', 4, 2), text: '≥98%' }]);
    expect(s2.cell(4, 2).value).toBe('≥98%');
    expect(fake.sheet('表1').cell(0, 0).value).toBe('x');
    await expect(host.select(ref('不存在', 0, 0))).rejects.toThrow(/找不到工作表“不存在”/);
  });

  test('insertRows shifts rows down and fills the new ones; addSheet adds a uniquely named sheet at the end', async () => {
    const fake = new FakeEt({ methods });
    const s = fake.addSheet('表1');
    s.cell(0, 0).value = '一';
    s.cell(1, 0).value = '二';
    const host = createWpsHost(app(fake));
    await host.insertRows('表1', 0, [['新1', 5], ['=不是公式']]);
    expect([0, 1, 2, 3].map((r) => s.peek(r, 0)?.value)).toEqual(['一', '新1', "'=不是公式", '二']);
    expect(s.peek(1, 1)?.value).toBe(5);
    await host.saveState('k', 'v'); // creates the hidden state sheet
    await host.addSheet('表1', [['部门整体绩效目标']]);
    expect(fake.sheets.map((x) => x.name)).toEqual(['表1', '表1(2)', STATE_SHEET]);
    expect(fake.active?.name).toBe('表1(2)');
    expect(fake.sheet('表1(2)').peek(0, 0)?.value).toBe('部门整体绩效目标');
  });

  test('errors come back in zh-CN', async () => {
    const fake = new FakeEt({ methods });
    fake.addSheet('表1').cell(0, 0).value = 'a';
    fake.protectedSheets.add('表1');
    const host = createWpsHost(app(fake));
    await expect(host.applyMarks([finding('表1', 0, 0)])).rejects.toThrow(/^标注单元格失败（工作表受保护）。请确认/);
    fake.workbookOpen = false;
    await expect(host.readGrids('workbook')).rejects.toThrow('当前没有打开的工作簿');
  });

  test('narrow percent column ("####") falls back to the number format', async () => {
    const fake = new FakeEt({ methods });
    Object.assign(fake.addSheet('表1').cell(0, 0), { value: 0.3, text: '30%', numberFormat: '0%', narrow: true });
    const [grid] = await createWpsHost(app(fake)).readGrids('sheet');
    expect(grid.cells[0][0]).toEqual({ value: 0.3, text: '30%' });
  });
});

describe('accessor helpers', () => {
  test('our comments are recognised also behind an author line', () => {
    expect(isOurComment('【绩效目标表助手】\n[错误] x')).toBe(true);
    expect(isOurComment('张三:\n【绩效目标表助手】\n[错误] x')).toBe(true);
    expect(isOurComment('张三：请核对')).toBe(false);
    expect(isOurComment('张三：第一行\n第二行\n引用【绩效目标表助手】的说明')).toBe(false);
  });

  test('a comment of ours shown with an author prefix is still cleared', async () => {
    const fake = new FakeEt();
    const s = fake.addSheet('表1');
    s.cell(0, 0).value = 'a';
    const host = createWpsHost(app(fake));
    await host.applyMarks([finding('表1', 0, 0)]);
    s.cell(0, 0).comment = `Administrator:\n${s.cell(0, 0).comment}`;
    await host.applyMarks([finding('表1', 0, 0, 'warning')]);
    expect(s.cell(0, 0).comment).toMatch(/^【绩效目标表助手】/);
    s.cell(0, 0).comment = `Administrator:\n${s.cell(0, 0).comment}`;
    await host.clearMarks();
    expect(s.cell(0, 0).comment).toBeUndefined();
    expect(s.cell(0, 0).colorIndex).toBe(NONE);
  });

  test('BGR ↔ hex', () => {
    expect(hexToBgr('#F4CCCC')).toBe(0xccccf4);
    expect(bgrToHex(0xccccf4)).toBe('#F4CCCC');
    expect(bgrToHex(hexToBgr('#123ABC'))).toBe('#123ABC');
  });

  test('Value2 shapes: 2-D, scalar, flat row, flat column', () => {
    expect(values2D([[1, 2], [3, 4]], 2, 2)).toEqual([[1, 2], [3, 4]]);
    expect(values2D('x', 1, 1)).toEqual([['x']]);
    expect(values2D(undefined, 1, 1)).toEqual([[undefined]]);
    expect(values2D([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(values2D([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
  });
});
