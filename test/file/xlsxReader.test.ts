import * as fs from 'fs';
import { strToU8, zipSync } from 'fflate';
import { textAt } from '../../src/core/grid';
import { FileReadError, readGridsFromXlsx } from '../../src/hosts/file/read';
import { EXAMPLE, emptyWorkbookBytes, sampleWorkbook } from '../fixtures/files';
import {
  caiyu101Workbook,
  central101Workbook,
  labelVariantsWorkbook,
  mixedSheetsWorkbook,
  moneyGoalWorkbook,
  perSheetWorkbook,
  stackedWorkbook,
  toBuffer,
} from '../fixtures/variants';
import { basicParts, cellXml, sheetData, zipParts } from '../fixtures/rawXlsx';
import { exceljsGrids } from '../helpers/exceljsGrids';

jest.setTimeout(60_000);

function readError(bytes: Uint8Array, limits = {}): FileReadError {
  try {
    readGridsFromXlsx(bytes, limits);
  } catch (err) {
    if (err instanceof FileReadError) return err;
    throw err;
  }
  throw new Error('expected a FileReadError');
}

describe('bounded reader equals the ExcelJS reader', () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ['example workbook', async () => new Uint8Array(fs.readFileSync(EXAMPLE))],
    ['value shapes', sampleWorkbook],
    ['one empty sheet', () => emptyWorkbookBytes(true)],
    ['101号', () => toBuffer(caiyu101Workbook())],
    ['central 101号', () => toBuffer(central101Workbook())],
    ['per sheet', () => toBuffer(perSheetWorkbook())],
    ['stacked', () => toBuffer(stackedWorkbook())],
    ['label variants', () => toBuffer(labelVariantsWorkbook())],
    ['money and goal', () => toBuffer(moneyGoalWorkbook())],
    ['mixed sheets', () => toBuffer(mixedSheetsWorkbook())],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const bytes = await make();
    const { grids } = readGridsFromXlsx(bytes);
    expect(grids).toEqual(await exceljsGrids(bytes));
  });
});

