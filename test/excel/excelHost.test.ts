import { runValidation } from '../../src/commands/actions';
import { MARK_COLORS } from '../../src/core/marks';
import { ExcelHost, NOTE_MARKER, STORE_KEY } from '../../src/hosts/excel';
import { isOurNote } from '../../src/hosts/excel/markStore';
import { FakeWorkbookState, fakeRun, supportsUpTo } from './fakeExcel';
import { finding, ref, syntheticFindings, workbookWithTables } from './tables';

function hostFor(state: FakeWorkbookState, api = '1.18', now?: () => number): ExcelHost {
  return new ExcelHost({ run: fakeRun(state), supports: supportsUpTo(api), ...(now ? { now } : {}) });
}

/** Syncs used by fn alone. */
async function syncsOf(state: FakeWorkbookState, fn: () => Promise<unknown>): Promise<number> {
  const before = state.syncs;
  await fn();
  return state.syncs - before;
}

describe('Excel host: round trips do not grow with the workbook', () => {
  it.each(['1.18', '1.10', '1.8'])('full validation of 1 table = 240 tables ≤ 3 syncs (ExcelApi %s)', async (api) => {
    const counts: number[] = [];
    for (const [tables, sheets] of [
      [1, 1],
      [240, 1],
      [240, 24],
    ]) {
      const state = workbookWithTables(tables, sheets);
      const host = hostFor(state, api);
      let summary: Awaited<ReturnType<typeof runValidation>> | undefined;
      counts.push(await syncsOf(state, async () => (summary = await runValidation(host))));
      expect(summary?.tables).toBe(tables);
      expect(summary?.findings.length).toBeGreaterThan(0);
    }
    expect(new Set(counts).size).toBe(1);
    if (api !== '1.8') expect(counts[0]).toBeLessThanOrEqual(3);
    else expect(counts[0]).toBeLessThanOrEqual(4); // no cell-properties preload before ExcelApi 1.9
  });

  it('applyMarks without a prior read: 1 finding and 2000 findings cost the same syncs (≤ 3)', async () => {
    const counts: number[] = [];
    for (const n of [1, 2000]) {
      const state = workbookWithTables(1);
      state.notes.push({ id: 'u1', sheet: '表1', address: 'Z1', content: '用户自己的批注' });
      const host = hostFor(state);
      counts.push(await syncsOf(state, () => host.applyMarks(syntheticFindings('表1', n))));
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  it('applyMarks right after readGrids is a single sync, also for 2000 findings', async () => {
    const state = workbookWithTables(240);
    const host = hostFor(state);
    await host.readGrids('workbook');
    expect(await syncsOf(state, () => host.applyMarks(syntheticFindings('表1', 2000)))).toBe(1);
  });

  it('very many marks are written in batches of 2500 cells so one request stays small', async () => {
    const state = workbookWithTables(240);
    const host = hostFor(state);
    await host.readGrids('workbook');
    expect(await syncsOf(state, () => host.applyMarks(syntheticFindings('表1', 6000)))).toBe(3);
    expect(state.notes).toHaveLength(6000);
  });

  it('clearMarks costs the same for 1 and 2000 marks', async () => {
    const counts: number[] = [];
    for (const n of [1, 2000]) {
      const state = workbookWithTables(1);
      await hostFor(state).applyMarks(syntheticFindings('表1', n));
      counts.push(await syncsOf(state, () => hostFor(state).clearMarks()));
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });
});

describe('Excel host: marks and their removal', () => {
  function prepared(): FakeWorkbookState {
    const state = workbookWithTables(2);
    const sheet = state.sheets[0];
    sheet.cells.get('2,0')!.fill = { color: '#00B050', pattern: 'Solid' }; // A3 green
    sheet.cells.get('3,0')!.fill = { color: '#FFFF00', pattern: 'Gray50' }; // A4 patterned
    sheet.cells.set('20,9', { value: '', fill: { color: '#FFFFFF', pattern: 'Solid' } }); // J21 white, empty
    state.notes.push({ id: 'u1', sheet: '表1', address: 'B3', content: '用户批注，不要动' });
    return state;
  }
  const touched = [ref('表1', 2, 0), ref('表1', 3, 0), ref('表1', 2, 1), ref('表1', 20, 9), ref('表1', 6, 4)];

  it('mark → clear restores every original fill (incl. no fill) and never touches a value', async () => {
    const state = prepared();
    const values = state.valuesSnapshot();
    const fills = state.fillsSnapshot();
    const host = hostFor(state);
    await host.applyMarks(touched.map((r, i) => finding(r, i % 2 ? 'warning' : 'error')));
    expect(state.cell('表1', 'A3')?.fill?.color).toBe(MARK_COLORS.error.hex);
    expect(state.cell('表1', 'A4')?.fill?.color).toBe(MARK_COLORS.warning.hex);
    expect(state.cell('表1', 'E7')?.fill?.color).toBe(MARK_COLORS.error.hex);
    expect(state.notes.filter((n) => n.content.startsWith(NOTE_MARKER))).toHaveLength(4); // not on B3
    expect(state.notes.find((n) => n.address === 'B3')?.content).toBe('用户批注，不要动');
    expect(host.lastMarkStatus).toEqual({ annotations: 'note', markedCells: 5, keptUserNotes: 1 });
    expect(state.valuesSnapshot()).toBe(values);

    await host.clearMarks();
    expect(state.fillsSnapshot()).toBe(fills);
    expect(state.valuesSnapshot()).toBe(values);
    expect(state.notes).toEqual([{ id: 'u1', sheet: '表1', address: 'B3', content: '用户批注，不要动' }]);
    expect(state.settings.has(STORE_KEY)).toBe(false);
  });

  it('re-validation keeps the TRUE originals, and cells no longer flagged go back at once', async () => {
    const state = prepared();
    const fills = state.fillsSnapshot();
    const host = hostFor(state);
    await host.applyMarks(touched.map((r) => finding(r, 'error')));
    await host.applyMarks([finding(ref('表1', 2, 0), 'info'), finding(ref('表1', 30, 2), 'warning')]);
    expect(state.cell('表1', 'A3')?.fill?.color).toBe(MARK_COLORS.info.hex);
    expect(state.cell('表1', 'A4')?.fill).toEqual({ color: '#FFFF00', pattern: 'Gray50' });
    expect(state.notes.filter((n) => n.content.startsWith(NOTE_MARKER)).map((n) => n.address).sort()).toEqual(['A3', 'C31']);
    await host.clearMarks();
    expect(state.fillsSnapshot()).toBe(fills);
  });

  it('marks survive closing and reopening the workbook (new context, new host)', async () => {
    const state = prepared();
    const fills = state.fillsSnapshot();
    await hostFor(state).applyMarks(touched.map((r) => finding(r)));
    expect(typeof state.settings.get(STORE_KEY)).toBe('string');
    // "Reopen": a brand-new host and contexts over the same saved workbook.
    await hostFor(state).clearMarks();
    expect(state.fillsSnapshot()).toBe(fills);
    expect(state.notes.some((n) => n.content.startsWith(NOTE_MARKER))).toBe(false);
  });

  it('a fill the user changed after marking is kept by 清除标记', async () => {
    const state = prepared();
    const host = hostFor(state);
    await host.applyMarks([finding(ref('表1', 2, 0))]);
    state.cell('表1', 'A3')!.fill = { color: '#7030A0', pattern: 'Solid' };
    await host.clearMarks();
    expect(state.cell('表1', 'A3')?.fill?.color).toBe('#7030A0');
  });

  it('skips findings Excel cannot address instead of failing the whole batch', async () => {
    const state = workbookWithTables(1);
    const host = hostFor(state);
    await host.readGrids('workbook');
    await host.applyMarks([finding(ref('表1', 2, 0)), finding({ ...ref('表1', 0, 0), address: '??' }), finding(ref('不存在', 0, 0))]);
    expect(state.cell('表1', 'A3')?.fill?.color).toBe(MARK_COLORS.error.hex);
    expect(host.lastMarkStatus?.markedCells).toBe(1);
  });

  it('with more notes than it lists, checks the touched cells one by one (still constant syncs)', async () => {
    const state = workbookWithTables(1);
    for (let i = 0; i < 3100; i++) state.notes.push({ id: `u${i}`, sheet: '表1', address: `Z${i + 1}`, content: '用户批注' });
    state.notes.push({ id: 'uc3', sheet: '表1', address: 'C3', content: '用户在 C3 的批注' });
    const host = hostFor(state);
    await host.readGrids('workbook');
    const syncs = await syncsOf(state, () => host.applyMarks([finding(ref('表1', 2, 2)), finding(ref('表1', 2, 3))]));
    expect(syncs).toBe(3);
    expect(state.notes.find((n) => n.address === 'C3')?.content).toBe('用户在 C3 的批注');
    expect(state.notes.filter((n) => n.content.startsWith(NOTE_MARKER)).map((n) => n.address)).toEqual(['D3']);
    await host.applyMarks([finding(ref('表1', 2, 4))]);
    expect(state.notes.filter((n) => n.content.startsWith(NOTE_MARKER)).map((n) => n.address)).toEqual(['E3']);
    await hostFor(state).clearMarks();
    expect(state.notes.some((n) => n.content.startsWith(NOTE_MARKER))).toBe(false);
    expect(state.notes).toHaveLength(3101);
  });

  it('marks the top-left cell of a merged area', async () => {
    const state = workbookWithTables(1);
    state.sheets[0].merges.push({ top: 9, left: 0, bottom: 10, right: 0 }); // A10:A11
    const host = hostFor(state);
    await host.readGrids('workbook');
    await host.applyMarks([finding(ref('表1', 10, 0))]);
    expect(state.cell('表1', 'A10')?.fill?.color).toBe(MARK_COLORS.error.hex);
    expect(state.cell('表1', 'A11')?.fill).toBeUndefined();
  });

  it('falls back when the workbook changed right after reading (a note appeared meanwhile)', async () => {
    const state = workbookWithTables(1);
    const host = hostFor(state);
    await host.readGrids('workbook');
    state.notes.push({ id: 'u9', sheet: '表1', address: 'C3', content: '刚加的批注' });
    await host.applyMarks([finding(ref('表1', 2, 2)), finding(ref('表1', 2, 3))]);
    expect(state.notes.find((n) => n.address === 'C3')?.content).toBe('刚加的批注');
    expect(state.cell('表1', 'C3')?.fill?.color).toBe(MARK_COLORS.error.hex);
    expect(state.notes.some((n) => n.address === 'D3' && n.content.startsWith(NOTE_MARKER))).toBe(true);
  });

  it('does not trust a stale snapshot', async () => {
    let t = 0;
    const state = workbookWithTables(1);
    const host = hostFor(state, '1.18', () => t);
    await host.readGrids('workbook');
    state.cell('表1', 'A3')!.fill = { color: '#00B050', pattern: 'Solid' };
    t = 60_000;
    await host.applyMarks([finding(ref('表1', 2, 0))]);
    await host.clearMarks();
    expect(state.cell('表1', 'A3')?.fill).toEqual({ color: '#00B050', pattern: 'Solid' });
  });
});

describe('Excel host: a stale office.js (host reports 1.18, the library lacks members)', () => {
  it('falls back to threaded comments when notes are missing, and tells the user in zh-CN', async () => {
    const state = workbookWithTables(1);
    state.officeJsLacks.add('notes');
    const fills = state.fillsSnapshot();
    const host = hostFor(state, '1.18');
    const summary = await runValidation(host);
    expect(summary.findings.length).toBeGreaterThan(0);
    expect(state.notes).toHaveLength(0);
    expect(state.comments.length).toBeGreaterThan(0);
    expect(host.lastMarkStatus?.annotations).toBe('comment');
    expect(host.lastMarkStatus?.missingApis).toEqual([expect.stringContaining('notes')]);
    expect(summary.message).toContain('office.js 版本较旧');
    expect(summary.message).toContain('更新 office.js');
    await hostFor(state, '1.18').clearMarks();
    expect(state.comments).toHaveLength(0);
    expect(state.fillsSnapshot()).toBe(fills);
  });

  it('fill only when both notes and comments are missing, and says why', async () => {
    const state = workbookWithTables(1);
    state.officeJsLacks.add('notes').add('comments');
    const host = hostFor(state, '1.18');
    const summary = await runValidation(host);
    expect(host.lastMarkStatus?.annotations).toBe('none');
    expect(state.notes).toHaveLength(0);
    expect(state.comments).toHaveLength(0);
    expect(summary.message).toContain('只标注了底色');
    expect(summary.message).not.toContain('当前 Excel 版本不支持');
  });

  it('reads without getCellProperties / getMergedAreasOrNullObject and still restores fills exactly', async () => {
    const state = workbookWithTables(1);
    state.officeJsLacks.add('getCellProperties').add('getMergedAreasOrNullObject');
    state.sheets[0].cells.get('2,0')!.fill = { color: '#00B050', pattern: 'Solid' };
    const fills = state.fillsSnapshot();
    const host = hostFor(state, '1.18');
    const summary = await runValidation(host);
    expect(summary.tables).toBe(1);
    expect(host.lastMarkStatus?.missingApis).toHaveLength(2);
    expect(state.notes.length).toBeGreaterThan(0);
    await host.clearMarks();
    expect(state.fillsSnapshot()).toBe(fills);
    expect(state.notes).toHaveLength(0);
  });

  it('a current office.js reports nothing missing', async () => {
    const state = workbookWithTables(1);
    const host = hostFor(state, '1.18');
    const summary = await runValidation(host);
    expect(host.lastMarkStatus?.missingApis).toBeUndefined();
    expect(summary.message).not.toContain('office.js');
  });
});

const PREAMBLE =
  '[Threaded comment]\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    ';

describe('our marks are recognised behind Excel\'s threaded-comment preamble', () => {
  it('isOurNote: marker at the start, after an author line, after the preamble; not elsewhere', () => {
    expect(isOurNote(`${NOTE_MARKER}\n[错误] x`)).toBe(true);
    expect(isOurNote(`张三:\n${NOTE_MARKER}\n[错误] x`)).toBe(true);
    expect(isOurNote(`${PREAMBLE}${NOTE_MARKER}\n[错误] x`)).toBe(true);
    expect(isOurNote(`[线程批注]\n你的 Excel 版本允许你阅读此线程批注。了解详细信息: https://go.microsoft.com/fwlink/?linkid=870924\n\n批注:\n    ${NOTE_MARKER}\n[错误] x`)).toBe(true);
    expect(isOurNote(`${PREAMBLE}请核对预算数`)).toBe(false);
    // A user's note that merely quotes the marker mid-sentence is not ours.
    expect(isOurNote(`请参考前一列。第二行说明：\n第三行提到${NOTE_MARKER}的意见`)).toBe(false);
  });

  it('清除标记 deletes our note that came back with the preamble and keeps the user\'s', async () => {
    const state = workbookWithTables(1);
    state.notes.push({ id: 'n1', sheet: '表1', address: 'A3', content: `${PREAMBLE}${NOTE_MARKER}\n[错误] 旧标注` });
    state.notes.push({ id: 'n2', sheet: '表1', address: 'A4', content: `${PREAMBLE}请核对预算数` });
    await hostFor(state).clearMarks();
    expect(state.notes.map((n) => n.address)).toEqual(['A4']);
  });
});

describe('Excel host: older Excel versions degrade without crashing', () => {
  it('threaded comments when notes are missing (ExcelApi 1.10)', async () => {
    const state = workbookWithTables(1);
    const fills = state.fillsSnapshot();
    const host = hostFor(state, '1.10');
    await host.applyMarks([finding(ref('表1', 2, 0)), finding(ref('表1', 3, 1), 'info')]);
    expect(state.comments).toHaveLength(2);
    expect(state.notes).toHaveLength(0);
    expect(host.lastMarkStatus?.annotations).toBe('comment');
    await hostFor(state, '1.10').clearMarks();
    expect(state.comments).toHaveLength(0);
    expect(state.fillsSnapshot()).toBe(fills);
  });

  it('fill only when neither notes nor comments exist (ExcelApi 1.8), and says so', async () => {
    const state = workbookWithTables(1);
    state.sheets[0].cells.get('2,0')!.fill = { color: '#00B050' };
    const fills = state.fillsSnapshot();
    const host = hostFor(state, '1.8');
    const summary = await runValidation(host);
    expect(host.lastMarkStatus?.annotations).toBe('none');
    expect(summary.message).toContain('不支持以批注方式');
    expect(state.notes).toHaveLength(0);
    expect(state.comments).toHaveLength(0);
    await host.clearMarks();
    expect(state.fillsSnapshot()).toBe(fills);
  });

  it('turns an Excel failure into a zh-CN error, not a crash', async () => {
    const host = new ExcelHost({
      run: async () => {
        throw new Error('RichApi.Error: InvalidOperation');
      },
      supports: supportsUpTo('1.18'),
    });
    await expect(host.readGrids('workbook')).rejects.toThrow(/读取工作表失败/);
    await expect(host.clearMarks()).rejects.toThrow(/清除标记失败/);
  });
});

describe('Excel host: reading', () => {
  it('reads values, displayed text, origin and merges of every sheet', async () => {
    const state = new FakeWorkbookState();
    const s = state.addSheet('表A', []);
    s.cells.set('2,1', { value: 0.25, text: '25%' });
    s.cells.set('3,2', { value: '项目名称' });
    s.merges.push({ top: 2, left: 1, bottom: 3, right: 1 });
    state.addSheet('空表', []);
    state.addSheet('隐藏', [['x']]).visibility = 'VeryHidden';
    const grids = await hostFor(state).readGrids('workbook');
    expect(grids.map((g) => g.sheetName)).toEqual(['表A', '空表']);
    expect(grids[0].origin).toEqual({ row: 2, col: 1 });
    expect(grids[0].cells[0][0]).toEqual({ value: 0.25, text: '25%' });
    expect(grids[0].cells[1][1]).toEqual({ value: '项目名称', text: '项目名称' });
    expect(grids[0].merges).toEqual([{ top: 2, left: 1, bottom: 3, right: 1 }]);
    expect(grids[1].cells).toEqual([[undefined]]);
  });

  it('reads only the active sheet for scope "sheet"', async () => {
    const state = workbookWithTables(4, 2);
    state.active = '表2';
    const grids = await hostFor(state).readGrids('sheet');
    expect(grids.map((g) => g.sheetName)).toEqual(['表2']);
  });

  it('huge used ranges: dimensions first, then row chunks sized from the measured bytes', async () => {
    const state = new FakeWorkbookState();
    const rows = Array.from({ length: 30_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 0 || r === 29_999 ? `r${r}` : null)));
    state.addSheet('大表', rows);
    state.addSheet('小表', [['a']]);
    state.payloadLimitCells = 250_000;
    const host = hostFor(state);
    let grids: Awaited<ReturnType<ExcelHost['readGrids']>> = [];
    const syncs = await syncsOf(state, async () => (grids = await host.readGrids('workbook')));
    // list, failed optimistic read, dimensions, a cautious first chunk, then the rest sized from what it weighed
    expect(syncs).toBeLessThanOrEqual(7);
    expect(grids[0].cells).toHaveLength(30_000);
    expect(grids[0].cells[29_999][0]?.text).toBe('r29999');
    expect(grids[0].cells[12_345][0]?.text).toBe('r12345');
    expect(grids[1].cells[0][0]?.text).toBe('a');
  });
});

/** A 200,000-cell sheet whose 说明 column holds long CJK text: ~1.2 KB per such cell (value + text). */
function longCjkSheet(state: FakeWorkbookState, rows = 20_000): void {
  const long = '按照年初工作安排完成驻村工作队各项工作任务并做好经费保障'.repeat(7); // 196 characters
  state.addSheet(
    '明细',
    Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 3 && r % 2 === 0 ? `${long}${r}` : c === 0 ? `第${r}行` : r))),
  );
}

