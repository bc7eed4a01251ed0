import ExcelJS from 'exceljs';
import type { CellEdit } from './memoryHost';

/** Writes the user-approved fixes into a copy of the workbook; nothing else changes. */
export async function applyEdits(data: Uint8Array, edits: readonly CellEdit[]): Promise<Uint8Array> {
  if (!edits.length) return data;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data.slice().buffer as ArrayBuffer);
  for (const e of edits) {
    const ws = wb.getWorksheet(e.ref.sheet);
    if (!ws) throw new Error(`找不到工作表“${e.ref.sheet}”`);
    ws.getCell(e.ref.address).value = e.text === '' ? null : e.text;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
