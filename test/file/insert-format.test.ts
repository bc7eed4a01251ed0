/**
 * File/page insertion copies the surrounding table's look (fills of header rows, fonts, borders) and keeps every
 * existing value in place (shifted down only).
 */
import { readFileSync } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import { parseWorkbook } from '../../src/core/parse';
import { findTemplate, renderTemplate } from '../../src/core/templates';
import { neighbourTable, planIndicatorCompletion, planNewTable } from '../../src/core/templates/plan';
import { applyPlanToWorkbook } from '../../src/hosts/file/insert';
import { loadWorkbook } from '../../src/hosts/file/legacyRead';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { movedDown } from '../helpers/moved';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');
const FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

function cellValues(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!cell.isMerged || cell.master === cell) out.set(`${r - 1}:${c - 1}`, JSON.stringify(cell.value));
    }),
  );
  return out;
}


async function setup() {
  const tables = parseWorkbook(await readGridsFromFile(EXAMPLE)).tables;
  const wb = await loadWorkbook(new Uint8Array(readFileSync(EXAMPLE)));
  const first = tables[0];
  const ws = wb.getWorksheet(first.sheet)!;
  // The first table gets a look of its own: a filled, bold 黑体 header row.
  const header = ws.getRow(first.indicatorHeader!.row + 1);
  for (let c = 1; c <= 7; c++) {
    const cell = header.getCell(c);
    cell.fill = FILL;
    cell.font = { name: '黑体', size: 11, bold: true };
  }
  return { tables, wb, ws, first };
}

describe('file host: insertion formats', () => {
  it('a new table between two tables copies the first table’s header fill and font; values only move down', async () => {
    const { tables, ws, wb, first } = await setup();
    const at = first.bottom + 2;
    const plan = planNewTable(renderTemplate(findTemplate('meeting')!, { framework: 'caiyu88', year: 2025, budget: 20 }), {
      sheet: first.sheet,
      row: at,
      col: 0,
      budget: 20,
      like: neighbourTable(tables, first.sheet, at),
    });
    const before = cellValues(ws);
    applyPlanToWorkbook(wb, plan);
    const after = cellValues(ws);
    for (const [k, v] of movedDown(before, at - 1, plan.rows.length)) expect([k, after.get(k)]).toEqual([k, v]);
    const headerRow = ws.getRow(at + plan.rows.findIndex((r) => r[0] === '一级指标') + 1);
    for (let c = 1; c <= 7; c++) {
      expect(headerRow.getCell(c).fill).toEqual(FILL);
      expect(headerRow.getCell(c).font).toMatchObject({ name: '黑体', bold: true });
    }
    // The indicator rows copy the first table's indicator row (its borders), not the standard 宋体 look.
    const source = ws.getRow(first.indicators[1].row + 1).getCell(3);
    const target = ws.getRow(at + plan.rows.findIndex((r) => r[0] === '一级指标') + 2).getCell(3);
    expect(target.border).toEqual(source.border);
    expect(target.font).toEqual(source.font);
  });

  it('completion rows copy the last indicator row', async () => {
    const { ws, wb, first } = await setup();
    const plan = planIndicatorCompletion(first, renderTemplate(findTemplate('village-assistance')!, { framework: 'caiyu88', year: 2025, budget: 39 }));
    expect(plan.rows.length).toBeGreaterThan(0);
    const last = ws.getRow(plan.after + 1);
    last.getCell(4).font = { name: '仿宋', size: 12 };
    const before = cellValues(ws);
    applyPlanToWorkbook(wb, plan);
    const after = cellValues(ws);
    for (const [k, v] of movedDown(before, plan.after, plan.rows.length)) expect([k, after.get(k)]).toEqual([k, v]);
    for (let i = 0; i < plan.rows.length; i++) expect(ws.getRow(plan.after + 2 + i).getCell(4).font).toMatchObject({ name: '仿宋', size: 12 });
  });
});