describe('Excel host: every request and response stays under 4 MB (Excel on the web refuses 5 MB)', () => {
  const LIMIT = 5 * 1024 * 1024;
  const BUDGET = 4 * 1024 * 1024;

  it('reads a 200k-cell sheet with long CJK text in chunks of at most 4 MB each, losing nothing', async () => {
    const state = new FakeWorkbookState();
    longCjkSheet(state);
    state.payloadLimitBytes = LIMIT;
    const host = hostFor(state);
    let grids: Awaited<ReturnType<ExcelHost['readGrids']>> = [];
    const syncs = await syncsOf(state, async () => (grids = await host.readGrids('workbook')));
    expect(grids[0].cells).toHaveLength(20_000);
    expect(grids[0].cells[19_998][3]?.text).toMatch(/经费保障19998$/);
    expect(grids[0].cells[19_999][0]?.text).toBe('第19999行');
    expect(state.maxResponseBytes).toBeLessThanOrEqual(BUDGET);
    // ~12 MB of text: a handful of syncs, not one per row block.
    expect(syncs).toBeLessThanOrEqual(12);
  });

  it('writes 3,000 marks with long CJK notes in batches of at most 4 MB each', async () => {
    const state = new FakeWorkbookState();
    longCjkSheet(state, 600);
    state.payloadLimitBytes = LIMIT;
    const host = hostFor(state);
    const longMessage = '绩效指标描述与三级指标名称相同，未说明如何衡量，请补充衡量方法、数据来源和计算口径。'.repeat(12);
    const findings = Array.from({ length: 3000 }, (_, i) => finding(ref('明细', Math.floor(i / 5), i % 5), 'warning', `${longMessage}${i}`));
    await host.applyMarks(findings);
    expect(state.notes).toHaveLength(3000);
    expect(state.notes[2999].content).toContain('计算口径');
    expect(state.maxRequestBytes).toBeGreaterThan(BUDGET / 2);
    expect(state.maxRequestBytes).toBeLessThanOrEqual(BUDGET);
    await host.clearMarks();
    expect(state.notes).toHaveLength(0);
  });

  it('the fake enforces the limit: one request over it fails, reported in zh-CN', async () => {
    const state = new FakeWorkbookState();
    longCjkSheet(state, 10);
    state.payloadLimitBytes = 1000;
    const host = hostFor(state);
    await expect(host.applyMarks([finding(ref('明细', 0, 0), 'error', '长'.repeat(900))])).rejects.toThrow(/标注单元格失败/);
  });
});

