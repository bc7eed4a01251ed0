/**
 * Re-checking an annotated copy replaces our 汇总 sheet instead of adding 汇总（校验） next to it; a user's own
 * sheet named 汇总 is kept; clearing removes ours and gives back the workbook's own sheet list byte for byte.
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { SUMMARY_TITLE } from '../../src/core/cards/summarySheet';
import { validateGrids } from '../../src/core/validate';
import { annotateBuffer, clearMarksXlsx } from '../../src/hosts/file/annotate';
import { readGridsFromXlsx } from '../../src/hosts/file/xlsxReader';
import { EXAMPLE, tmpDir } from '../fixtures/files';
import { basicParts, cellXml, sheetData, zipParts } from '../fixtures/rawXlsx';

jest.setTimeout(120_000);

const dec = new TextDecoder();
const part = (bytes: Uint8Array, name: string): string => dec.decode(unzipSync(bytes)[name]);
const sheetNames = (bytes: Uint8Array): string[] => [...part(bytes, 'xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]*)"/g)].map((m) => m[1]);
const worksheetParts = (bytes: Uint8Array): string[] => Object.keys(unzipSync(bytes)).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();

async function check(bytes: Uint8Array): Promise<Uint8Array> {
  const { parsed, findings } = validateGrids(readGridsFromXlsx(bytes).grids);
  return (await annotateBuffer(bytes, findings, { summary: parsed })).buffer;
}

describe('re-checking replaces our 汇总 sheet', () => {
  const original = new Uint8Array(fs.readFileSync(EXAMPLE));

  it('a copy of a copy has one 汇总 sheet, in the same place, and the reader does not check it', async () => {
    const copy = await check(original);
    const again = await check(copy);
    expect(sheetNames(copy)).toEqual([...sheetNames(original), '汇总']);
    expect(sheetNames(again)).toEqual(sheetNames(copy));
    expect(worksheetParts(again)).toEqual(worksheetParts(copy));
    // The content types and relationships name each sheet part once.
    const types = part(again, '[Content_Types].xml');
    for (const p of worksheetParts(again)) expect(types.split(`PartName="/${p}"`).length - 1).toBe(1);
    const rels = part(again, 'xl/_rels/workbook.xml.rels');
    expect(rels.match(/relationships\/worksheet"/g)?.length).toBe(worksheetParts(again).length);
    // The re-check reads the same tables as the original and no note about the 汇总 sheet.
    const first = validateGrids(readGridsFromXlsx(original).grids);
    const second = validateGrids(readGridsFromXlsx(copy).grids);
    expect(second.parsed.tables.length).toBe(first.parsed.tables.length);
    expect(second.parsed.notes.map((n) => n.message)).toEqual(first.parsed.notes.map((n) => n.message));
    expect(second.findings.length).toBe(first.findings.length);
  });

  it('clearing removes our 汇总 sheet: workbook, relationships and content types come back byte for byte', async () => {
    const copy = await check(original);
    const cleared = clearMarksXlsx(copy);
    expect(sheetNames(cleared)).toEqual(sheetNames(original));
    for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) expect([name, part(cleared, name)]).toEqual([name, part(original, name)]);
    expect(worksheetParts(cleared)).toEqual(worksheetParts(original));
  });

  it('keeps a user sheet called 汇总, and a sheet titled like ours that has formulas', async () => {
    const table = readGridsFromXlsx(original).grids.find((g) => g.sheetName === '项目支出绩效目标表')!;
    const rows = table.cells.slice(0, 20).map((row, r) => (row ?? []).map((c, k) => (c?.text ? cellXml(`${String.fromCharCode(65 + k)}${r + 1}`, c.text) : '')));
    const userSummary = sheetData([[cellXml('A1', '单位'), cellXml('B1', '金额')], [cellXml('A2', '甲'), cellXml('B2', 10)]]);
    const lookalike = sheetData([[cellXml('A1', SUMMARY_TITLE)], ['<c r="A2"><f>1+1</f><v>2</v></c>']]);
    const bytes = zipParts(
      basicParts([
        { name: '项目支出绩效目标表', body: sheetData(rows) },
        { name: '汇总', body: userSummary },
        { name: '汇总（校验）', body: lookalike },
      ]),
    );
    const copy = await check(bytes);
    expect(sheetNames(copy)).toEqual(['项目支出绩效目标表', '汇总', '汇总（校验）', '汇总（校验2）']);
    const again = await check(copy);
    expect(sheetNames(again)).toEqual(sheetNames(copy));
    expect(readGridsFromXlsx(again).grids.find((g) => g.sheetName === '汇总')!.cells[1][0]?.text).toBe('甲');
    expect(sheetNames(clearMarksXlsx(again))).toEqual(['项目支出绩效目标表', '汇总', '汇总（校验）']);
  });

  it('removing a 汇总 sheet that is not last moves sheet-scoped names and the active tab with the sheets', () => {
    const ours = sheetData([[cellXml('A1', SUMMARY_TITLE)], [cellXml('A2', '共 1 张表')]]);
    const parts = basicParts([
      { name: '甲', body: sheetData([[cellXml('A1', 1)]]) },
      { name: '汇总', body: ours },
      { name: '乙', body: sheetData([[cellXml('A1', 2)]]) },
    ]);
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string)
      .replace('<sheets>', '<bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews><sheets>')
      .replace(
        '</sheets>',
        '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">乙!$A$1</definedName><definedName name="x" localSheetId="1">汇总!$A$1</definedName><definedName name="y" localSheetId="0">甲!$A$1</definedName></definedNames>',
      );
    const cleared = clearMarksXlsx(zipParts(parts));
    expect(sheetNames(cleared)).toEqual(['甲', '乙']);
    const wb = part(cleared, 'xl/workbook.xml');
    expect(wb).toContain('<workbookView activeTab="1" firstSheet="0"/>');
    expect(wb).toContain('<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">乙!$A$1</definedName><definedName name="y" localSheetId="0">甲!$A$1</definedName></definedNames>');
    expect(unzipSync(cleared)['xl/worksheets/sheet2.xml']).toBeUndefined();
    expect(part(cleared, '[Content_Types].xml')).not.toContain('sheet2.xml');
    expect(readGridsFromXlsx(cleared).grids.map((g) => g.sheetName)).toEqual(['甲', '乙']);
  });
});

describe('jixiao check on an annotated copy', () => {
  it('writes a copy with one 汇总 sheet and says nothing about the old one', async () => {
    const dir = tmpDir();
    fs.copyFileSync(EXAMPLE, path.join(dir, '甲.xlsx'));
    const run = async (...args: string[]) => {
      const io = memoryIO(dir);
      const code = await main(args, io);
      return { code, out: io.out() };
    };
    await run('check', '甲.xlsx');
    const r = await run('check', '甲.已校验.xlsx');
    expect(r.out).toContain('已生成标注副本：甲(2).已校验.xlsx');
    expect(r.out).not.toMatch(/工作表“汇总/);
    const names = sheetNames(new Uint8Array(fs.readFileSync(path.join(dir, '甲(2).已校验.xlsx'))));
    expect(names.filter((n) => n.startsWith('汇总'))).toEqual(['汇总']);
  });
});
