/** Template insertion through the WPS host (fake ET): nothing existing changes, formats, dropdowns, highlight. */
import { parseWorkbook } from '../../src/core/parse';
import { BASE_SPEC } from '../helpers/ruleTester';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import { findTemplate, renderTemplate } from '../../src/core/templates';
import { planIndicatorCompletion, planNewTable } from '../../src/core/templates/plan';
import { createWpsHost } from '../../src/hosts/wps';
import type { EtApplication } from '../../src/hosts/wps/et';
import { hexToBgr } from '../../src/hosts/wps/et';
import { FakeEt } from './fakeEt';

function setup(methods = false) {
  const fake = new FakeEt({ methods });
  fake.addGrid(gridFromSpecs([BASE_SPEC, { ...BASE_SPEC, name: '第二个项目' }], '表1'));
  const host = createWpsHost(fake.application() as EtApplication);
  return { fake, host };
}

/** Values keyed "row:col", rows at or below `from` moved by `by`. */
function shifted(fake: FakeEt, from: number, by: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, c] of fake.sheet('表1').cells) {
    if (c.value === undefined || c.value === '') continue;
    const [r, col] = k.split(':').map(Number);
    out[`${r >= from ? r + by : r}:${col}`] = c.value;
  }
  return out;
}

function now(fake: FakeEt): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, c] of fake.sheet('表1').cells) if (c.value !== undefined && c.value !== '') out[k] = c.value;
  return out;
}

describe.each([false, true])('WPS: insertPlan (methods=%s)', (methods) => {
  it('inserts a whole table between two tables; existing values only move down', async () => {
    const { fake, host } = setup(methods);
    const first = parseWorkbook(await host.readGrids('workbook')).tables[0];
    const at = first.bottom + 2;
    const plan = planNewTable(renderTemplate(findTemplate('meeting')!, { framework: 'caiyu88', year: 2025, budget: 20 }), { sheet: '表1', row: at, col: 0, budget: 20 });
    const expected = shifted(fake, at, plan.rows.length);
    await host.insertPlan!(plan);
    const after = now(fake);
    for (const [k, v] of Object.entries(expected)) expect([k, after[k]]).toEqual([k, v]);
    const s = fake.sheet('表1');
    expect(s.merges).toContainEqual(plan.merges[0]);
    expect(s.validations.map((v) => [v.list.split(',')[0], v.showError])).toEqual([
      ['产出指标', false],
      ['数量指标', false],
      ['计划标准：', false],
    ]);
    expect(s.highlights).toEqual([{ range: plan.block, text: '【请填写', color: hexToBgr('#FFF2CC') }]);
    expect(s.formats.get(`${at}:0`)).toMatchObject({ 'Font.Bold': true, 'Font.Size': 14 });
    const parsed = parseWorkbook(await host.readGrids('workbook'));
    expect(parsed.tables.map((t) => t.projectName?.text)).toEqual([BASE_SPEC.name, plan.rows[2][4], '第二个项目']);
  });

  it('completes a table below its indicators and never writes a non-empty cell', async () => {
    const { fake, host } = setup(methods);
    const table = parseWorkbook(await host.readGrids('workbook')).tables[0];
    const plan = planIndicatorCompletion(table, renderTemplate(findTemplate('building-maintenance')!, { framework: 'caiyu88', year: 2025, budget: 85.5 }));
    const expected = shifted(fake, plan.after + 1, plan.rows.length);
    await host.insertPlan!(plan);
    const after = now(fake);
    for (const [k, v] of Object.entries(expected)) expect([k, after[k]]).toEqual([k, v]);
    const reparsed = parseWorkbook(await host.readGrids('workbook')).tables;
    expect(reparsed).toHaveLength(2);
    expect(reparsed[0].indicators.length).toBe(table.indicators.length + plan.rows.length);
    const bad = { ...plan, rows: [], roles: [], writes: [{ ref: table.indicators[0].level3.ref, text: 'x' }] };
    const before = fake.values();
    await expect(host.insertPlan!(bad)).rejects.toThrow('已有内容');
    expect(fake.values()).toEqual(before);
  });
});
