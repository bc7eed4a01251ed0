/** 删除此行 on the file side: the page's memory host and the downloaded copy (ExcelJS) agree with the core. */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/core/findings';
import { isRowDeletion } from '../../src/core/findings';
import type { Grid } from '../../src/core/grid';
import { gridAfterDeletion } from '../../src/core/rowDelete';
import { validateGrids } from '../../src/core/validate';
import { readGridsFromBuffer } from '../../src/hosts/file/read';
import { applyEdits } from '../../src/web/edits';
import { createMemoryHost } from '../../src/web/memoryHost';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

const texts = (g: Grid) => Array.from(g.cells, (row) => Array.from(row ?? [], (c) => c?.text ?? ''));
const trim = (rows: string[][]) => {
  const out = rows.map((r) => {
    const copy = [...r];
    while (copy.length && copy[copy.length - 1] === '') copy.pop();
    return copy;
  });
  while (out.length && !out[out.length - 1].length) out.pop();
  return out;
};

let bytes: Uint8Array;
let grids: Grid[];
let findings: Finding[];
let deletions: Finding[];

beforeAll(async () => {
  bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
  grids = await readGridsFromBuffer(bytes.slice());
  findings = validateGrids(grids).findings;
  deletions = findings.filter((f) => isRowDeletion(f.fix));
});

describe('删除此行 in the page and its download', () => {
  it('the memory host deletes inside the table, moves marks and earlier edits, and drops those on the row', async () => {
    const f = deletions[0];
    const d = f.fix!.deleteRow!;
    const host = createMemoryHost(grids);
    await host.applyMarks(findings);
    const below = { sheet: d.sheet, row: d.row + 2, col: 3, address: `D${d.row + 3}` };
    await host.writeCells([
      { ref: below, text: '改过的描述' },
      { ref: { ...f.ref, col: 3, address: `D${d.row + 1}` }, text: '被删的行' },
    ]);
    await host.deleteRow(d);
    const s = host.getState();
    expect(s.deletions).toEqual([{ deletion: d, afterInserts: 0 }]);
    expect(s.edits).toEqual([{ ref: { ...below, row: d.row + 1, address: `D${d.row + 2}` }, text: '改过的描述' }]);
    expect(s.marks.some((m) => m.ref.sheet === d.sheet && m.ref.row === d.row && m.ruleId === f.ruleId && m.ref.col === f.ref.col)).toBe(false);
    const moved = findings.filter((m) => m.ref.row > d.row && m.ref.row <= d.bottom).length;
    expect(s.marks.filter((m) => m.ref.row >= d.row && m.ref.row < d.bottom).length).toBe(moved);
    const again = validateGrids(s.grids).findings;
    expect(again.some((x) => x.ruleId === f.ruleId && x.ref.address === f.ref.address)).toBe(false);
  });

  it('the downloaded copy holds exactly the grid the page shows, for each deletion of the example', async () => {
    // Three deletions one after another, each planned on the state the clerk sees.
    const host = createMemoryHost(grids);
    for (let k = 0; k < 3; k++) {
      const next = validateGrids(host.getState().grids).findings.find((x) => isRowDeletion(x.fix))!;
      await host.deleteRow(next.fix!.deleteRow!);
    }
    const s = host.getState();
    const out = await applyEdits(bytes, s.edits, { deletions: s.deletions });
    const read = await readGridsFromBuffer(out.slice());
    expect(read.map((g) => trim(texts(g)))).toEqual(s.grids.map((g) => trim(texts(g))));
    const sortM = (g: Grid) => [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    expect(read.map(sortM)).toEqual(s.grids.map(sortM));
    // Formats move with the cells: the cell that moved up into the first deleted row keeps its font.
    const wbIn = new ExcelJS.Workbook();
    await wbIn.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const wbOut = new ExcelJS.Workbook();
    await wbOut.xlsx.load(out.slice().buffer as ArrayBuffer);
    const d = s.deletions[0].deletion;
    const src = wbIn.getWorksheet(d.sheet)!.getCell(d.row + 2, 4);
    const dst = wbOut.getWorksheet(d.sheet)!.getCell(d.row + 1, 4);
    expect(dst.font).toEqual(src.font);
    expect(dst.border).toEqual(src.border);
  });

  it('matches the core on every single deletion of the example', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    for (const f of deletions.slice(0, 4)) {
      const d = f.fix!.deleteRow!;
      const out = await applyEdits(bytes, [], { deletions: [{ deletion: d, afterInserts: 0 }] });
      const read = await readGridsFromBuffer(out.slice());
      const expected = grids.map((g) => gridAfterDeletion(g, d));
      expect(read.map((g) => trim(texts(g)))).toEqual(expected.map((g) => trim(texts(g))));
    }
  });
});
