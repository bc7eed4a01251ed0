/** The 汇总 sheet: a host-independent builder, written by the annotator with working in-workbook links. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { buildCards } from '../../src/core/cards';
import { buildSummarySheet, linkTarget, summarySheetName } from '../../src/core/cards/summarySheet';
import { validateGrids } from '../../src/core/validate';
import { annotateBuffer } from '../../src/hosts/file/annotate';
import { readGridsFromBuffer } from '../../src/hosts/file/read';
import { EXAMPLE } from '../fixtures/files';

jest.setTimeout(60_000);

describe('summary sheet builder', () => {
  it('names itself 汇总 unless that sheet exists', () => {
    expect(summarySheetName(['Sheet1'])).toBe('汇总');
    expect(summarySheetName(['汇总'])).toBe('汇总（校验）');
    expect(summarySheetName(['汇总', '汇总（校验）'])).toBe('汇总（校验2）');
  });

  it('quotes sheet names in link targets', () => {
    expect(linkTarget({ sheet: "张三's 表", row: 0, col: 0, address: 'A1' })).toBe("'张三''s 表'!A1");
  });
});

describe('汇总 sheet of the example', () => {
  let bytes: Uint8Array;
  let result: ReturnType<typeof validateGrids>;
  beforeAll(async () => {
    bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
    result = validateGrids(await readGridsFromBuffer(bytes));
  });

  it('lists the 先改这些 cards, one row per table and the legend, each problem linked to its cell', () => {
    const cards = buildCards(result.parsed, result.findings);
    const sheet = buildSummarySheet(result.parsed, result.findings, cards, ['项目支出绩效目标表']);
    expect(sheet.name).toBe('汇总');
    const texts = sheet.rows.map((r) => r.cells.map((c) => String(c.text)).join('|'));
    const heading = (h: string) => texts.findIndex((t) => t.startsWith(h));
    const first = heading('先改这些');
    const perTable = heading('各表问题统计');
    const legend = heading('颜色说明');
    expect([first, perTable, legend].every((i) => i > 0)).toBe(true);
    expect(first).toBeLessThan(perTable);
    // 10 ranked cards, each linked; 24 tables, each linked to its title cell.
    const ranked = sheet.rows.slice(first + 2, perTable - 1);
    expect(ranked).toHaveLength(10);
    for (const r of ranked) expect(r.cells.some((c) => c.link)).toBe(true);
    const tables = sheet.rows.slice(perTable + 2, legend - 1);
    expect(tables).toHaveLength(24);
    expect(tables[0].cells.find((c) => c.link)!.link!.address).toBe(result.parsed.tables[0].title!.ref.address);
    expect(String(tables[0].cells[4].text)).toMatch(/^错误 \d+，警告 \d+，提示 \d+；完整性 \d+ · 相关性 \d+ · 适当性 \d+ · 可行性 \d+$/);
    // Counts add up to the findings.
    const sum = tables.reduce((n, r) => n + Number(/错误 (\d+)/.exec(String(r.cells[4].text))?.[1] ?? 0), 0);
    expect(sum).toBe(result.findings.filter((f) => f.severity === 'error').length);
    expect(sheet.rows.slice(legend + 1, legend + 4).map((r) => r.cells[1].severity)).toEqual(['error', 'warning', 'info']);
  });

  it('is written into the annotated copy with in-workbook hyperlinks; without summary, no new sheet', async () => {
    const { buffer } = await annotateBuffer(bytes, result.findings, { summary: result.parsed });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(buffer) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws).toBeDefined();
    // In-workbook links are <hyperlink location="…"> in the new sheet's XML (ExcelJS reads only r:id links).
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(buffer);
    const sheetXml = Object.entries(parts)
      .map(([, d]) => new TextDecoder().decode(d))
      .find((x) => x.includes('<hyperlinks>'))!;
    const links = [...sheetXml.matchAll(/<hyperlink [^>]*location="([^"]*)"/g)].map((m) => `#${m[1].replace(/&apos;/g, "'")}`);
    expect(links.length).toBeGreaterThanOrEqual(34);
    for (const l of links) expect(l).toMatch(/^#'项目支出绩效目标表'![A-Z]+\d+$/);
    const plain = await annotateBuffer(bytes, result.findings);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(plain.buffer) as unknown as ExcelJS.Buffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name).filter((n) => n !== '汇总'));
  });

  it('prints on A4 landscape one page wide, with bold headings and wrapped explanations', async () => {
    const { buffer } = await annotateBuffer(bytes, result.findings, { summary: result.parsed });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(buffer) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B5').font?.bold).toBe(true);
    // First ranked row: its explanation wraps in the 80-character column instead of running across pages.
    expect(ws.getCell('E6').alignment?.wrapText).toBe(true);
    expect(ws.getCell('E6').alignment?.vertical).toBe('top');
    // Rows are as tall as their wrapped explanation (hosts do not re-fit imported rows): longer text, taller row.
    const ranked = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((r) => ({ len: String(ws.getCell(`E${r}`).value).length, height: ws.getRow(r).height ?? 15 }));
    const longest = ranked.reduce((a, b) => (b.len > a.len ? b : a));
    const shortest = ranked.reduce((a, b) => (b.len < a.len ? b : a));
    expect(longest.height).toBeGreaterThan(shortest.height);
    expect(longest.height).toBeGreaterThanOrEqual(Math.ceil(longest.len / 50) * 15);
    // The workbook's own cells keep their styles: the annotated sheet's default font is not made bold.
    const project = wb.getWorksheet('项目支出绩效目标表')!;
    expect(project.getCell('A3').font?.bold).not.toBe(true);
  });
});
