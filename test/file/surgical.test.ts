import { unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import type { CellRef } from '../../src/core/grid';
import { parseA1 } from '../../src/core/grid';
import type { Finding, Severity } from '../../src/core/findings';
import { MARK_COLORS } from '../../src/core/marks';
import { NOTE_PREFIX, annotateXlsx, applyCellTexts, clearMarksXlsx } from '../../src/hosts/file/annotate';
import { readGridsFromXlsx } from '../../src/hosts/file/read';
import { RICH_DATA_SHEET, RICH_SHEET, richWorkbook } from '../fixtures/richXlsx';

const dec = new TextDecoder();
const parts = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);
const text = (bytes: Uint8Array, name: string): string => dec.decode(parts(bytes)[name]);

function ref(address: string, sheet = RICH_SHEET): CellRef {
  const p = parseA1(address)!;
  return { sheet, row: p.row, col: p.col, address };
}
const finding = (address: string, severity: Severity, sheet = RICH_SHEET, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'test-rule',
  severity,
  criterion: '适当性',
  ref: ref(address, sheet),
  message: `${address} 的测试问题`,
  ...extra,
});

const FINDINGS: Finding[] = [
  finding('D5', 'error', RICH_SHEET, { fix: { ref: ref('D5'), from: '≤98%', to: '≥98%', description: '将“≤98%”改为“≥98%”' } }),
  finding('B2', 'warning'), // has a user's plain comment
  finding('C4', 'info'), // has a threaded comment
  finding('A5', 'error'), // inside the merge A4:A5: marked on A4
  finding('E4', 'warning'), // no cell element in row 4
  finding('C7', 'info'), // no row 7 at all
  finding('B2', 'error', RICH_DATA_SHEET), // a sheet without any note yet
];

/** Parts allowed to differ: the ones our marks live in. */
const TOUCHED = new Set([
  '[Content_Types].xml',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet2.xml',
  'xl/worksheets/_rels/sheet2.xml.rels',
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
]);

const stripStyles = (xml: string): string => xml.replace(/ s="\d+"/g, '');
const cellStyles = (xml: string): Record<string, string> =>
  Object.fromEntries([...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)].map((m) => [m[1], m[2] ?? '0']));

