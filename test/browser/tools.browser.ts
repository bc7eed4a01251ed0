/**
 * The pane tools 插入模板 and 部门整体目标 in real Chromium: on the pane-only test page at task-pane width
 * (320–350 px: nothing clipped, screenshots at 340 px) and on the standalone page (the result is in the
 * downloaded copy, and no cell of the original changes).
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launch } from './chromium';
import { downloadCopy, expectValuesKept } from './download';
import { serveDir } from './serve';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/曹妃甸区委组织部2025绩效目标.xlsx');
// Screenshots go to test-output/ on every run; UPDATE_SCREENSHOTS=1 refreshes the committed ones in docs/.
const SHOTS = path.join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-output/screenshots');

let server: Awaited<ReturnType<typeof serveDir>>;
let browser: Awaited<ReturnType<typeof launch>>;
const pageErrors: string[] = [];
const outside: string[] = [];

async function open(file: string, width: number, ready = 'summary'): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}${file}`);
  await page.getByTestId('file-input').setInputFiles(EXAMPLE);
  await page.getByTestId(ready).waitFor({ timeout: 60000 });
  return page;
}

/** At 320, 340 and 350 px: no horizontal scrolling and no element of the pane sticking out on the right. */
async function expectNothingClipped(page: Page): Promise<void> {
  for (const width of [320, 340, 350]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate((w) => {
      const wide = Array.from(document.querySelectorAll('[data-testid="pane-only"] *')).filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > w + 0.5;
      });
      // Text cut off inside its own box (a label wider or taller than its button, a squeezed list entry) is
      // clipping too; so is a box whose text is taller than one line of it.
      const cut = Array.from(document.querySelectorAll('[data-testid="pane-only"] button, [data-testid="pane-only"] select'))
        .filter((el) => {
          const style = getComputedStyle(el);
          const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
          return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || el.getBoundingClientRect().height < line;
        })
        .map((el) => (el.textContent ?? '').slice(0, 40));
      return { scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 120)), cut };
    }, width);
    expect({ width, ...overflow }).toEqual({ width, scroll: width, wide: [], cut: [] });
  }
  await page.setViewportSize({ width: 340, height: 900 });
}

beforeAll(async () => {
  const dist = process.env.JIXIAO_WEB_DIST;
  if (!dist || !existsSync(path.join(dist, 'pane.html'))) throw new Error(`网页未构建：${dist}`);
  server = await serveDir(dist);
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('插入模板 in the pane at 340 px: suggestion with its reason, search, preview, insert, inputs listed', async () => {
  const page = await open('pane.html', 340);
  await page.getByRole('tab', { name: '插入模板' }).click();
  const tool = page.getByTestId('template-tool');
  const target = tool.getByRole('combobox', { name: '插入位置' });
  await tool.locator('select option').nth(20).waitFor({ state: 'attached' });
  // The first project table (驻村工作队结转经费): its suggested template comes first, with the reason.
  await target.selectOption({ index: 1 });
  const preview = tool.getByTestId('template-preview');
  await preview.getByText('驻村帮扶', { exact: false }).first().waitFor();
  expect(await preview.textContent()).toContain('项目名称提到“驻村”');
  const options = tool.getByRole('listbox', { name: '模板' }).getByRole('option');
  expect(await options.first().textContent()).toBe('驻村帮扶（推荐）');
  expect(await options.count()).toBeGreaterThanOrEqual(14);
  // Search narrows the list; choosing an entry changes the preview.
  await tool.getByRole('textbox', { name: /搜索模板/ }).fill('培训');
  expect(await options.allTextContents()).toContain('干部教育培训');
  expect(await options.count()).toBeLessThan(5);
  await options.filter({ hasText: '干部教育培训' }).click();
  expect(await options.filter({ hasText: '干部教育培训' }).getAttribute('aria-selected')).toBe('true');
  await preview.getByText(/^干部教育培训（\d+ 项指标）$/).waitFor();
  await tool.getByRole('textbox', { name: /搜索模板/ }).fill('');
  await options.filter({ hasText: '驻村帮扶' }).click();
  await expectNothingClipped(page);
  // Short values ("≥95%", "2026年6月底前") are never split across lines.
  const split = await preview.evaluate((el) =>
    Array.from(el.querySelectorAll('span'))
      .filter((s) => getComputedStyle(s).whiteSpace === 'nowrap' && s.getClientRects().length > 1)
      .map((s) => s.textContent),
  );
  expect(split).toEqual([]);
  expect(await preview.locator('span').filter({ hasText: /^≥95%$/ }).count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SHOTS, 'tools-template-340.png') });

  await tool.getByRole('button', { name: '预览' }).click();
  const plan = tool.getByTestId('insert-preview');
  await plan.waitFor();
  expect(await plan.textContent()).toContain('已有内容的单元格一律不改动');
  await expectNothingClipped(page);
  await tool.getByRole('button', { name: '确认插入' }).click();
  await tool.getByRole('status').filter({ hasText: '已插入' }).waitFor();
  await tool.getByText(/^待填写的数据（\d+ 处）$/).waitFor();
  const goTo = tool.getByRole('button', { name: /^定位到 / });
  expect(await goTo.count()).toBeGreaterThan(0);
  await expectNothingClipped(page);
  await plan.waitFor({ state: 'detached' });
  await goTo.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'tools-template-inputs-340.png') });
  await page.close();
});