describe('bounded reader: files from other writers', () => {
  const comments = (ref: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="${ref}" authorId="0"><text><t>审核</t></text></comment></commentList></comments>`;

  it('reads an openpyxl-like package with a comment, a table, a drawing and shared strings', () => {
    const parts = basicParts(
      [
        {
          name: '项目表',
          body: sheetData([[`<c r="A1" t="s"><v>0</v></c>`, cellXml('B1', 0.9, ' s="1"')], [cellXml('A2', 39, ' s="2"'), cellXml('B2', 45747, ' s="3"')]]) +
            '<legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts>',
          rels: [
            ['rId1', 'comments', '../comments1.xml'],
            ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
            ['rId3', 'table', '../tables/table1.xml'],
          ],
        },
      ],
      { sharedStrings: ['满意度'] },
    );
    parts['xl/comments1.xml'] = comments('A1');
    parts['xl/drawings/vmlDrawing1.vml'] = '<xml/>';
    parts['xl/tables/table1.xml'] = '<table/>';
    const { grids } = readGridsFromXlsx(zipParts(parts));
    expect(grids).toHaveLength(1);
    expect(grids[0].cells[0][0]).toEqual({ value: '满意度', text: '满意度' });
    expect(grids[0].cells[0][1]).toEqual({ value: 0.9, text: '90%' });
    expect(textAt(grids[0], 1, 0)).toBe('39.00万元');
    expect(textAt(grids[0], 1, 1)).toBe('2025-03-31');
  });

  it('reads prefixed element names (x:c) and rows and cells without r attributes', () => {
    const body =
      '<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>项目名称</x:t></x:is></x:c><x:c><x:v>1.5</x:v></x:c></x:row>' +
      '<x:row><x:c/><x:c t="b"><x:v>1</x:v></x:c></x:row></x:sheetData>';
    const { grids } = readGridsFromXlsx(zipParts(basicParts([{ name: 'S', body }], { prefix: 'x' })));
    expect(textAt(grids[0], 0, 0)).toBe('项目名称');
    expect(grids[0].cells[0][1]).toEqual({ value: 1.5, text: '1.5' });
    expect(grids[0].cells[1][1]?.value).toBe(true);
  });

  it('reads references, styles and row numbers in every form they may take (plain, "$", spaces, lower case, entities)', () => {
    const body =
      '<sheetData><row r="1"><c r="$B$1"><v>1</v></c><c r=" c1 "><v>2</v></c><c r="d1"><v>007</v></c></row>' +
      '<row r="03"><c r="A3" s="01"><v>0.5</v></c><c r="B3" s=" 2"><v>1</v></c><c r="C3" s="x"><v>1</v></c><c r="AAAA3"><v>4</v></c></row>' +
      '<row r="&#52;"><c r="A&#52;" s="&#49;"><v>0.25</v></c><c r="A0"><v>5</v></c><c r="XFD4"><v>6</v></c></row>' +
      '<row r="x"><c r="B5" t="s"><v> 0 </v></c></row></sheetData>' +
      '<mergeCells count="2"><mergeCell ref="B5:c5"/><mergeCell ref="$C$6:D6"/></mergeCells>';
    const grid = readGridsFromXlsx(zipParts(basicParts([{ name: 'S', body }], { sharedStrings: ['共享'] }))).grids[0];
    const texts = (r: number): (string | undefined)[] => [0, 1, 2, 3, 16383].map((c) => grid.cells[r]?.[c]?.text);
    expect(texts(0)).toEqual([undefined, '1', '2', '7', undefined]);
    expect(texts(2)).toEqual(['50%', '1.00万元', '1', '4', undefined]);
    expect(texts(3)).toEqual(['25%', '5', undefined, undefined, '6']);
    expect(texts(4)).toEqual([undefined, '共享', undefined, undefined, undefined]);
    expect(grid.merges).toEqual([{ top: 4, left: 1, bottom: 4, right: 2 }]);
  });

  it('skips phonetic runs and joins rich text runs of shared strings', () => {
    const parts = basicParts([{ name: 'S', body: sheetData([[`<c r="A1" t="s"><v>0</v></c>`]]) }], { sharedStrings: ['x'] });
    parts['xl/sharedStrings.xml'] =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>满意</t></r><r><rPr><b/></rPr><t>度</t></r><rPh sb="0" eb="1"><t>マン</t></rPh></si></sst>';
    expect(textAt(readGridsFromXlsx(zipParts(parts)).grids[0], 0, 0)).toBe('满意度');
  });

  it('reads formulas through their cached results and refuses formulas saved without one', () => {
    const ok = sheetData([[`<c r="A1"><f>1+1</f><v>2</v></c>`, `<c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>`]]);
    const { grids } = readGridsFromXlsx(zipParts(basicParts([{ name: 'S', body: ok }])));
    expect(grids[0].cells[0]).toEqual([{ value: 2, text: '2' }, { value: 'ab', text: 'ab' }]);
    for (const cell of ['<c r="C3"><f>SUM(A1:A2)</f></c>', '<c r="C3"><f>SUM(A1:A2)</f><v></v></c>']) {
      const err = readError(zipParts(basicParts([{ name: '表1', body: sheetData([[cellXml('A1', '指标值')], [], [cell]]) }])));
      expect(err.code).toBe('uncalculated');
      expect(err.message).toContain('公式未计算，请在 Excel 中打开并保存后再检查');
      expect(err.message).toContain('“表1”C3');
    }
  });

  it('skips very hidden sheets and chart sheets, keeps hidden ones', () => {
    const parts = basicParts([
      { name: '可见', body: sheetData([[cellXml('A1', '甲')]]) },
      { name: '隐藏', body: sheetData([[cellXml('A1', '乙')]]), state: 'hidden' },
      { name: '_jixiao', body: sheetData([[cellXml('A1', '状态')]]), state: 'veryHidden' },
    ]);
    const wb = parts['xl/workbook.xml'] as string;
    parts['xl/workbook.xml'] = wb.replace('</sheets>', '<sheet name="图表1" sheetId="9" r:id="rId9"/></sheets>');
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    parts['xl/chartsheets/sheet1.xml'] = '<chartsheet/>';
    expect(readGridsFromXlsx(zipParts(parts)).grids.map((g) => g.sheetName)).toEqual(['可见', '隐藏']);
  });
});

describe('bounded reader: corrupt packages are refused', () => {
  const good = (): Record<string, string | Uint8Array> =>
    basicParts([{ name: 'S', body: sheetData([[`<c r="A1" t="s"><v>0</v></c>`]]) }], { sharedStrings: ['项目名称'] });

  it.each([
    ['shared strings', 'xl/sharedStrings.xml', /共享字符串/],
    ['the worksheet', 'xl/worksheets/sheet1.xml', /缺少工作表“S”/],
    ['the workbook rels', 'xl/_rels/workbook.xml.rels', /工作簿关系/],
    ['the package rels', '_rels/.rels', /_rels\/\.rels/],
    ['the content types', '[Content_Types].xml', /Content_Types/],
  ])('without %s', (_what, part, message) => {
    const parts = good();
    delete parts[part];
    const err = readError(zipParts(parts));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(message);
  });

  it('with a shared string index out of range, broken XML, a bad CRC', () => {
    const parts = good();
    parts['xl/worksheets/sheet1.xml'] = (parts['xl/worksheets/sheet1.xml'] as string).replace('<v>0</v>', '<v>7</v>');
    expect(readError(zipParts(parts)).code).toBe('corrupt');
    const broken = good();
    broken['xl/worksheets/sheet1.xml'] = (broken['xl/worksheets/sheet1.xml'] as string).replace('</sheetData>', '</sheetDat>');
    expect(readError(zipParts(broken)).message).toMatch(/XML/);
    const bytes = zipSync({ 'a.txt': strToU8('x'.repeat(100)) }, { level: 0 });
    // Flip a byte inside the compressed data of every entry: inflate or the CRC check fails.
    const crcBad = zipParts(good());
    const view = new DataView(crcBad.buffer);
    for (let o = 0; o + 30 < crcBad.length && view.getUint32(o, true) === 0x04034b50; ) {
      const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
      const size = view.getUint32(o + 18, true);
      crcBad[start + (size >> 1)] ^= 0x55;
      o = start + size;
    }
    expect(readError(crcBad).code).toBe('corrupt');
    expect(readError(bytes).code).toBe('not-xlsx');
  });
});

describe('bounded reader: limits', () => {
  const rows = (n: number, cols = 3): string[][] =>
    Array.from({ length: n }, (_, r) => Array.from({ length: cols }, (_, c) => cellXml(`${'ABC'[c]}${r + 1}`, r * 10 + c)));

  it('refuses a file over the size limit and a package inflating past the budget', () => {
    const bytes = zipParts(basicParts([{ name: 'S', body: sheetData(rows(200)) }]));
    expect(readError(bytes, { maxFileBytes: 1000 }).message).toMatch(/文件大小 .* 超过上限/);
    const bomb = zipParts(basicParts([{ name: 'S', body: sheetData([[cellXml('A1', 1)]]) + `<!--${' '.repeat(5_000_000)}-->` }]));
    expect(bomb.length).toBeLessThan(100_000);
    const err = readError(bomb, { maxUnzippedBytes: 2 * 1024 * 1024 });
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/解压后的内容超过上限 2 MB/);
  });

  it('refuses too many cells, merges or sheets, naming the limit', () => {
    const bytes = zipParts(basicParts([{ name: 'S', body: sheetData(rows(100)) }]));
    expect(readError(bytes, { maxCells: 250 }).message).toMatch(/单元格数量超过上限 250/);
    const merges = `<mergeCells>${Array.from({ length: 20 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:A${i * 2 + 2}"/>`).join('')}</mergeCells>`;
    const merged = zipParts(basicParts([{ name: 'S', body: sheetData(rows(40), merges) }]));
    expect(readError(merged, { maxMerges: 10 }).message).toMatch(/合并单元格区域数量超过上限 10/);
    expect(readGridsFromXlsx(merged).grids[0].merges).toHaveLength(20);
    const many = zipParts(basicParts(Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, body: sheetData([]) }))));
    expect(readError(many, { maxSheets: 4 }).message).toMatch(/工作表数量超过上限 4/);
  });

  it('clips a merge over the whole sheet to the used range', () => {
    const bomb = zipParts(basicParts([{ name: 'S', body: sheetData(rows(3), '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>') }]));
    const { grids, notes } = readGridsFromXlsx(bomb);
    expect(grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 2 }]);
    expect(notes.join()).toMatch(/合并区域远超出有内容的范围/);
    expect(textAt(grids[0], 0, 0)).toBe('0');
    expect(grids[0].cells[1][1]).toBeUndefined();
  });

  it('refuses a used range beyond the area limit', () => {
    const far = zipParts(basicParts([{ name: '远', body: sheetData([[cellXml('A1', 1)]]).replace('</sheetData>', `<row r="1000000">${cellXml('XFD1000000', 2)}</row></sheetData>`) }]));
    expect(readError(far).message).toMatch(/工作表“远”的已用区域（1,000,000 行 × 16,384 列）超过上限/);
  });
});
