import * as fs from 'fs';
import { mergeAt, textAt } from '../../src/core/grid';
import type { Grid } from '../../src/core/grid';
import { FileReadError, readGridsFromBuffer } from '../../src/hosts/file/read';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { EXAMPLE, cfbBytes, emptyWorkbookBytes, sampleWorkbook } from '../fixtures/files';

describe('readGridsFromBuffer: value shapes', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readGridsFromBuffer(await sampleWorkbook());
  });

  it('reads every sheet by name', () => {
    expect(grids.map((g) => g.sheetName)).toEqual(['样表', '第二页']);
    expect(textAt(grids[1], 1, 1)).toBe('第二页内容');
  });

  it('shows numbers as formatted', () => {
    const g = grids[0];
    expect(g.cells[0][0]).toEqual({ value: 0.25, text: '25%' });
    expect(g.cells[0][1]).toEqual({ value: 39, text: '39.00' });
    expect(textAt(g, 0, 2)).toBe('1,234,567.50');
    expect(textAt(g, 0, 3)).toBe('0.3');
    expect(textAt(g, 0, 4)).toBe('12.5%');
    expect(textAt(g, 0, 5)).toBe('2025-03-31');
    expect(g.cells[0][5]?.value).toBeInstanceOf(Date);
    expect(textAt(g, 0, 6)).toBe('355.36万元');
  });

  it('flattens rich text, formulas, hyperlinks and booleans', () => {
    const g = grids[0];
    expect(g.cells[1][0]).toEqual({ value: '满意度≥90%', text: '满意度≥90%' });
    expect(g.cells[1][1]).toEqual({ value: 78, text: '78.00' });
    expect(textAt(g, 1, 2)).toBe('政策文件');
    expect(g.cells[1][3]?.value).toBe(true);
    expect(g.cells[1][4]).toEqual({ value: '25%', text: '25%' });
  });

  it('keeps merges and leaves slave cells empty', () => {
    const g = grids[0];
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 0, bottom: 3, right: 0 },
        { top: 2, left: 1, bottom: 2, right: 3 },
      ]),
    );
    expect(textAt(g, 2, 0)).toBe('产出指标');
    expect(g.cells[3]?.[0]).toBeUndefined();
    expect(textAt(g, 2, 1)).toBe('合并的文字');
    expect(g.cells[2][2]).toBeUndefined();
    expect(g.cells[2][3]).toBeUndefined();
    expect(mergeAt(g, 3, 0)).toEqual({ top: 2, left: 0, bottom: 3, right: 0 });
  });
});

describe('readGridsFromBuffer: add-in state sheets', () => {
  it('skips very hidden sheets (the WPS host keeps its marks in one) but reads hidden ones', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1').getCell('A1').value = '项目名称';
    const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' });
    hidden.getCell('A1').value = '内容';
    const state = wb.addWorksheet('_jixiao', { state: 'veryHidden' });
    state.getCell('A1').value = '{"marks":{}}';
    const grids = await readGridsFromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grids.map((g) => g.sheetName)).toEqual(['表1', '隐藏表']);
  });
});

describe('readGridsFromFile: the example workbook', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readGridsFromFile(EXAMPLE);
  });

  it('has the overview and the table sheet', () => {
    expect(grids.map((g) => g.sheetName)).toEqual(['部门整体绩效目标', '项目支出绩效目标表']);
    expect(textAt(grids[0], 0, 0)).toBe('部门整体绩效目标');
    expect(textAt(grids[0], 1, 0)).toBe('一、总体绩效目标');
  });

  it('lays out table 1 as agreed', () => {
    const g = grids[1];
    expect(textAt(g, 0, 0)).toBe('2024年驻村工作队结转经费绩效目标表');
    expect(textAt(g, 1, 5)).toBe('单位：万元');
    expect(textAt(g, 2, 1)).toBe('13020925P00155810003E');
    expect(g.cells[3][2]).toEqual({ value: 39, text: '39.00' });
    expect(textAt(g, 3, 3)).toBe('其中：财政    资金');
    // Odd tables store the schedule as numbers shown as %.
    expect(g.cells[6][1]).toEqual({ value: 0.25, text: '25%' });
    expect(textAt(g, 8, 5)).toBe('指标值确定依据');
    expect(textAt(g, 9, 4)).toBe('≥90%');
    // 一级 is merged over its group; continuation rows are empty.
    expect(mergeAt(g, 10, 0)).toEqual({ top: 9, left: 0, bottom: 12, right: 0 });
    expect(g.cells[10][0]).toBeUndefined();
  });

  it('even tables store the schedule as text', () => {
    const g = grids[1];
    // Table 2 starts 3 rows after table 1's last indicator row (row index 17).
    expect(textAt(g, 20, 0)).toBe('村“两委”干部基础职务补贴、离任补贴绩效目标表');
    expect(g.cells[26][1]).toEqual({ value: '25%', text: '25%' });
  });
});

describe('unreadable input', () => {
  const code = async (bytes: Uint8Array): Promise<string> => {
    try {
      await readGridsFromBuffer(bytes);
      return 'ok';
    } catch (err) {
      expect(err).toBeInstanceOf(FileReadError);
      return (err as FileReadError).code;
    }
  };

  it('tells encrypted files from legacy .xls', async () => {
    expect(await code(cfbBytes(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(await code(cfbBytes(['Root Entry', 'Workbook']))).toBe('not-xlsx');
    await expect(readGridsFromBuffer(cfbBytes(['Workbook']))).rejects.toThrow(/旧版 \.xls/);
    await expect(readGridsFromBuffer(cfbBytes(['EncryptionInfo']))).rejects.toThrow(/密码/);
  });

  it('rejects text, empty and truncated files', async () => {
    expect(await code(new TextEncoder().encode('项目名称,预算数'))).toBe('not-xlsx');
    expect(await code(new Uint8Array(0))).toBe('not-xlsx');
    const example = new Uint8Array(fs.readFileSync(EXAMPLE));
    expect(await code(example.subarray(0, 4000))).toBe('corrupt');
    await expect(readGridsFromBuffer(example.subarray(0, 4000))).rejects.toThrow(/文件已损坏无法读取/);
  });

  it('reports a workbook without sheets', async () => {
    expect(await code(await emptyWorkbookBytes(false))).toBe('empty');
    const grids = await readGridsFromBuffer(await emptyWorkbookBytes(true));
    expect(grids).toHaveLength(1);
    expect(grids[0].cells).toEqual([]);
  });

  it('reports a missing file', async () => {
    await expect(readGridsFromFile('/nonexistent/无此文件.xlsx')).rejects.toMatchObject({ code: 'missing', message: '文件不存在' });
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = await sampleWorkbook();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readGridsFromBuffer(ab)).length).toBe(2);
  });
});
