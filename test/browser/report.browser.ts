/**
 * The batch report as a reviewer opens it: `jixiao report` on a folder of the example and its variants
 * (and one unreadable file), the HTML opened from file:// in Chromium with every non-file request blocked.
 * Checks the charts rendered, the figures equal `jixiao check --format json`, sorting and filtering work,
 * the print layout hides the controls; takes the README screenshot.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Page } from 'playwright-core';
import { makeBatch } from '../../scripts/make-batch';
import { launch } from './chromium';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-output/screenshots');

type Counts = { error: number; warning: number; info: number };

function jixiao(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'jixiao.js'), ...args], { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 256 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let work: string;
let check: { files: { file: string; tables: unknown[]; error?: { message: string } }[]; summary: Counts };
const outside: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  // The CLI as `npm run build:cli` builds it; type errors elsewhere in the tree must not stop emission.
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
  expect(existsSync(path.join(ROOT, 'dist', 'cli', 'index.js'))).toBe(true);

  work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-report-browser-'));
  const batch = path.join(work, '各单位材料');
  await makeBatch(batch, 16);
  writeFileSync(path.join(batch, '损坏的文件.xlsx'), 'PK\u0003\u0004 truncated');

  const r = jixiao(work, 'report', '各单位材料', '--out', '报告/审核报告.html', '--xlsx', '报告/汇总.xlsx', '--out-dir', '报告/标注副本');
  expect(r.err).toContain('无法读取 各单位材料/损坏的文件.xlsx');
  expect(r.code).toBe(2);
  const c = jixiao(work, 'check', '各单位材料', '--format', 'json', '--no-annotate');
  check = JSON.parse(c.out);

  browser = await launch();
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(pathToFileURL(path.join(work, '报告', '审核报告.html')).href);
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

const kpi = async (label: string): Promise<string> =>
  (await page.locator('.kpi', { has: page.locator(`span:text-is("${label}")`) }).locator('b').textContent())!.trim();

describe('batch report opened from file://', () => {
  it('renders five charts, with rule titles in Chinese, and asks for nothing outside the file', async () => {
    const figures = page.locator('figure[id^="chart-"]');
    expect(await figures.count()).toBe(5);
    for (const id of ['chart-rules', 'chart-criteria', 'chart-scores', 'chart-budget', 'chart-repeated']) {
      const svg = page.locator(`#${id} svg`);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(120);
      // Bars, points and axes are drawn as paths.
      expect(await svg.locator('path').count()).toBeGreaterThan(5);
    }
    const labels = await page.locator('#chart-rules svg text').allTextContents();
    expect(labels.some((t) => /[\u4e00-\u9fff]{3,}/.test(t))).toBe(true);
    expect(labels.some((t) => /^[a-z]+(-[a-z]+)+$/.test(t))).toBe(false);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the same counts as jixiao check --format json', async () => {
    expect(Number(await kpi('错误'))).toBe(check.summary.error);
    expect(Number(await kpi('警告'))).toBe(check.summary.warning);
    expect(Number(await kpi('提示'))).toBe(check.summary.info);
    const tables = check.files.reduce((n, f) => n + f.tables.length, 0);
    expect(Number(await kpi('绩效目标表'))).toBe(tables);
    expect(await page.locator('#tables tbody tr').count()).toBe(tables);
    expect(await kpi('工作簿（1 个无法读取）')).toBe(String(check.files.length));
    const bad = check.files.find((f) => f.error)!;
    await expect(page.locator('#unreadable-table td').nth(1).textContent()).resolves.toBe(bad.error!.message);
    // Per-table errors in the list add up to the total (every error here belongs to a table).
    const errors = await page.locator('#tables tbody tr').evaluateAll((rows) =>
      rows.reduce((n, r) => n + Number((r as HTMLTableRowElement).dataset.errors), 0),
    );
    expect(errors).toBe(check.summary.error);
  });

  it('sorts by score and filters by unit and text', async () => {
    const scores = () => page.locator('#tables tbody tr:not([hidden]) td:nth-child(4)').allTextContents();
    await page.locator('#tables th', { hasText: '得分' }).click();
    const asc = (await scores()).map(Number);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.locator('#tables th', { hasText: '得分' }).click();
    const desc = (await scores()).map(Number);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));

    const unit = (await page.locator('#f-unit option').nth(1).textContent())!;
    await page.selectOption('#f-unit', unit);
    const shown = await page.locator('#tables tbody tr:not([hidden])').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(await page.locator('#tables tbody tr').count());
    expect(new Set(await page.locator('#tables tbody tr:not([hidden]) td:first-child').allTextContents())).toEqual(new Set([unit]));
    expect(await page.locator('#f-count').textContent()).toBe(String(shown));
    await page.selectOption('#f-unit', '');
    await page.fill('#f-text', '不会出现的项目名称');
    expect(await page.locator('#tables tbody tr:not([hidden])').count()).toBe(0);
    await page.fill('#f-text', '');
  });

  it('links each table to its findings and its annotated copy', async () => {
    const first = page.locator('#tables tbody tr').first();
    const copy = await first.locator('a', { hasText: '标注副本' }).getAttribute('href');
    expect(existsSync(path.join(work, '报告', decodeURIComponent(copy!)))).toBe(true);
    await first.locator('a', { hasText: '问题' }).click();
    const anchor = new URL(page.url()).hash;
    expect(await page.locator(`${anchor} h3`).isVisible()).toBe(true);
    expect(await page.locator(`${anchor}`).textContent()).toContain('先改这些');
  });

  it('prints without the controls and takes the README screenshot', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.screenshot({ path: path.join(SHOTS, 'report.png') });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
