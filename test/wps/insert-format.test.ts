/**
 * WPS insertion copies the surrounding table's look (fonts, borders, fills of header rows) like the Excel host's
 * copyFrom, never a 校验 mark fill, and changes no existing cell value.
 */
import { parseWorkbook } from '../../src/core/parse';
import { MARK_COLORS } from '../../src/core/marks';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import { findTemplate, renderTemplate } from '../../src/core/templates';
import { neighbourTable, planIndicatorCompletion, planNewTable } from '../../src/core/templates/plan';
import { createWpsHost } from '../../src/hosts/wps';
import type { EtApplication } from '../../src/hosts/wps/et';
import { hexToBgr } from '../../src/hosts/wps/et';
import { BASE_SPEC } from '../helpers/ruleTester';
import { movedDown } from '../helpers/moved';
import { FakeEt, type FakeSheet } from './fakeEt';

const HEADER_FILL = hexToBgr('#D9E1F2');

/** The first table gets a look of its own: a filled bold header row, 仿宋 12 pt indicator rows. */
async function styled(methods: boolean) {
  const fake = new FakeEt({ methods });
  fake.addGrid(gridFromSpecs([BASE_SPEC, { ...BASE_SPEC, name: '第二个项目' }], '表1'));
  const host = createWpsHost(fake.application() as EtApplication);
  const tables = parseWorkbook(await host.readGrids('workbook')).tables;
  const s = fake.sheet('表1');
  const first = tables[0];
  const header = first.indicatorHeader!.row;
  for (let c = 0; c < 7; c++) {
    s.formats.set(`${header}:${c}`, { 'Font.Name': '黑体', 'Font.Bold': true, 'Borders.LineStyle': 1, 'Borders.Weight': 2 });
    Object.assign(s.cell(header, c), { color: HEADER_FILL, colorIndex: 99, pattern: 1 });
    for (const row of first.indicators) s.formats.set(`${row.row}:${c}`, { 'Font.Name': '仿宋', 'Font.Size': 12, 'Borders.LineStyle': 1 });
  }
  return { fake, host, tables, s };
}

function values(s: FakeSheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, c] of s.cells) if (c.value !== undefined && c.value !== '') out.set(k, c.value);
  return out;
}


describe.each([false, true])('WPS insertion formats (methods=%s)', (methods) => {
  it('a new table between two tables copies the first table’s header fill, fonts and borders', async () => {
    const { host, tables, s } = await styled(methods);
    const at = tables[0].bottom + 2;
    const like = neighbourTable(tables, '表1', at);
    expect(like?.id).toBe(tables[0].id);
    const plan = planNewTable(renderTemplate(findTemplate('meeting')!, { framework: 'caiyu88', year: 2025, budget: 20 }), { sheet: '表1', row: at, col: 0, budget: 20, like });
    const before = values(s);
    await host.insertPlan!(plan);
    const after = values(s);
    for (const [k, v] of movedDown(before, at - 1, plan.rows.length)) expect([k, after.get(k)]).toEqual([k, v]);
    const headerRow = at + plan.rows.findIndex((r) => r[0] === '一级指标');
    for (let c = 0; c < 7; c++) {
      expect(s.cell(headerRow, c).color).toBe(HEADER_FILL);
      expect(s.formats.get(`${headerRow}:${c}`)).toMatchObject({ 'Font.Name': '黑体', 'Font.Bold': true, 'Borders.Weight': 2 });
    }
    const firstIndicator = headerRow + 1;
    expect(s.formats.get(`${firstIndicator}:2`)).toMatchObject({ 'Font.Name': '仿宋', 'Font.Size': 12 });
    // Rows the other table has no counterpart for keep the standard look (the schedule header: 宋体 bold).
    const schedule = at + plan.rows.findIndex((r) => r[0] === '资金支出计划（%）');
    expect(s.formats.get(`${schedule}:1`)).toMatchObject({ 'Font.Name': '宋体', 'Font.Bold': true });
    expect(s.cell(schedule, 1).colorIndex).not.toBe(99);
  });

  it('completion rows copy the last indicator row, but not a 校验 mark on it', async () => {
    const { host, tables, s } = await styled(methods);
    const table = tables[0];
    const last = table.indicators[table.indicators.length - 1].row;
    Object.assign(s.cell(last, 4), { color: hexToBgr(MARK_COLORS.error.hex), colorIndex: 99, pattern: 1 });
    const plan = planIndicatorCompletion(table, renderTemplate(findTemplate('building-maintenance')!, { framework: 'caiyu88', year: 2025, budget: 85.5 }));
    expect(plan.rows.length).toBeGreaterThan(0);
    const before = values(s);
    await host.insertPlan!(plan);
    const after = values(s);
    for (const [k, v] of movedDown(before, plan.after, plan.rows.length)) expect([k, after.get(k)]).toEqual([k, v]);
    for (let i = 0; i < plan.rows.length; i++) {
      expect(s.formats.get(`${last + 1 + i}:3`)).toMatchObject({ 'Font.Name': '仿宋', 'Font.Size': 12, 'Borders.LineStyle': 1 });
      expect(s.cell(last + 1 + i, 4).colorIndex).toBe(-4142);
    }
    // The marked source cell keeps its mark.
    expect(s.cell(last, 4).color).toBe(hexToBgr(MARK_COLORS.error.hex));
  });
});
