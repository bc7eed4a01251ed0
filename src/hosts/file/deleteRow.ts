/**
 * "删除此行" in a copy of an .xlsx file (ExcelJS, like the template writer in insert.ts): the table's cells
 * on the row go, the table's cells below it move up with their values, formats and notes, the table's last
 * row is left empty; merged areas, data validations and conditional formats inside the table follow. No
 * cell outside the table moves or changes. No Node APIs here (bundled for the web page).
 */
import type ExcelJS from 'exceljs';
import type { RowDeletion } from '../../core/findings';
import type { CellRange } from '../../core/grid';
import { parseRangeAddress, rangeToA1 } from '../../core/grid';
import { mergeAfterDeletion, rowDeletionBlocked, widenToMerges } from '../../core/rowDelete';
import { hasFormulas } from './insert';
import { FileReadError } from './xlsxReader';

/** A range (validation, conditional format) after the deletion; undefined when it was on the deleted row only. */
function rangeAfter(r: CellRange, d: RowDeletion): CellRange | undefined {
  if (r.right < d.left || r.left > d.right || r.bottom < d.row || r.top > d.bottom) return r;
  const moved = r.top > d.row ? { ...r, top: r.top - 1, bottom: r.bottom - 1 } : { ...r, bottom: r.bottom - 1 };
  return moved.bottom < moved.top ? undefined : moved;
}

type NoteCell = ExcelJS.Cell & { _comment?: unknown };

/** Applies a row deletion to a loaded workbook; throws FileReadError with a zh-CN message when it cannot be done safely. */
export function deleteRowInWorkbook(wb: ExcelJS.Workbook, planned: RowDeletion): void {
  const ws = wb.getWorksheet(planned.sheet);
  if (!ws) throw new FileReadError('corrupt', `找不到工作表“${planned.sheet}”`);
  if (hasFormulas(wb)) {
    throw new FileReadError('corrupt', '该工作簿含有公式，删除行后公式引用需要由电子表格程序调整：请在 Excel 或 WPS 中使用加载项删除此行');
  }
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? [])
    .map((a) => parseRangeAddress(a))
    .filter((m): m is CellRange => !!m);
  // The reader clips merged areas to the cells holding values (F16:G16 read as F16): widen to them, but only
  // over columns that hold nothing else on the moving rows.
  const wide = widenToMerges(planned, merges);
  const inMerge = (r: number, c: number) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  let onlyMerged = true;
  for (let r = wide.row; r <= wide.bottom && onlyMerged; r++) {
    for (let c = wide.left; c <= wide.right; c++) {
      if (c >= planned.left && c <= planned.right) continue;
      const v = ws.getCell(r + 1, c + 1).value;
      if (v !== null && v !== undefined && String(v).trim() !== '' && !inMerge(r, c)) onlyMerged = false;
    }
  }
  const d = onlyMerged ? wide : planned;
  const blocked = rowDeletionBlocked(merges, d);
  if (blocked) throw new FileReadError('corrupt', blocked);
  const moving = merges.filter((m) => mergeAfterDeletion(m, d) !== m);
  for (const m of moving) ws.unMergeCells(rangeToA1(m));

  for (let r = d.row; r <= d.bottom; r++) {
    for (let c = d.left; c <= d.right; c++) {
      const to = ws.getCell(r + 1, c + 1) as NoteCell;
      if (r < d.bottom) {
        const from = ws.getCell(r + 2, c + 1) as NoteCell;
        to.value = from.value;
        to.style = { ...from.style };
        to._comment = from._comment;
      } else {
        to.value = null;
        to.style = {};
        to._comment = undefined;
      }
    }
  }
  for (const m of moving) {
    const after = mergeAfterDeletion(m, d);
    if (after) ws.mergeCells(rangeToA1(after));
  }
  for (const c of d.carry) {
    const cell = ws.getCell(d.row + 1, c.col + 1);
    if (cell.value === null || cell.value === undefined || String(cell.value).trim() === '') cell.value = c.text;
  }

  const dv = (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;
  if (dv) {
    const model: Record<string, unknown> = {};
    for (const [addr, rule] of Object.entries(dv.model)) {
      const r = parseRangeAddress(addr);
      const after = r ? rangeAfter(r, d) : undefined;
      if (!r) model[addr] = rule;
      else if (after) model[rangeToA1(after)] = rule;
    }
    dv.model = model;
  }
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? [];
  for (const cf of cfs) {
    cf.ref = cf.ref
      .split(/\s+/)
      .map((part) => {
        const r = parseRangeAddress(part);
        const after = r ? rangeAfter(r, d) : undefined;
        return !r ? part : after ? rangeToA1(after) : '';
      })
      .filter(Boolean)
      .join(' ');
  }
  const kept = cfs.filter((cf) => cf.ref);
  if (kept.length !== cfs.length) (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings = kept;
}
