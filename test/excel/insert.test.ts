/** Template insertion through the Excel host: constant syncs, nothing existing changed, formats and dropdowns. */
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { parseWorkbook } from '../../src/core/parse';
import { findTemplate, renderTemplate } from '../../src/core/templates';
import { planIndicatorCompletion, planNewTable } from '../../src/core/templates/plan';
import { FakeWorkbookState, fakeRun, supportsUpTo } from './fakeExcel';
import { tableRows, workbookWithTables } from './tables';

function host(state: FakeWorkbookState, api = '1.18'): ExcelHost {
  return new ExcelHost({ run: fakeRun(state), supports: supportsUpTo(api) });
}

/** Every value as "row,col" → value, with rows at or below `from` moved by `by`. */
function shifted(state: FakeWorkbookState, sheet: string, from: number, by: number): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, cell] of state.sheet(sheet)!.cells) {
    const [r, c] = key.split(',').map(Number);
    out.set(`${r >= from ? r + by : r},${c}`, cell.value);
  }
  return out;
}

const meeting = findTemplate('meeting')!;

describe('Excel: insertPlan', () => {
  it('inserts a whole table in two syncs whatever its size; existing values only move down', async () => {
    for (const tables of [1, 6]) {
      const state = workbookWithTables(tables);
      const h = host(state);
      const at = 13; // below the first table
      const plan = planNewTable(renderTemplate(meeting, { framework: 'caiyu88', year: 2025, budget: 20 }), { sheet: '表1', row: at, col: 0, budget: 20 });
      const expected = shifted(state, '表1', at, plan.rows.length);
      const syncs = state.syncs;
      await h.insertPlan(plan);
      expect(state.syncs - syncs).toBe(2);
      const after = state.sheet('表1')!.cells;
      for (const [key, value] of expected) expect([key, after.get(key)?.value]).toEqual([key, value]);
      // The inserted rows hold the plan, the merges exist, dropdowns and the input highlight are set.
      expect(after.get(`${at + 2},3`)?.value).toBe('项目名称');
      expect(state.sheet('表1')!.merges).toContainEqual(plan.merges[0]);
      expect(state.sheet('表1')!.validations?.map((v) => [v.source.split(',')[0], v.showAlert])).toEqual([
        ['产出指标', false],
        ['数量指标', false],
        ['计划标准：', false],
      ]);
      expect(state.sheet('表1')!.highlights).toEqual([{ box: plan.block, text: '【请填写', color: '#FFF2CC' }]);
      expect(state.sheet('表1')!.formats?.get(`${at},0`)).toMatchObject({ 'font.bold': true, 'font.size': 14 });
      // Read back through the host: the tables parse, one more than before.
      const parsed = parseWorkbook(await h.readGrids('workbook'));
      expect(parsed.tables).toHaveLength(tables + 1);
    }
  });

  it('completes a table: rows inserted below its indicators with the formats of its last row', async () => {
    const state = workbookWithTables(2);
    const h = host(state);
    const table = parseWorkbook(await h.readGrids('workbook')).tables[0];
    const plan = planIndicatorCompletion(table, renderTemplate(findTemplate('village-assistance')!, { framework: 'caiyu88', year: 2025, budget: 39 }));
    const expected = shifted(state, '表1', plan.after + 1, plan.rows.length);
    const syncs = state.syncs;
    await h.insertPlan(plan);
    expect(state.syncs - syncs).toBe(2);
    const after = state.sheet('表1')!.cells;
    for (const [key, value] of expected) expect([key, after.get(key)?.value]).toEqual([key, value]);
    expect(state.sheet('表1')!.formats?.get(`${plan.after + 1},0`)).toMatchObject({ copied: true });
    const reparsed = parseWorkbook(await h.readGrids('workbook')).tables;
    expect(reparsed).toHaveLength(2);
    expect(reparsed[0].indicators.length).toBe(table.indicators.length + plan.rows.length);
  });

  it('refuses to write into a cell that is no longer empty, changing nothing', async () => {
    const state = new FakeWorkbookState();
    state.addSheet('表1', tableRows(1));
    const h = host(state);
    const table = parseWorkbook(await h.readGrids('workbook')).tables[0];
    const plan = planIndicatorCompletion(table, renderTemplate(meeting, { framework: 'caiyu88', year: 2025 }));
    plan.writes = [{ ref: { sheet: '表1', row: 9, col: 2, address: 'C10' }, text: '新内容' }];
    const before = state.valuesSnapshot();
    await expect(h.insertPlan(plan)).rejects.toThrow('已有内容');
    expect(state.valuesSnapshot()).toBe(before);
  });

  it('works on old Excel without dropdowns, copyFrom or conditional formats', async () => {
    const state = workbookWithTables(1);
    const plan = planNewTable(renderTemplate(meeting, { framework: 'caiyu101', year: 2025 }), { sheet: '表1', row: 20, col: 1 });
    await host(state, '1.4').insertPlan(plan);
    expect(state.sheet('表1')!.validations).toBeUndefined();
    expect(state.sheet('表1')!.highlights).toBeUndefined();
    expect(state.sheet('表1')!.cells.get('22,4')?.value).toBe('项目名称');
  });
});
