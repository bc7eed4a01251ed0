/** 删除此行 and note sizes through the Excel host, on the counting fake. */
import type { Finding } from '../../src/core/findings';
import { isRowDeletion } from '../../src/core/findings';
import { findingsAfterDeletion } from '../../src/core/rowDelete';
import { validateGrids } from '../../src/core/validate';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { STORE_KEY, parseStore } from '../../src/hosts/excel/markStore';
import { FakeWorkbookState, fakeRun, supportsUpTo } from './fakeExcel';
import { finding, ref, tableRows } from './tables';

/** `tables` tables on one sheet, the first with a filler 时效 row, 一级 merged, and a clerk's notes in column H. */
function workbook(tables: number): FakeWorkbookState {
  const state = new FakeWorkbookState();
  const rows: (string | number | null)[][] = [];
  for (let t = 1; t <= tables; t++) {
    const r = tableRows(t);
    if (t === 1) r.splice(11, 0, [null, '时效指标', '时效指标', '时效指标', '≥90%', '按照年初工作安排']);
    rows.push(...r);
  }
  // 备注 column H beside every row below the first table (outside every table's columns).
  rows.forEach((row, i) => {
    if (i > 14) {
      while (row.length < 8) row.push(null);
      row[7] = `备注${i}`;
    }
  });
  state.addSheet('表1', rows, [{ top: 9, left: 0, bottom: 11, right: 0 }]);
  return state;
}

function host(state: FakeWorkbookState, options: { sizeNotes?: boolean } = {}): ExcelHost {
  return new ExcelHost({ run: fakeRun(state), supports: supportsUpTo('1.18'), sizeNotes: options.sizeNotes ?? true });
}

const where = (f: Finding) => `${f.ruleId}@${f.ref.address}`;

