/**
 * No English where a clerk reads: cell notes of the annotated copy, tooltips of the page (noteText), the
 * text report (without --verbose). Quoted cell contents (“…”) and file names are the clerk's own words.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { groupByCell, noteText } from '../../src/core/marks';
import { validateGrids } from '../../src/core/validate';
import { annotateBuffer } from '../../src/hosts/file/annotate';
import { readGridsFromBuffer } from '../../src/hosts/file/read';
import { EXAMPLE, tmpDir } from '../fixtures/files';

jest.setTimeout(60_000);

/** ASCII words left once quoted cell text, file names and cell addresses are removed. */
function asciiWords(text: string): string[] {
  const stripped = text
    .replace(/“[^”]*”/g, '')
    .replace(/\S+\.xlsx/g, '')
    .replace(/\b[A-Z]{1,3}\d+\b/g, '');
  return stripped.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('no English where a clerk reads', () => {
  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
  });

  it('finds an English word when there is one (the scanner works)', () => {
    expect(asciiWords('【警告】goal-vague：绩效目标“Plan A”笼统')).toEqual(['goal', 'vague']);
  });

  it('cell notes of the annotated copy and the page tooltips', async () => {
    const { findings } = validateGrids(await readGridsFromBuffer(bytes));
    const tooltips = [...groupByCell(findings).values()].map((g) => noteText(g));
    expect(tooltips.length).toBeGreaterThan(100);
    expect(tooltips.flatMap(asciiWords)).toEqual([]);

    const { buffer } = await annotateBuffer(bytes, findings);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(buffer) as unknown as ExcelJS.Buffer);
    const notes: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const n = cell.note as unknown;
          if (typeof n === 'string') notes.push(n);
          else if (n) notes.push(((n as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join(''));
        }),
      ),
    );
    expect(notes.length).toBeGreaterThan(100);
    expect(notes.flatMap(asciiWords)).toEqual([]);
    // The address is shown once: a note does not start by naming its own cell.
    expect(notes.filter((n) => /^【.{2}】[A-Z]+\d+：/.test(n))).toEqual([]);
  });

  it('the text report, and rule ids only with --verbose', async () => {
    const dir = tmpDir();
    fs.copyFileSync(EXAMPLE, path.join(dir, 'example.xlsx'));
    const io = memoryIO(dir);
    await main(['check', 'example.xlsx', '--no-annotate'], io);
    expect(io.out().split('\n').flatMap(asciiWords)).toEqual([]);
    const verbose = memoryIO(dir);
    await main(['check', 'example.xlsx', '--no-annotate', '--verbose'], verbose);
    expect(verbose.out()).toContain('（same-value-everywhere');
  });
});