describe('surgical annotator on a workbook with charts, a pivot, VBA, protection, comments and 10.5 pt fonts', () => {
  const original = richWorkbook();
  const { buffer, changes, skipped } = annotateXlsx(original, FINDINGS);
  const before = parts(original);
  const after = parts(buffer);

  it('copies every part it does not need byte for byte', () => {
    expect(skipped).toEqual([]);
    expect(changes).toEqual([]);
    for (const name of Object.keys(before)) {
      expect(after[name]).toBeDefined();
      if (!TOUCHED.has(name)) expect([name, after[name]]).toEqual([name, before[name]]);
    }
    const added = Object.keys(after).filter((n) => !(n in before)).sort();
    expect(added).toEqual(['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml']);
    for (const name of [...TOUCHED, ...added]) {
      if (name.endsWith('.vml')) continue; // VML is not XML-valid by design in Excel's files; checked below
      expect([name, XMLValidator.validate(dec.decode(after[name]))]).toEqual([name, true]);
    }
    // .xlsm stays macro-enabled with its project.
    expect(text(buffer, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(after['xl/vbaProject.bin']).toEqual(before['xl/vbaProject.bin']);
  });

  it('changes no value and reads back equal', () => {
    expect(readGridsFromXlsx(buffer).grids).toEqual(readGridsFromXlsx(original).grids);
  });

  it('appends fills and cloned cell styles, keeping every original style and the 10.5 pt font', () => {
    const s0 = text(original, 'xl/styles.xml');
    const s1 = text(buffer, 'xl/styles.xml');
    const originalXfs = [...s0.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    for (const piece of s0.split(/<\/fills>|<\/cellXfs>/)) expect(s1).toContain(piece.replace(/ count="\d+"/g, '').slice(-200));
    expect((s1.match(/sz val="10.5"/g) ?? []).length).toBe((s0.match(/sz val="10.5"/g) ?? []).length);
    expect(s1).toContain(`rgb="${MARK_COLORS.error.argb}"`);
    const xfs1 = [...s1.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const cellXfs1 = xfs1.slice(1); // the first xf is the cell style xf
    const added = cellXfs1.slice(originalXfs.length - 1);
    expect(added.length).toBeGreaterThan(0);
    const key = (xf: string): string => xf.replace(/ fillId="\d+"/, '').replace(/ applyFill="\d"/, '');
    for (const xf of added) expect(originalXfs.map(key)).toContain(key(xf));
    expect(s1).toMatch(new RegExp(`<cellXfs count="${cellXfs1.length}">`));
  });

  it('edits the sheet only in marked cells: styles, one new cell, one new row', () => {
    const x0 = text(original, 'xl/worksheets/sheet1.xml');
    const x1 = text(buffer, 'xl/worksheets/sheet1.xml');
    expect(stripStyles(x1).replace('<c r="E4"/>', '').replace('<row r="7"><c r="C7"/></row>', '')).toBe(stripStyles(x0));
    const st0 = cellStyles(x0);
    const st1 = cellStyles(x1);
    const changed = Object.keys(st1).filter((a) => st0[a] !== st1[a]).sort();
    expect(changed).toEqual(['A4', 'B2', 'C4', 'C7', 'D5', 'E4']);
    // The data sheet gets its legacy drawing, after everything the schema puts before it.
    const d1 = text(buffer, 'xl/worksheets/sheet2.xml');
    expect(d1).toMatch(/<pageMargins [^>]*\/><legacyDrawing r:id="rId3"\/><tableParts count="0"\/>/);
  });

  it('keeps user comments, authors and the threaded comment; adds our notes', () => {
    const c1 = text(buffer, 'xl/comments1.xml');
    expect(c1).toContain('<author>张三</author><author>tc={7A1B2C3D-0000-4000-8000-000000000001}</author><author>绩效目标表助手</author>');
    expect(c1).toMatch(/<comment ref="B2" authorId="0"[^>]*><text><r><t>请核实项目名称<\/t><\/r><r>[\s\S]*绩效目标表助手：/);
    const threaded = /<comment ref="C4"[\s\S]*?<\/comment>/.exec(text(original, 'xl/comments1.xml'))![0];
    expect(c1).toContain(threaded);
    expect(c1).toMatch(new RegExp(`<comment ref="A4" authorId="2" shapeId="0"><text>[^]*?${NOTE_PREFIX}[^]*?A5 的测试问题`));
    const vml = text(buffer, 'xl/drawings/vmlDrawing1.vml');
    expect((vml.match(/ObjectType="Note"/g) ?? []).length).toBe(2 + 4); // A4, D5, E4, C7
    expect(vml).toMatch(/<o:idmap v:ext="edit" data="1,2"\/>/);
    expect(text(buffer, 'xl/worksheets/_rels/sheet2.xml.rels')).toContain('../comments2.xml');
  });

  it('re-annotating the copy replaces our marks instead of stacking them', () => {
    const again = annotateXlsx(buffer, FINDINGS).buffer;
    expect(text(again, 'xl/styles.xml')).toBe(text(buffer, 'xl/styles.xml'));
    const c2 = text(again, 'xl/comments1.xml');
    expect((c2.match(new RegExp(NOTE_PREFIX, 'g')) ?? []).length).toBe(5);
    expect((text(again, 'xl/drawings/vmlDrawing1.vml').match(/ObjectType="Note"/g) ?? []).length).toBe(6);
    // A cell no longer flagged loses its mark and its note.
    const fewer = annotateXlsx(buffer, FINDINGS.filter((f) => f.ref.address !== 'E4')).buffer;
    const x = text(fewer, 'xl/worksheets/sheet1.xml');
    expect(cellStyles(x).E4).toBe('0');
    expect(text(fewer, 'xl/comments1.xml')).not.toContain('ref="E4"');
  });

  it('clearing restores every cell style and every user comment', () => {
    const cleared = clearMarksXlsx(buffer);
    const st0 = cellStyles(text(original, 'xl/worksheets/sheet1.xml'));
    const st2 = cellStyles(text(cleared, 'xl/worksheets/sheet1.xml'));
    for (const [a, s] of Object.entries(st0)) expect([a, st2[a]]).toEqual([a, s]);
    const c = text(cleared, 'xl/comments1.xml');
    expect(c).not.toContain(NOTE_PREFIX);
    expect(c).toContain('请核实项目名称');
    expect(c).toContain(/<comment ref="C4"[\s\S]*?<\/comment>/.exec(text(original, 'xl/comments1.xml'))![0]);
    expect((text(cleared, 'xl/drawings/vmlDrawing1.vml').match(/ObjectType="Note"/g) ?? []).length).toBe(2);
    expect(readGridsFromXlsx(cleared).grids).toEqual(readGridsFromXlsx(original).grids);
  });

  it('applies an approved fix as the cell text and nothing else', () => {
    const fixed = annotateXlsx(original, FINDINGS, { applyFixes: true });
    expect(fixed.changes).toEqual([{ ref: ref('D5'), from: '≤98%', to: '≥98%' }]);
    const g0 = readGridsFromXlsx(original).grids[0];
    const g1 = readGridsFromXlsx(fixed.buffer).grids[0];
    expect(g1.cells[4][3]).toEqual({ value: '≥98%', text: '≥98%' });
    g1.cells[4][3] = g0.cells[4][3];
    expect(g1).toEqual(g0);
    expect(text(fixed.buffer, 'xl/sharedStrings.xml')).toBe(text(original, 'xl/sharedStrings.xml'));
    // A formula is never overwritten by an edit of the page either.
    const edited = applyCellTexts(original, [{ ref: ref('B2'), text: '新名称' }]);
    expect(readGridsFromXlsx(edited).grids[0].cells[1][1]?.text).toBe('新名称');
    const p0 = parts(original);
    const p1 = parts(edited);
    for (const name of Object.keys(p0)) if (name !== 'xl/worksheets/sheet1.xml') expect(p1[name]).toEqual(p0[name]);
  });
});

describe('notes sized to their text', () => {
  const LONG = '指标值与同类项目差异较大，请核实测算依据并在指标值确定依据中写明计算过程。'.repeat(8);
  /** Note box heights in the VML part of a sheet with notes, by "row,col". */
  function boxes(bytes: Uint8Array): Map<string, { height: number; width: number; anchorRows: number }> {
    const out = new Map<string, { height: number; width: number; anchorRows: number }>();
    for (const [name, data] of Object.entries(parts(bytes))) {
      if (!name.endsWith('.vml')) continue;
      for (const shape of dec.decode(data).match(/<v:shape\b[\s\S]*?<\/v:shape>/g) ?? []) {
        const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1];
        const col = /<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1];
        const anchor = /<x:Anchor>([^<]*)<\/x:Anchor>/.exec(shape)?.[1].split(',').map((x) => Number(x.trim()));
        if (row === undefined || col === undefined || !anchor) continue;
        out.set(`${row},${col}`, {
          width: Number(/width:([\d.]+)pt/.exec(shape)![1]),
          height: Number(/height:([\d.]+)pt/.exec(shape)![1]),
          anchorRows: anchor[7 - 1] - anchor[2],
        });
      }
    }
    return out;
  }

  it('a long note gets a taller box and anchor than a short one, also when a note is replaced on a re-check', () => {
    const short = finding('E4', 'warning', RICH_SHEET, { message: '短' });
    const long = finding('D5', 'error', RICH_SHEET, { message: LONG });
    const first = annotateXlsx(richWorkbook(), [short, long]).buffer;
    const a = boxes(first);
    const [e4, d5] = [a.get('3,4')!, a.get('4,3')!];
    expect(d5.width).toBe(e4.width);
    expect(d5.height).toBeGreaterThan(e4.height * 2);
    expect(d5.anchorRows).toBeGreaterThan(e4.anchorRows);
    // Re-check with the messages swapped: our notes are replaced in place and their boxes follow the text.
    const again = boxes(annotateXlsx(first, [{ ...short, message: LONG }, { ...long, message: '短' }]).buffer);
    expect(again.get('3,4')!.height).toBe(d5.height);
    expect(again.get('4,3')!.height).toBe(e4.height);
  });
});
