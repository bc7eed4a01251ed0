/** The report's own .xlsx writer: what it writes reads back the same in ExcelJS and in our reader. */
import ExcelJS from 'exceljs';
import { writeXlsx } from '../../src/cli/batch-report/xlsxWriter';
import { readGridsFromXlsx } from '../../src/hosts/file/xlsxReader';

// Loading ExcelJS takes long on a busy machine.
jest.setTimeout(120_000);

describe('xlsx writer', () => {
  const rows = [
    ['单位', '预算数（万元）', '说明'],
    ['甲 & 乙 <局>', 1234.5, '第一行\n第二行'],
    ['引号"和\'撇号', null, '控制字符\u0001已去掉'],
    ['', 0, '  前后空格  '],
  ];
  const bytes = writeXlsx(
    [
      { name: "某某县'水利'局", widths: [20, 12, 30], table: true, style: (r, c, v) => (r === 1 ? 'header' : c === 1 && typeof v === 'number' ? 'money' : 'wrap'), rows },
      { name: '总览', widths: [10], rows: [['标题'], [], ['合计', 3]] },
    ],
    { creator: '绩效目标表助手', created: new Date('2026-01-02T03:04:05Z') },
  );

  it('reads back in ExcelJS with values, styles, the frozen header and the filter', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["某某县'水利'局", '总览']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe('甲 & 乙 <局>');
    expect(ws.getCell('B2').value).toBe(1234.5);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C2').value).toBe('第一行\n第二行');
    expect(ws.getCell('C2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('A3').value).toBe('引号"和\'撇号');
    expect(ws.getCell('C3').value).toBe('控制字符已去掉');
    expect(ws.getCell('C4').value).toBe('  前后空格  ');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, name: '宋体' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:C4');
    expect(ws.getColumn(3).width).toBe(30);
    expect(wb.creator).toBe('绩效目标表助手');
    expect(wb.worksheets[1].getCell('B3').value).toBe(3);
  });

  it('reads back in our bounded reader', () => {
    const { grids } = readGridsFromXlsx(bytes);
    expect(grids[0].cells[1].map((c) => c?.text)).toEqual(['甲 & 乙 <局>', '1,234.50', '第一行\n第二行']);
    expect(grids[1].cells[2].map((c) => c?.value)).toEqual(['合计', 3]);
  });
});