describe('Excel host: writes only where asked', () => {
  it('insertRows shifts rows down and never overwrites', async () => {
    const state = workbookWithTables(1);
    const host = hostFor(state);
    await host.insertRows!('表1', 9, [['产出指标', '时效指标', '完成时间', '完成时间', '≤1年', '计划标准']]);
    expect(state.cell('表1', 'C11')?.value).toBe('完成时间');
    expect(state.cell('表1', 'C12')?.value).toBe('工作完成率');
    expect(state.cell('表1', 'C10')?.value).toBe('培训活动次数');
  });

  it('writeCells, addSheet with a unique name, state round trip, select', async () => {
    const state = workbookWithTables(1);
    const host = hostFor(state);
    await host.writeCells!([{ ref: ref('表1', 11, 4), text: '≥98%' }, { ref: ref('表1', 11, 5), text: '=SUM(1)' }]);
    expect(state.cell('表1', 'E12')?.value).toBe('≥98%');
    expect(state.cell('表1', 'F12')?.value).toBe("'=SUM(1)");
    await host.addSheet!('表1', [['部门整体绩效目标']]);
    expect(state.sheets.map((s) => s.name)).toEqual(['表1', '表1(2)']);
    expect(state.cell('表1(2)', 'A1')?.value).toBe('部门整体绩效目标');
    await host.saveState!('jixiao.settings', '{"schedule":"per-period"}');
    expect(await hostFor(state).loadState!('jixiao.settings')).toBe('{"schedule":"per-period"}');
    expect(await hostFor(state).loadState!('nothing')).toBeUndefined();
    await host.select(ref('表1', 3, 3));
    expect(state.active).toBe('表1');
  });
});
