/** Executes an InsertPlan on a Grid snapshot: the file/page host and the tests use it. */
import type { Cell, CellRange, Grid } from '../grid';
import type { InsertPlan } from './plan';

function shiftRange(m: CellRange, at: number, n: number): CellRange {
  if (m.top >= at) return { ...m, top: m.top + n, bottom: m.bottom + n };
  if (m.bottom >= at) return { ...m, bottom: m.bottom + n }; // a merge spanning the insertion point grows
  return m;
}

/** Rows inserted below plan.after (content below moves down), then writes into empty cells. Returns a new grid. */
export function applyPlanToGrid(grid: Grid, plan: InsertPlan): Grid {
  const oRow = grid.origin?.row ?? 0;
  const oCol = grid.origin?.col ?? 0;
  const at = plan.after + 1; // first inserted sheet row
  const n = plan.rows.length;
  const cells = grid.cells.map((r) => (r ? [...r] : []));
  const local = at - oRow;
  if (n > 0) {
    while (cells.length < local) cells.push([]);
    const fresh: (Cell | undefined)[][] = plan.rows.map((values) => {
      const row: (Cell | undefined)[] = [];
      values.forEach((v, c) => {
        const col = plan.left + c - oCol;
        if (col < 0 || v === null || v === '') return;
        row[col] = { value: v, text: typeof v === 'number' ? v.toFixed(2) : v };
      });
      return row;
    });
    cells.splice(Math.max(local, 0), 0, ...fresh);
  }
  for (const w of plan.writes) {
    const r = w.ref.row - oRow;
    const c = w.ref.col - oCol;
    if (r < 0 || c < 0) continue;
    while (cells.length <= r) cells.push([]);
    const existing = cells[r][c];
    if (existing && String(existing.text ?? existing.value ?? '').trim() !== '') {
      throw new Error(`单元格 ${w.ref.address} 已有内容，不能写入`);
    }
    cells[r] = [...cells[r]];
    cells[r][c] = { value: w.text, text: w.text };
  }
  const merges = [...grid.merges.map((m) => (n > 0 ? shiftRange(m, at, n) : m)), ...plan.merges];
  return { ...grid, cells, merges };
}
