/** `jixiao report` in-process on a folder of the example, a 101号 variant and an unreadable file. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { EXAMPLE, tmpDir } from '../fixtures/files';
import { caiyu101Workbook, toBuffer } from '../fixtures/variants';

jest.setTimeout(120_000);

async function run(cwd: string, ...args: string[]) {
  const io = memoryIO(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

interface Embedded {
  totals: { tables: number; workbooks: number; unreadable: number; severity: Record<string, number>; units: number };
  files: { file: string; tables: number; counts: Record<string, number>; error: string | null }[];
  tables: { key: string; unit: string; score: number }[];
}

const embedded = (html: string): Embedded =>
  JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]) as Embedded;

describe('jixiao report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tmpDir('jixiao-report-');
    const batch = path.join(dir, '材料');
    fs.mkdirSync(batch);
    fs.copyFileSync(EXAMPLE, path.join(batch, '组织部.xlsx'));
    fs.writeFileSync(path.join(batch, '水利局.xlsx'), await toBuffer(caiyu101Workbook()));
    fs.writeFileSync(path.join(batch, '坏文件.xlsx'), '这不是工作簿');
  });

  it('writes one offline HTML page and 汇总.xlsx whose counts equal check --format json', async () => {
    const r = await run(dir, 'report', '材料', '--out', '报告/审核报告.html', '--xlsx', '报告/汇总.xlsx', '--out-dir', '副本');
    expect(r.code).toBe(2); // one unreadable file
    expect(r.err).toContain('无法读取 材料/坏文件.xlsx');
    expect(r.out).toContain('已生成审核报告：报告/审核报告.html');
    expect(r.out).toContain('已生成汇总表：报告/汇总.xlsx');

    const check = await run(dir, 'check', '材料', '--format', 'json', '--no-annotate');
    const json = JSON.parse(check.out) as { files: { file: string; tables: unknown[]; error?: unknown }[]; summary: Record<string, number> };

    const html = fs.readFileSync(path.join(dir, '报告', '审核报告.html'), 'utf8');
    const data = embedded(html);
    expect(data.totals.severity).toEqual(json.summary);
    expect(data.totals.tables).toBe(json.files.reduce((n, f) => n + f.tables.length, 0));
    expect(data.files.map((f) => [f.file, f.tables])).toEqual(json.files.map((f) => [f.file, f.tables.length]));
    expect(data.totals.unreadable).toBe(1);
    expect(data.totals.units).toBe(2);
    expect(new Set(data.tables.map((t) => t.unit))).toEqual(new Set(['中共曹妃甸区委组织部本级', '某某县水利局']));

    // Self-contained: five charts as inline SVG, no external resource, a CSP forbidding requests.
    expect(html.match(/<figure id="chart-[a-z]+"><figcaption>[^<]+<\/figcaption><svg /g)).toHaveLength(5);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link|<img|@import|url\(/i);
    // Rule titles, not ids, in the charts.
    expect(html).not.toMatch(/<text[^>]*>[a-z]+-[a-z-]+<\/text>/);
    // Links to the annotated copies (relative, percent-encoded) and to each table's findings.
    expect(html).toContain(`href="../${encodeURIComponent('副本')}/${encodeURIComponent('组织部.已校验.xlsx')}"`);
    expect(fs.existsSync(path.join(dir, '副本', '组织部.已校验.xlsx'))).toBe(true);
    expect(html).toContain('<a href="#t1">');
    expect(html).toContain('id="t1"');
    // The unreadable file with its reason; the scoring method stated.
    expect(html).toMatch(/<td>材料\/坏文件\.xlsx<\/td><td>[^<]*不是 \.xlsx 文件/);
    expect(html).toContain('满分 100 分');
    expect(html).toContain('先改这些');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '报告', '汇总.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['总览', '全部表格']);
    expect(new Set(names.slice(2))).toEqual(new Set(['某某县水利局', '中共曹妃甸区委组织部本级']));
    const all = wb.getWorksheet('全部表格')!;
    expect(all.rowCount).toBe(data.totals.tables + 1);
    const errors = all.getColumn(12).values.slice(2).reduce((n: number, v) => n + Number(v), 0);
    expect(all.getRow(1).getCell(12).value).toBe('错误');
    // Every error of this batch belongs to a table, so the sheet's error column adds up to the CLI's total.
    expect(errors).toBe(json.summary.error);
  });

  it('refuses an --xlsx path that is one of the inputs', async () => {
    const r = await run(dir, 'report', '材料/组织部.xlsx', '--xlsx', '材料/组织部.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不会覆盖');
  });
});

