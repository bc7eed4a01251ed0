/** 删除此行: the plan, its effect on a grid, and the shift of every address below the deleted row. */
import type { Finding, RowDeletion } from '../../src/core/findings';
import type { Grid } from '../../src/core/grid';
import { toA1 } from '../../src/core/grid';
import type { IndicatorRow } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse';
import {
  addressAfterDeletion,
  findingsAfterDeletion,
  gridAfterDeletion,
  mergeAfterDeletion,
  planRowDeletion,
  refAfterDeletion,
  rowDeletionBlocked,
  widenToMerges,
} from '../../src/core/rowDelete';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import { BASE_SPEC } from '../helpers/ruleTester';

const D: RowDeletion = { sheet: 'S', row: 9, bottom: 30, left: 0, right: 6, carry: [] };
const ref = (address: string, sheet = 'S') => {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return { sheet, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65, address };
};

/** Non-empty cell texts with their sheet position, minus those in `skip`. */
function texts(grid: Grid): string[] {
  const out: string[] = [];
  grid.cells.forEach((row, r) => row?.forEach((c, col) => c && c.text.trim() && out.push(`${toA1(r, col)}=${c.text}`)));
  return out;
}
const values = (grid: Grid) => texts(grid).map((t) => t.slice(t.indexOf('=') + 1));
const rowKey = (r: IndicatorRow) => [r.level1.text, r.level2.text, r.level3.text, r.description.text, r.value.text, r.basis.text].join('|');

describe('addresses after a deletion', () => {
  it('moves cells below the row inside the table columns up one row, drops the row, leaves the rest', () => {
    expect(refAfterDeletion(ref('C12'), D)).toEqual(ref('C11'));
    expect(refAfterDeletion(ref('C10'), D)).toBeUndefined();
    expect(refAfterDeletion(ref('C9'), D)).toEqual(ref('C9'));
    expect(refAfterDeletion(ref('H12'), D)).toEqual(ref('H12')); // right of the table
    expect(refAfterDeletion(ref('C12', 'T'), D)).toEqual(ref('C12', 'T')); // another sheet
    expect(refAfterDeletion(ref('C31'), D)).toEqual(ref('C30')); // the table's last row
    expect(refAfterDeletion(ref('C32'), D)).toEqual(ref('C32')); // below the table
    expect(addressAfterDeletion('S', 'G30', D)).toBe('G29');
    expect(addressAfterDeletion('S', 'G40', D)).toBe('G40');
    expect(addressAfterDeletion('S', 'A10', D)).toBeUndefined();
  });

  it('shrinks merged areas across the row, moves those below, drops one that vanishes', () => {
    expect(mergeAfterDeletion({ top: 7, left: 0, bottom: 11, right: 0 }, D)).toEqual({ top: 7, left: 0, bottom: 10, right: 0 });
    expect(mergeAfterDeletion({ top: 12, left: 5, bottom: 12, right: 6 }, D)).toEqual({ top: 11, left: 5, bottom: 11, right: 6 });
    expect(mergeAfterDeletion({ top: 9, left: 5, bottom: 9, right: 6 }, D)).toBeUndefined();
    expect(mergeAfterDeletion({ top: 9, left: 0, bottom: 10, right: 0 }, D)).toBeUndefined(); // one cell left
    expect(mergeAfterDeletion({ top: 2, left: 0, bottom: 4, right: 6 }, D)).toEqual({ top: 2, left: 0, bottom: 4, right: 6 });
    expect(mergeAfterDeletion({ top: 35, left: 0, bottom: 36, right: 0 }, D)).toEqual({ top: 35, left: 0, bottom: 36, right: 0 });
  });

  it('refuses when a merged area at or below the row crosses the table edge', () => {
    expect(rowDeletionBlocked([{ top: 30, left: 5, bottom: 30, right: 8 }], D)).toContain('F31:I31');
    expect(rowDeletionBlocked([{ top: 50, left: 5, bottom: 50, right: 8 }], D)).toContain('F51:I51'); // further down
    expect(rowDeletionBlocked([{ top: 29, left: 0, bottom: 31, right: 0 }], D)).toContain('A30:A32'); // across the last row
    expect(rowDeletionBlocked([{ top: 31, left: 0, bottom: 32, right: 6 }], D)).toBeUndefined(); // below the table
    expect(rowDeletionBlocked([{ top: 3, left: 5, bottom: 3, right: 8 }], D)).toBeUndefined(); // above the row
    expect(rowDeletionBlocked([{ top: 30, left: 7, bottom: 30, right: 8 }], D)).toBeUndefined(); // beside the table
  });

  it('widens to whole merged areas on the moving rows (a reader may have clipped them)', () => {
    const merges = [
      { top: 12, left: 5, bottom: 12, right: 7 }, // F13:H13 on a moving row
      { top: 2, left: 0, bottom: 2, right: 9 }, // above the row: irrelevant
      { top: 40, left: 5, bottom: 40, right: 9 }, // below the table: irrelevant
    ];
    expect(widenToMerges(D, merges)).toEqual({ ...D, right: 7 });
    expect(widenToMerges(D, merges.slice(1))).toBe(D);
  });

  it('shifts findings and their fixes; those on the deleted row go', () => {
    const f = (address: string, extra: Partial<Finding> = {}): Finding => ({
      ruleId: 'x',
      severity: 'error',
      criterion: '完整性',
      ref: ref(address),
      message: 'm',
      ...extra,
    });
    const other: RowDeletion = { ...D, row: 14 };
    const list = [
      f('C9'),
      f('C10'),
      f('E12', { fix: { ref: ref('E12'), from: '≤1', to: '≥1', description: 'd' } }),
      f('C15', { fix: { kind: 'delete-row', ref: ref('C15'), from: '时效指标', to: '', description: 'old', deleteRow: other } }),
      f('H12'),
    ];
    const after = findingsAfterDeletion(list, D);
    expect(after.map((x) => x.ref.address)).toEqual(['C9', 'E11', 'C14', 'H12']);
    expect(after[0]).toBe(list[0]);
    expect(after[1].fix?.ref.address).toBe('E11');
    expect(after[2].fix).toMatchObject({ ref: { address: 'C14', row: 13 }, deleteRow: { row: 13 }, description: '删除第14行（A至G列），下方内容上移一行' });
    // The same row planned twice: the second fix is gone with it.
    const same = findingsAfterDeletion([f('D12', { fix: { kind: 'delete-row', ref: ref('C10'), from: '', to: '', description: '', deleteRow: D } })], D);
    expect(same[0].fix).toBeUndefined();
  });
});

