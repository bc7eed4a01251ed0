import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Download, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');

/** Clicks the page's download button; returns the download and the saved copy opened with ExcelJS. */
export async function downloadCopy(page: Page, savedName: string): Promise<{ download: Download; copy: ExcelJS.Workbook }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载带校验标注的 Excel 副本' }).click(),
  ]);
  const saved = path.join(ROOT, 'test-output', savedName);
  await download.saveAs(saved);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
  return { download, copy };
}

/** Asserts every cell of the original keeps its value and place in the copy; returns the original and the count. */
export async function expectValuesKept(originalFile: string, copy: ExcelJS.Workbook): Promise<{ original: ExcelJS.Workbook; compared: number }> {
  const original = new ExcelJS.Workbook();
  await original.xlsx.readFile(originalFile);
  let compared = 0;
  original.eachSheet((ws) => {
    const out = copy.getWorksheet(ws.name);
    expect(out).toBeTruthy();
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(JSON.stringify(out!.getCell(r, c).value)).toBe(JSON.stringify(cell.value));
        compared++;
      }),
    );
  });
  return { original, compared };
}
