import type { Finding } from '../../src/core/findings';
import { gridFromRows } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { validateGrids } from '../../src/core/validate';
import { groupFindings } from '../../src/taskpane/groups';
import { hashText, ignoreKey, loadIgnored, saveIgnored } from '../../src/core/workbookState';
import { isDarkColor, pickTheme } from '../../src/taskpane/theme';
import { PaneError, runValidation } from '../../src/taskpane/validation';
import { createMemoryHost } from '../../src/web/memoryHost';
import { layoutSheet } from '../../src/web/sheetLayout';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { FINDINGS, FakeHost, TABLES, parsedWith, ref } from './fakeHost';

jest.mock('../../src/core/validate', () => ({ validateGrids: jest.fn() }));
const validate = validateGrids as jest.MockedFunction<typeof validateGrids>;

describe('runValidation', () => {
  beforeEach(() => validate.mockReturnValue({ parsed: parsedWith(), findings: FINDINGS }));

  test('reads, validates with the settings, then marks all but the ignored findings', async () => {
    const host = new FakeHost();
    const settings = { ...DEFAULT_SETTINGS, schedule: 'per-period' as const };
    const result = await runValidation(host, settings, 'sheet', (f) => f.ruleId === 'placeholder');
    expect(host.names()).toEqual(['readGrids', 'applyMarks']);
    expect(host.calls[0][1]).toBe('sheet');
    expect(validate).toHaveBeenCalledWith([expect.objectContaining({ sheetName: '表1' })], settings);
    expect((host.calls[1][1] as Finding[]).map((f) => f.ruleId)).not.toContain('placeholder');
    expect(result.findings).toHaveLength(4);
    expect(result.scope).toBe('sheet');
  });

  test('wraps a failing step in a zh-CN PaneError', async () => {
    const host = new FakeHost();
    host.fail.applyMarks = new Error('GeneralException');
    await expect(runValidation(host, DEFAULT_SETTINGS, 'workbook')).rejects.toThrow(
      new PaneError('标注单元格失败', new Error('GeneralException')),
    );
    await expect(runValidation(host, DEFAULT_SETTINGS, 'workbook')).rejects.toThrow('标注单元格失败：GeneralException');
  });
});

test('a host error that already says what failed is not prefixed twice', async () => {
  const host = new FakeHost();
  host.fail.readGrids = new Error('读取工作表失败（InvalidArgument）。请确认没有处于单元格编辑状态后重试。');
  await expect(runValidation(host, DEFAULT_SETTINGS, 'workbook')).rejects.toThrow(
    /^读取工作表失败（InvalidArgument）。请确认没有处于单元格编辑状态后重试。$/,
  );
});

describe('ignored findings', () => {
  test('the key names rule, sheet, address and a hash of the message', () => {
    expect(ignoreKey(FINDINGS[0])).toBe(`satisfaction-direction|表1|E12|${hashText(FINDINGS[0].message)}`);
    expect(hashText('a')).not.toBe(hashText('b'));
    expect(hashText('满意度')).toMatch(/^[0-9a-f]{8}$/);
  });

  test('round-trips through the host state and tolerates junk', async () => {
    const host = new FakeHost();
    await saveIgnored(host, new Set(['b', 'a']));
    expect(host.state.get('jixiao.ignored')).toBe('["a","b"]');
    expect([...(await loadIgnored(host))]).toEqual(['a', 'b']);
    host.state.set('jixiao.ignored', '{not json');
    expect((await loadIgnored(host)).size).toBe(0);
    host.state.set('jixiao.ignored', '[1, "x"]');
    expect([...(await loadIgnored(host))]).toEqual(['x']);
  });
});

describe('groupFindings', () => {
  test('follows table order and puts findings without a table first', () => {
    const loose: Finding = { ...FINDINGS[2], tableId: undefined };
    const groups = groupFindings([FINDINGS[2], FINDINGS[0], loose], TABLES);
    expect(groups.map((g) => g.title)).toEqual(['工作簿', '驻村工作队经费', '党员教育培训经费']);
    expect(groups[1]).toMatchObject({ code: '13020925P00155810003E', budget: '39.00 万元', where: '表1!A1' });
  });
});

