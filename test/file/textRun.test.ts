/** A part padded with megabytes of blanks (a zip bomb's usual filling) is refused before it is buffered. */
import { FileReadError, readGridsFromXlsx } from '../../src/hosts/file/xlsxReader';
import { basicParts, cellXml, sheetData, zipParts } from '../fixtures/rawXlsx';

describe('long runs of text without markup', () => {
  it('a cell of 32,767 characters reads; 5 million blanks between rows are refused, naming the part', () => {
    const long = '绩'.repeat(32_767);
    const ok = zipParts(basicParts([{ name: 'S', body: sheetData([[cellXml('A1', long)]]) }]));
    expect(readGridsFromXlsx(ok).grids[0].cells[0][0]?.text).toBe(long);
    const padded = zipParts(basicParts([{ name: 'S', body: sheetData([[cellXml('A1', 1)]]).replace('</row>', `</row>${' '.repeat(5_000_000)}`) }]));
    expect(padded.length).toBeLessThan(50_000);
    let err: unknown;
    try {
      readGridsFromXlsx(padded);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as FileReadError).code).toBe('too-large');
    expect((err as FileReadError).message).toMatch(/“xl\/worksheets\/sheet1\.xml”中有一段超过 4M 个字符的连续文本或空白/);
  });
});
