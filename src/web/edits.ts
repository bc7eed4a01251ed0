import ExcelJS from 'exceljs';
import { applyCellTexts } from '../hosts/file/annotate';
import type { InsertPlan } from '../core/templates/plan';
import { deleteRowInWorkbook } from '../hosts/file/deleteRow';
import { applyPlanToWorkbook } from '../hosts/file/insert';
import type { CellEdit, PageDeletion } from './memoryHost';

export interface PageChanges {
  inserts?: readonly InsertPlan[];
  addedSheets?: readonly { name: string; rows: readonly (string | number | null)[][] }[];
  /** Row deletions, replayed between the insertions in the order they were made. */
  deletions?: readonly PageDeletion[];
}

/** Writes the user-approved fixes (after any inserted templates, deleted rows and added sheets) into a copy of the workbook; nothing else changes. */
export async function applyEdits(data: Uint8Array, edits: readonly CellEdit[], changes: PageChanges = {}): Promise<Uint8Array> {
  const inserts = changes.inserts ?? [];
  const added = changes.addedSheets ?? [];
  const deletions = changes.deletions ?? [];
  if (!edits.length && !inserts.length && !added.length && !deletions.length) return data;
  // Cell edits alone are surgical: every other part of the package stays byte for byte.
  if (!inserts.length && !added.length && !deletions.length) return applyCellTexts(data, edits);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data.slice().buffer as ArrayBuffer);
  const deleteUpTo = (n: number) => {
    for (const d of deletions) if (d.afterInserts === n) deleteRowInWorkbook(wb, d.deletion);
  };
  inserts.forEach((plan, i) => {
    deleteUpTo(i);
    applyPlanToWorkbook(wb, plan);
  });
  deleteUpTo(inserts.length);
  for (const sheet of added) {
    const ws = wb.addWorksheet(sheet.name);
    ws.getColumn(1).width = 90;
    ws.getColumn(2).width = 48;
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v;
        cell.alignment = { wrapText: true, vertical: 'top' };
      }),
    );
  }
  for (const e of edits) {
    const ws = wb.getWorksheet(e.ref.sheet);
    if (!ws) throw new Error(`找不到工作表“${e.ref.sheet}”`);
    ws.getCell(e.ref.address).value = e.text === '' ? null : e.text;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