describe('theme', () => {
  test('follows the Office background, else the system preference', () => {
    expect(isDarkColor('#1f1f1f')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(pickTheme('#262626')).toBe(webDarkTheme);
    expect(pickTheme('#ffffff', true)).toBe(webLightTheme);
    expect(pickTheme(undefined, true)).toBe(webDarkTheme);
  });
});

describe('memory host', () => {
  const grids = () => [
    gridFromRows('甲', [['项目名称', '旧'], ['指标值', '≤98%']]),
    gridFromRows('乙', [['x']]),
  ];

  test('reads the active sheet or the workbook', async () => {
    const host = createMemoryHost(grids());
    expect((await host.readGrids('workbook')).map((g) => g.sheetName)).toEqual(['甲', '乙']);
    host.setActiveSheet(1);
    expect((await host.readGrids('sheet')).map((g) => g.sheetName)).toEqual(['乙']);
  });

  test('marks replace earlier marks; clear removes them; listeners hear every change', async () => {
    const host = createMemoryHost(grids());
    const heard = jest.fn();
    const off = host.subscribe(heard);
    await host.applyMarks(FINDINGS);
    await host.applyMarks(FINDINGS.slice(0, 1));
    expect(host.getState().marks).toHaveLength(1);
    await host.clearMarks();
    expect(host.getState().marks).toHaveLength(0);
    expect(heard).toHaveBeenCalledTimes(3);
    off();
    await host.applyMarks(FINDINGS);
    expect(heard).toHaveBeenCalledTimes(3);
  });

  test('select switches sheet and records the cell; unknown sheets are an error', async () => {
    const host = createMemoryHost(grids());
    await host.select(ref('A1', '乙'));
    expect(host.getState().activeSheet).toBe(1);
    const first = host.getState().selection!.seq;
    await host.select(ref('A1', '乙'));
    expect(host.getState().selection!.seq).toBe(first + 1);
    await expect(host.select(ref('A1', '丙'))).rejects.toThrow('找不到工作表“丙”');
  });

  test('writeCells edits a copy and logs the latest edit per cell', async () => {
    const original = grids();
    const host = createMemoryHost(original);
    await host.writeCells([{ ref: ref('B2', '甲'), text: '≥90%' }]);
    await host.writeCells([{ ref: ref('B2', '甲'), text: '≥98%' }, { ref: ref('D5', '甲'), text: '新' }]);
    const [g] = await host.readGrids('workbook');
    expect(g.cells[1][1]).toEqual({ value: '≥98%', text: '≥98%' });
    expect(g.cells[4][3]).toEqual({ value: '新', text: '新' });
    expect(original[0].cells[1][1]!.text).toBe('≤98%');
    expect(host.getState().edits.map((e) => `${e.ref.address}=${e.text}`)).toEqual(['B2=≥98%', 'D5=新']);
  });

  test('state is remembered per host', async () => {
    const host = createMemoryHost(grids());
    expect(await host.loadState('k')).toBeUndefined();
    await host.saveState('k', 'v');
    expect(await host.loadState('k')).toBe('v');
  });
});

describe('sheet layout', () => {
  const grid = gridFromRows(
    '表',
    [
      ['标题', undefined, undefined],
      ['产出指标', '数量指标', '≥90%'],
      [undefined, '质量指标', '100%'],
    ],
    [
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 2, right: 0 },
    ],
  );

  test('merged areas become one cell with spans, covered cells are skipped', () => {
    const l = layoutSheet(grid, [], 0, 100, 50);
    expect(l.cols).toEqual([0, 1, 2]);
    expect(l.rows.map((r) => r.cells.map((c) => `${c.address}:${c.rowSpan}x${c.colSpan}`))).toEqual([
      ['A1:1x3'],
      ['A2:2x1', 'B2:1x1', 'C2:1x1'],
      ['B3:1x1', 'C3:1x1'],
    ]);
    expect(l.rows[0].cells[0].covers).toEqual(['A1', 'B1', 'C1']);
  });

  test('a mark anywhere in a merged area colours the area with the worst severity', () => {
    const marks: Finding[] = [
      { ...FINDINGS[2], ref: { sheet: '表', row: 2, col: 0, address: 'A3' } },
      { ...FINDINGS[0], ref: { sheet: '表', row: 1, col: 0, address: 'A2' } },
      { ...FINDINGS[1], ref: { sheet: '其他', row: 1, col: 1, address: 'B2' } },
    ];
    const l = layoutSheet(grid, marks, 0, 100, 50);
    const a2 = l.rows[1].cells[0];
    expect(a2.severity).toBe('error');
    expect(a2.note).toContain('【错误】');
    expect(a2.note).toContain('【提示】');
    expect(l.rows[1].cells[1].severity).toBeUndefined();
  });

  test('a row window clips merges and keeps the real top-left text', () => {
    const l = layoutSheet(grid, [], 2, 1, 50);
    expect(l.firstRow).toBe(2);
    expect(l.rows).toHaveLength(1);
    expect(l.rows[0].cells[0]).toMatchObject({ address: 'A2', text: '产出指标', rowSpan: 1 });
    expect(l.totalRows).toBe(3);
  });

  test('origin offsets map to sheet addresses; wide sheets are capped', () => {
    const g = { ...gridFromRows('表', [['a', 'b', 'c']]), origin: { row: 4, col: 2 } };
    const l = layoutSheet(g, [], 0, 10, 2);
    expect(l.rows[0].row).toBe(4);
    expect(l.rows[0].cells.map((c) => c.address)).toEqual(['C5', 'D5']);
    expect(l.truncatedCols).toBe(true);
  });
});