test('部门整体目标 in the pane at 340 px: three parts, total 3777.20 万元, a project re-assigned to another area', async () => {
  // Opened as the ribbon button 部门整体目标 opens the pane: on that tool, through ?tool=overview.
  const page = await open('pane.html?tool=overview', 340, 'overview-tool');
  expect(await page.getByRole('tab', { name: '部门整体目标' }).getAttribute('aria-selected')).toBe('true');
  const tool = page.getByTestId('overview-tool');
  await tool.getByRole('button', { name: '生成部门整体绩效目标' }).click();
  const preview = tool.getByTestId('overview-preview');
  await preview.waitFor();
  const text = (await preview.textContent()) ?? '';
  for (const part of ['一、总体绩效目标', '二、分项绩效目标', '三、工作保障措施']) expect(text).toContain(part);
  expect(text).toContain('3777.20万元');

  // Move one project to the area of another: it is listed under that area afterwards.
  const areas = tool.getByTestId('overview-area');
  expect(await areas.count()).toBeGreaterThan(1);
  const from = areas.first();
  const to = (await areas.nth(1).getAttribute('data-area'))!;
  const select = from.getByRole('combobox').first();
  const label = (await select.getAttribute('aria-label'))!;
  await select.selectOption(to);
  const moved = tool.locator(`[data-testid="overview-area"][data-area="${to}"]`).getByRole('combobox', { name: label });
  await moved.waitFor();
  expect(await moved.inputValue()).toBe(to);
  await expectNothingClipped(page);
  await page.screenshot({ path: path.join(SHOTS, 'tools-overview-340.png') });
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'tools-overview-text-340.png') });
  await page.close();
});

test('on the standalone page: a new table from a template and the overview sheet are in the downloaded copy, original cells unchanged', async () => {
  const page = await open('index.html', 1440);
  const pane = page.getByTestId('pane-container');
  await pane.getByRole('tab', { name: '插入模板' }).click();
  const tool = pane.getByTestId('template-tool');
  await tool.locator('select option').nth(20).waitFor({ state: 'attached' });
  const target = tool.getByRole('combobox', { name: '插入位置' });
  expect(await target.inputValue()).toBe('new');
  const where = /^新表：(.+) 第 (\d+) 行起$/.exec((await target.locator('option').first().textContent()) ?? '');
  expect(where).not.toBeNull();
  const [, sheet, fromRow] = where!;
  await tool.getByRole('textbox', { name: /搜索模板/ }).fill('会议');
  await tool.getByRole('listbox', { name: '模板' }).getByRole('option', { name: '会议' }).click();
  await tool.getByRole('button', { name: '预览' }).click();
  await tool.getByRole('button', { name: '确认插入' }).click();
  await tool.getByRole('status').filter({ hasText: '已插入' }).waitFor();

  await pane.getByRole('tab', { name: '部门整体目标' }).click();
  await pane.getByRole('button', { name: '生成部门整体绩效目标' }).click();
  await pane.getByRole('button', { name: '写入新工作表' }).click();
  const written = pane.getByRole('status').filter({ hasText: '已写入新工作表' });
  await written.waitFor();
  // The example already has a sheet of that name: the new one gets a suffix, the old one is left alone.
  const newSheet = /已写入新工作表“(.+?)”/.exec((await written.textContent()) ?? '')![1];
  expect(newSheet).not.toBe('部门整体绩效目标');

  const { copy } = await downloadCopy(page, 'downloaded-tools.已校验.xlsx');
  // The new table goes below everything on its sheet: every original cell keeps its value and place.
  const { original, compared } = await expectValuesKept(EXAMPLE, copy);
  expect(compared).toBeGreaterThan(100);
  const texts = (ws: ExcelJS.Worksheet) => {
    const all: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.isMerged || cell.master === cell) all.push(String(cell.text ?? ''));
      }),
    );
    return all;
  };
  const before = new Set(texts(original.getWorksheet(sheet)!));
  const added = texts(copy.getWorksheet(sheet)!).filter((t) => !before.has(t));
  expect(copy.getWorksheet(sheet)!.rowCount).toBeGreaterThan(Number(fromRow));
  expect(added.some((t) => t.includes('【请填写'))).toBe(true);
  expect(added.some((t) => t.includes('会议'))).toBe(true);
  // (the copy also gets the 汇总 sheet of the check)
  const names = copy.worksheets.map((w) => w.name);
  expect(names.slice(0, original.worksheets.length + 1)).toEqual([...original.worksheets.map((w) => w.name), newSheet]);
  const overview = copy.getWorksheet(newSheet);
  expect(overview).toBeTruthy();
  const overviewText = texts(overview!).join('\n');
  for (const part of ['一、总体绩效目标', '二、分项绩效目标', '三、工作保障措施', '3777.20万元']) expect(overviewText).toContain(part);
  await page.close();
});

test('no script errors and nothing fetched from outside', () => {
  expect(pageErrors).toEqual([]);
  expect(outside).toEqual([]);
});