describe('deleting an indicator row from a grid', () => {
  const grid = gridFromSpecs([BASE_SPEC, BASE_SPEC]);
  const first = parseWorkbook([grid]).tables[0];
  // (the blank row below a table still belongs to its region)
  const inFirst = (r: number) => r >= first.top && r <= first.bottom + 1;
  // A clerk's own notes in column I on every row outside the first table: never moved, never lost.
  const noted: Grid = {
    ...grid,
    cells: grid.cells.map((row, r) => {
      const copy = [...(row ?? [])];
      if (inFirst(r)) return copy;
      while (copy.length < 9) copy.push(undefined);
      copy[8] = { value: `备注${r}`, text: `备注${r}` };
      return copy;
    }),
  };
  const parsed = parseWorkbook([noted]);
  const table = parsed.tables[0];
  const outside = (g: Grid) => texts(g).filter((t) => /^[A-Z]+(\d+)=/.test(t) && !inFirst(Number(/\d+/.exec(t)![0]) - 1));

  it.each(table.indicators.map((r, i) => [i, r.level3.text]))('row %i (%s): one row fewer, every other row and cell kept', (i) => {
    const row = table.indicators[i as number];
    const d = planRowDeletion(table, row)!;
    expect(d).toMatchObject({ sheet: table.sheet, row: row.row, bottom: table.bottom, left: 0, right: 6 });
    const after = gridAfterDeletion(noted, d);
    const again = parseWorkbook([after]);
    expect(again.tables).toHaveLength(2);
    const expected = table.indicators.filter((r) => r !== row).map(rowKey);
    expect(again.tables[0].indicators.map(rowKey)).toEqual(expected);
    // Nothing outside the first table moves or changes: the second table, the notes.
    expect(outside(after)).toEqual(outside(noted));
    expect(again.tables[1].indicators).toEqual(parsed.tables[1].indicators);
    expect(after.merges.filter((m) => m.top > table.bottom)).toEqual(noted.merges.filter((m) => m.top > table.bottom));
    // No non-empty cell is lost except the deleted row's own (carried names are written again).
    const lost = [...values(noted)];
    for (const v of values(after)) lost.splice(lost.indexOf(v), 1);
    const own = new Set((noted.cells[row.row] ?? []).slice(0, 7).map((c) => c?.text).filter(Boolean));
    expect(lost.filter((v) => !own.has(v))).toEqual([]);
  });

  it('carries a 一级 written once (no merge) to the row that moves up', () => {
    const flat: Grid = { ...grid, merges: grid.merges.filter((m) => m.left !== 0 || m.right !== 0) };
    const t = parseWorkbook([flat]).tables[0];
    const first = t.indicators[0];
    expect(t.indicators[1].level1Carried).toBe(true);
    const d = planRowDeletion(t, first)!;
    expect(d.carry).toEqual([{ col: 0, text: '产出指标' }]);
    const again = parseWorkbook([gridAfterDeletion(flat, d)]).tables[0];
    expect(again.indicators.map(rowKey)).toEqual(t.indicators.slice(1).map(rowKey));
    expect(again.indicators[0].level1Carried).toBe(false);
  });

  it('refuses when the row no longer shows what was checked', () => {
    const t = parseWorkbook([grid]).tables[0];
    const d = planRowDeletion(t, t.indicators[3])!;
    expect(d.check).toEqual({ col: 2, text: '维修响应完成时限' });
    const edited: Grid = { ...grid, cells: grid.cells.map((r, i) => (i === d.row ? r.map((c, k) => (k === 2 ? { value: '别的', text: '别的' } : c)) : r)) };
    expect(() => gridAfterDeletion(edited, d)).toThrow('内容已经改变（C' + (d.row + 1) + ' 现为“别的”）');
  });

  it('refuses to cut a merged area that crosses the table edge below the row', () => {
    const wide: Grid = { ...grid, merges: [...grid.merges, { top: 40, left: 4, bottom: 40, right: 9 }] };
    const t = parseWorkbook([wide]).tables[0];
    expect(() => gridAfterDeletion(wide, planRowDeletion(t, t.indicators[2])!)).toThrow('跨出了本表的范围');
  });
});
