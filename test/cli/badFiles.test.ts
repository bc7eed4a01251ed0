/**
 * `jixiao check` on random bad files (issue 14): truncated zips, random bytes, packages missing parts, broken
 * XML, huge dimension and cell references, merge bombs, bad shared-string indexes. Whatever arrives, the CLI
 * answers with an exit code and a zh-CN message, never a stack trace; a corrupt file never exits 0.
 * The seed is fixed (override with FC_SEED=n); a failure prints it with the shrunk case.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { tmpDir } from '../fixtures/files';
import { buildWorkbook, workbookArb } from '../fixtures/randomXlsx';

jest.setTimeout(120_000);

const SEED = Number(process.env.FC_SEED ?? 1414);

interface BadCase {
  what: string;
  bytes: Uint8Array;
  /** True when the file is corrupt: exit 2 is the only right answer. */
  corrupt: boolean;
}

const dec = new TextDecoder();
const rezip = (parts: Record<string, Uint8Array>): Uint8Array => zipSync(parts, { level: 6 });
const sheetParts = (parts: Record<string, Uint8Array>): string[] => Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));

/** Parts the reader needs: losing or breaking one makes the package corrupt. */
const REQUIRED = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
const READ_XML = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];

const badCaseArb: fc.Arbitrary<BadCase> = fc.oneof(
  // A zip cut short anywhere.
  fc.tuple(workbookArb, fc.double({ min: 0, max: 0.999, noNaN: true })).map(([spec, at]) => {
    const bytes = buildWorkbook(spec);
    return { what: 'truncated', bytes: bytes.slice(0, Math.floor(bytes.length * at)), corrupt: true };
  }),
  // Random bytes, some behind a zip or compound-file signature.
  fc
    .tuple(fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), fc.uint8Array({ maxLength: 4096 }))
    .map(([head, tail]) => ({ what: 'random bytes', bytes: new Uint8Array([...head, ...tail]), corrupt: true })),
  // A required part missing.
  fc.tuple(workbookArb, fc.nat()).map(([spec, k]) => {
    const parts = unzipSync(buildWorkbook(spec));
    const names = [...REQUIRED, ...sheetParts(parts)];
    const gone = names[k % names.length];
    delete parts[gone];
    return { what: `without ${gone}`, bytes: rezip(parts), corrupt: true };
  }),
  // Shared strings missing while a cell refers to them.
  workbookArb.map((spec) => {
    const parts = unzipSync(buildWorkbook(spec));
    const sheet = sheetParts(parts)[0];
    parts[sheet] = strToU8(dec.decode(parts[sheet]).replace('<sheetData>', '<sheetData><row r="20"><c r="A20" t="s"><v>0</v></c></row>'));
    delete parts['xl/sharedStrings.xml'];
    return { what: 'without shared strings', bytes: rezip(parts), corrupt: true };
  }),
  // Broken XML in a part the reader reads (corrupt) or in any other part (any answer, no crash).
  fc.tuple(workbookArb, fc.nat(), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.constantFrom('cut', '<<&', '</x>')).map(([spec, k, at, how]) => {
    const parts = unzipSync(buildWorkbook(spec));
    const xmlParts = Object.keys(parts).filter((n) => /\.(xml|rels|vml)$/.test(n));
    const name = xmlParts[k % xmlParts.length];
    const text = dec.decode(parts[name]);
    // After the XML declaration: a garbled declaration over intact content is read (the scanner skips it).
    const start = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 1;
    const cut = Math.max(start, Math.floor(text.length * at));
    parts[name] = strToU8(how === 'cut' ? text.slice(0, cut) : text.slice(0, cut) + how + text.slice(cut));
    const read = READ_XML.includes(name) || sheetParts(parts).includes(name);
    // Cut or not well-formed: a part the reader reads makes the file corrupt.
    return { what: `broken XML (${how}) in ${name}`, bytes: rezip(parts), corrupt: read };
  }),
  // Shared-string indexes out of range (corrupt) or odd (any answer).
  fc.tuple(workbookArb, fc.constantFrom('-1', '999999', '8', 'abc', '1.5', '', '1e3')).map(([spec, v]) => {
    const parts = unzipSync(buildWorkbook(spec));
    const sheet = sheetParts(parts)[0];
    parts[sheet] = strToU8(dec.decode(parts[sheet]).replace('<sheetData>', `<sheetData><row r="20"><c r="B20" t="s"><v>${v}</v></c></row>`));
    return { what: `shared string index "${v}"`, bytes: rezip(parts), corrupt: ['-1', '999999', '8', '1e3'].includes(v) };
  }),
  // Huge dimension, far cells, merge bombs: finish or refuse with the limit, never crash.
  fc.tuple(workbookArb, fc.constantFrom('A1:XFD1048576', 'XFD1048576', 'A1:A1048576', 'ZZZZ1', 'A0:B2')).map(([spec, ref]) => {
    const parts = unzipSync(buildWorkbook(spec));
    const sheet = sheetParts(parts)[0];
    let xml = dec.decode(parts[sheet]).replace('<sheetViews>', `<dimension ref="${ref}"/><sheetViews>`);
    if (ref.includes(':')) {
      xml = xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '').replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
    }
    else xml = xml.replace('</sheetData>', `<row r="1048576"><c r="${ref}"><v>1</v></c></row></sheetData>`);
    parts[sheet] = strToU8(xml);
    return { what: `huge reference ${ref}`, bytes: rezip(parts), corrupt: false };
  }),
);

const STACK = /\n\s+at \S+ \(|\bat .+:\d+:\d+|\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|\bError:|undefined|\[object /;
const CJK = /[\u4e00-\u9fff]/;

describe('jixiao check on random bad files', () => {
  it('never crashes, always says why in Chinese, and never exits 0 on a corrupt file', async () => {
    const dir = tmpDir('jixiao-bad-');
    let n = 0;
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(badCaseArb, async (c) => {
        const sub = path.join(dir, String(n++));
        fs.mkdirSync(sub);
        const file = path.join(sub, '受检.xlsx');
        fs.writeFileSync(file, c.bytes);
        const io = memoryIO(sub);
        const code = await main(['check', file, '--out-dir', path.join(sub, 'out'), '--jobs', '1', '--no-progress'], io);
        const out = io.out();
        const err = io.err();
        seen.set(code, (seen.get(code) ?? 0) + 1);
        expect([c.what, [0, 1, 2].includes(code)]).toEqual([c.what, true]);
        expect([c.what, STACK.test(out + err)]).toEqual([c.what, false]);
        if (c.corrupt) expect([c.what, code]).toEqual([c.what, 2]);
        if (code === 2) {
          expect(err).toMatch(/无法(读取|检查|写入标注副本)/);
          const reason = err.split('：').slice(1).join('：');
          expect([c.what, CJK.test(reason)]).toEqual([c.what, true]);
        }
        // The input is never changed.
        expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(c.bytes))).toBe(true);
        fs.rmSync(sub, { recursive: true, force: true });
      }),
      { seed: SEED, numRuns: 50 },
    );
    // The generator reaches both answers: refused files and files that finish.
    expect(seen.get(2)).toBeGreaterThan(0);
    expect((seen.get(0) ?? 0) + (seen.get(1) ?? 0)).toBeGreaterThan(0);
  });
});