describe('Excel: deleteRow', () => {
  it('two syncs whatever the size; only the table moves; marks, notes and merges follow; the row re-checks clean', async () => {
    for (const tables of [1, 8]) {
      const state = workbook(tables);
      const h = host(state);
      const grids = await h.readGrids('workbook');
      const { findings } = validateGrids(grids);
      const filler = findings.find((f) => f.ruleId === 'filler-indicator')!;
      expect(isRowDeletion(filler.fix)).toBe(true);
      const d = filler.fix!.deleteRow!;
      expect(d).toMatchObject({ row: 11, left: 0, right: 5, carry: [], check: { col: 2, text: '时效指标' } });
      await h.applyMarks(findings);
      const sheet = state.sheet('表1')!;
      const before = new Map(sheet.cells);
      const satisfaction = sheet.cells.get('12,4'); // ≤98% below the deleted row: marked
      expect(satisfaction?.fill).toBeDefined();
      expect(state.notes.some((n) => n.address === 'E13')).toBe(true);

      const syncs = state.syncs;
      await h.deleteRow(d);
      expect(state.syncs - syncs).toBe(2);

      // Outside the first table (rows below it, column H) nothing moved or changed.
      for (const [key, cell] of before) {
        const [r, c] = key.split(',').map(Number);
        if (r > d.bottom || c > d.right) expect([key, sheet.cells.get(key)?.value]).toEqual([key, cell.value]);
      }
      // Inside it the rows below the deleted one moved up, with their fills and notes; the last row is empty.
      expect(sheet.cells.get('11,2')?.value).toBe('使用单位成员满意度');
      expect(sheet.cells.get('11,4')).toBe(satisfaction);
      expect(state.notes.some((n) => n.address === 'E12' && n.content.includes('满意度'))).toBe(true);
      expect(state.notes.some((n) => n.address === 'C12' && n.content.includes('时效指标'))).toBe(false);
      for (let c = 0; c <= 5; c++) expect(sheet.cells.get(`${d.bottom},${c}`)).toBeUndefined();
      expect(state.clearedFormats).toEqual([{ sheet: '表1', box: { top: d.bottom, left: 0, bottom: d.bottom, right: 5 } }]);
      expect(sheet.merges).toContainEqual({ top: 9, left: 0, bottom: 10, right: 0 });
      // The saved originals moved with the cells, so 清除标记 restores the right cells.
      const store = parseStore(state.settings.get(STORE_KEY))!;
      expect(store.cells['表1!E12']).toBeDefined();
      expect(store.cells['表1!C12']).toBeUndefined();

      // Re-read and re-check: the filler is gone and nothing new appears.
      const after = validateGrids(await h.readGrids('workbook')).findings;
      const expected = new Set(findingsAfterDeletion(findings, d).map(where));
      expect(after.filter((f) => !expected.has(where(f))).map(where)).toEqual([]);
      expect(after.some((f) => f.ruleId === 'filler-indicator')).toBe(false);
      await h.clearMarks();
      expect(sheet.cells.get('11,4')?.fill).toBeUndefined();
      expect(state.notes).toEqual([]);
    }
  });

  it('carries a 一级 written once to the row that moves up', async () => {
    const state = new FakeWorkbookState();
    const rows = tableRows(1);
    rows.splice(9, 0, ['产出指标', '时效指标', '时效指标', '时效指标', '≥90%', '按照年初工作安排']);
    rows[10][0] = null; // 数量 row: 一级 blank, carried from the filler row
    state.addSheet('表1', rows);
    const h = host(state);
    const f = validateGrids(await h.readGrids('workbook')).findings.find((x) => x.ruleId === 'filler-indicator')!;
    expect(f.fix!.deleteRow!.carry).toEqual([{ col: 0, text: '产出指标' }]);
    await h.deleteRow(f.fix!.deleteRow!);
    expect(state.sheet('表1')!.cells.get('9,0')?.value).toBe('产出指标');
    expect(state.sheet('表1')!.cells.get('9,2')?.value).toBe('培训活动次数');
  });

  it('refuses, changing nothing, when the row changed since the check or a merged area would be cut', async () => {
    const state = workbook(1);
    const h = host(state);
    const f = validateGrids(await h.readGrids('workbook')).findings.find((x) => x.ruleId === 'filler-indicator')!;
    state.sheet('表1')!.cells.set('11,2', { value: '维修完成时限' });
    const snapshot = state.valuesSnapshot();
    await expect(h.deleteRow(f.fix!.deleteRow!)).rejects.toThrow('第12行的内容已经改变');
    state.sheet('表1')!.cells.set('11,2', { value: '时效指标' });
    state.sheet('表1')!.merges.push({ top: 12, left: 5, bottom: 12, right: 8 });
    await expect(h.deleteRow(f.fix!.deleteRow!)).rejects.toThrow('合并单元格 F13:I13');
    state.sheet('表1')!.cells.set('11,2', { value: '维修完成时限' });
    expect(state.valuesSnapshot()).toBe(snapshot);
  });
});

describe('Excel: notes sized to their text', () => {
  const long = '满意度指标的指标值方向相反，应设下限。'.repeat(12);
  const marks = [finding(ref('表1', 9, 4), 'error', '短'), finding(ref('表1', 10, 4), 'error', long)];

  it('a long note gets a taller box than a short one', async () => {
    const state = workbook(1);
    const h = host(state);
    await h.readGrids('workbook');
    await h.applyMarks(marks);
    const short = state.notes.find((n) => n.address === 'E10')!;
    const tall = state.notes.find((n) => n.address === 'E11')!;
    expect(short.width).toBeGreaterThan(100);
    expect(tall.width).toBe(short.width);
    expect(tall.height!).toBeGreaterThan(short.height! * 2);
  });

  it('no size where notes cannot be sized (Excel on the web, or an office.js without Note.width)', async () => {
    for (const [state, h] of [
      (() => {
        const s = workbook(1);
        return [s, host(s, { sizeNotes: false })] as const;
      })(),
      (() => {
        const s = workbook(1);
        s.officeJsLacks.add('width');
        return [s, host(s)] as const;
      })(),
    ]) {
      await h.readGrids('workbook');
      await h.applyMarks(marks);
      expect(state.notes).toHaveLength(2);
      expect(state.notes.map((n) => n.width ?? n.height)).toEqual([undefined, undefined]);
    }
  });
});

