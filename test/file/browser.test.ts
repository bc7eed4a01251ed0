/**
 * @jest-environment jsdom
 */
/** The web page bundles read.ts/annotate.ts with ExcelJS's browser build: check they work there too. */
import { readFileSync } from 'fs';
import { annotateBuffer } from '../../src/hosts/file/annotate';
import { readGridsFromBuffer } from '../../src/hosts/file/read';
import { EXAMPLE } from '../fixtures/files';

// jsdom lacks the encoding API every browser has.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });

jest.mock('exceljs', () => jest.requireActual('exceljs/dist/exceljs.min.js'));
jest.setTimeout(60_000);

describe('file host with the ExcelJS browser build', () => {
  it('reads and annotates from an ArrayBuffer', async () => {
    const bytes = readFileSync(EXAMPLE);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const grids = await readGridsFromBuffer(ab);
    expect(grids.map((g) => g.sheetName)).toEqual(['部门整体绩效目标', '项目支出绩效目标表']);
    expect(grids[1].cells[6][1]).toEqual({ value: 0.25, text: '25%' });
    const ref = { sheet: '项目支出绩效目标表', row: 9, col: 4, address: 'E10' };
    const { buffer } = await annotateBuffer(ab, [
      { ruleId: 'count-unit', severity: 'error', criterion: '适当性', ref, message: '测试' },
    ]);
    expect(buffer).toBeInstanceOf(Uint8Array);
    const again = await readGridsFromBuffer(buffer);
    expect(again[1].cells[9][4]?.text).toBe('≥90%');
  });
});
