import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Cell, CellRef, Grid } from '../../src/core/grid';
import { parseA1 } from '../../src/core/grid';
import type { Finding, Severity } from '../../src/core/findings';
import { MARK_COLORS } from '../../src/core/marks';
import { NOTE_PREFIX, annotateBuffer } from '../../src/hosts/file/annotate';
import { annotateFile } from '../../src/hosts/file/node';
import { readGridsFromBuffer } from '../../src/hosts/file/read';
import { EXAMPLE, tmpDir } from '../fixtures/files';

const SHEET = '项目支出绩效目标表';

function ref(address: string, sheet = SHEET): CellRef {
  const p = parseA1(address)!;
  return { sheet, row: p.row, col: p.col, address };
}

function finding(address: string, severity: Severity, ruleId: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity, criterion: '适当性', ref: ref(address), message: `${address} 的测试问题`, ...extra };
}

/** Every cell value of every sheet, as comparable JSON. */
function allValues(grids: Grid[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of grids) {
    g.cells.forEach((row, r) =>
      row.forEach((c: Cell | undefined, col) => {
        if (c) out[`${g.sheetName}!${r},${col}`] = c.value instanceof Date ? c.value.toISOString() : c.value;
      }),
    );
  }
  return out;
}

async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const noteOf = (cell: ExcelJS.Cell): string => {
  const n = cell.note as unknown;
  if (typeof n === 'string') return n;
  return ((n as { texts?: { text: string }[] })?.texts ?? []).map((t) => t.text).join('');
};

let exampleGrids: Grid[] = [];
beforeAll(async () => {
  exampleGrids = await readGridsFromBuffer(new Uint8Array(fs.readFileSync(EXAMPLE)));
});

function firstRowWith(text: string): number {
  const g = exampleGrids.find((x) => x.sheetName === SHEET)!;
  return g.cells.findIndex((r) => r?.[4]?.text === text);
}

describe('annotateBuffer', () => {
  const original = new Uint8Array(fs.readFileSync(EXAMPLE));
  // Table 12 (A219) ends with its 满意度 row 233, whose value is the backwards "≤98%".
  const E_FIX = 'E233';
  const findings: Finding[] = [
    finding('E12', 'warning', 'value-outlier'),
    finding('E12', 'error', 'count-unit'),
    finding('C4', 'info', 'budget-note'),
    finding('A10', 'error', 'level1-name'), // master of a vertical merge
    finding('A11', 'warning', 'slave-cell'), // inside that merge: marks go to the master
    finding('B8', 'warning', 'goal-vague'),
    {
      ...finding(E_FIX, 'error', 'satisfaction-direction'),
      fix: { ref: ref(E_FIX), from: '≤98%', to: '≥98%', description: '将“≤98%”改为“≥98%”' },
    },
    {
      ...finding('E10', 'error', 'stale-fix'),
      fix: { ref: ref('E10'), from: '≤1%', to: '≥1%', description: '过期的建议' },
    },
  ];

  it('marks every finding cell and changes no value', async () => {
    const { buffer, changes } = await annotateBuffer(original, findings);
    expect(changes).toEqual([]);
    const before = allValues(await readGridsFromBuffer(original));
    const after = allValues(await readGridsFromBuffer(buffer));
    expect(after).toEqual(before);

    const wb = await loadExcel(buffer);
    const ws = wb.getWorksheet(SHEET)!;
    const fillOf = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fillOf('E12')).toBe(MARK_COLORS.error.argb);
    expect(fillOf('C4')).toBe(MARK_COLORS.info.argb);
    expect(fillOf('B8')).toBe(MARK_COLORS.warning.argb);
    expect(fillOf('A10')).toBe(MARK_COLORS.error.argb);
    expect(noteOf(ws.getCell('E12'))).toBe(
      `${NOTE_PREFIX}
【错误】E12 的测试问题
【警告】E12 的测试问题`,
    );
    expect(noteOf(ws.getCell(E_FIX))).toContain('建议修改：将“≤98%”改为“≥98%”');
    expect(noteOf(ws.getCell('A10'))).toContain('【警告】A11 的测试问题');
  });

  it('keeps fonts and borders, and does not recolour neighbours sharing a style', async () => {
    const { buffer } = await annotateBuffer(original, findings);
    const ws = (await loadExcel(buffer)).getWorksheet(SHEET)!;
    const e12 = ws.getCell('E12');
    expect(e12.font?.name).toBe('宋体');
    expect(e12.border?.top?.style).toBe('thin');
    const neighbour = ws.getCell('E13');
    expect((neighbour.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    expect((ws.getCell('A9').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9');
  });

  it('applies fixes only on request and only where the cell still shows fix.from', async () => {
    const grids = await readGridsFromBuffer(original);
    const sheet = grids.find((g) => g.sheetName === SHEET)!;
    const row = parseA1(E_FIX)!.row;
    expect(firstRowWith('≤98%')).toBe(row);
    expect(sheet.cells[row][4]?.text).toBe('≤98%');

    const { buffer, changes } = await annotateBuffer(original, findings, { applyFixes: true });
    expect(changes).toEqual([{ ref: ref(E_FIX), from: '≤98%', to: '≥98%' }]);
    const before = allValues(grids);
    const after = allValues(await readGridsFromBuffer(buffer));
    expect(after[`${SHEET}!${row},4`]).toBe('≥98%');
    const ws = (await loadExcel(buffer)).getWorksheet(SHEET)!;
    expect(noteOf(ws.getCell(E_FIX))).toContain('已自动修改：“≤98%” → “≥98%”');
    expect(noteOf(ws.getCell('E10'))).toContain('建议修改：过期的建议');
    delete before[`${SHEET}!${row},4`];
    delete after[`${SHEET}!${row},4`];
    expect(after).toEqual(before);
  });

  it('skips findings on unknown sheets instead of failing', async () => {
    const stray = { ...finding('A1', 'error', 'x'), ref: ref('A1', '没有这个表') };
    const { skipped, buffer } = await annotateBuffer(original, [stray]);
    expect(skipped).toEqual([stray]);
    expect(allValues(await readGridsFromBuffer(buffer))).toEqual(allValues(await readGridsFromBuffer(original)));
  });

  it('annotateFile writes the copy and leaves the input untouched', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out.xlsx');
    await annotateFile(EXAMPLE, out, findings);
    expect(fs.existsSync(out)).toBe(true);
    expect(new Uint8Array(fs.readFileSync(EXAMPLE))).toEqual(original);
  });
});
