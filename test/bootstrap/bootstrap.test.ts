/**
 * The ES5 runtime check that runs before every add-in page's bundles (src/bootstrap/bootstrap.js):
 * it must parse as ES5, and in a page that looks like Internet Explorer 11 / EdgeHTML / an old Chromium it
 * must explain in zh-CN instead of loading the app.
 */
import * as acorn from 'acorn';
import { readFileSync } from 'fs';
import { JSDOM, ResourceLoader, VirtualConsole } from 'jsdom';
import { join } from 'path';

const SOURCE = readFileSync(join(__dirname, '../../src/bootstrap/bootstrap.js'), 'utf8');

const UA = {
  trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko',
  edgeHtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  oldChromium: 'Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/56.0.2924.87 Safari/537.36',
  webView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
};

/** The page after parsing and DOMContentLoaded; script errors fail the test. */
async function page(config: Record<string, unknown>, userAgent: string, before = ''): Promise<JSDOM> {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>绩效目标表助手</title></head><body>
    <div id="root"></div>
    <script>${before}</script>
    <script>${SOURCE}\njixiaoBoot(${JSON.stringify(config)});</script>
  </body></html>`;
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (e) => errors.push(e.message));
  const resources = new ResourceLoader({ userAgent });
  // Bundles are not fetched (the tests look at the <script> tags written); userAgent is what the check sees.
  resources.fetch = () => null;
  const dom = new JSDOM(html, { runScripts: 'dangerously', resources, url: 'https://addin.example/jixiao/taskpane.html', virtualConsole });
  if (dom.window.document.readyState === 'loading') {
    await new Promise((resolve) => dom.window.document.addEventListener('DOMContentLoaded', resolve));
  }
  expect(errors).toEqual([]);
  return dom;
}

const bundleTags = (dom: JSDOM) => [...dom.window.document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));

describe('bootstrap', () => {
  it('parses as ES5 (acorn, ecmaVersion 5)', () => {
    expect(() => acorn.parse(SOURCE, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  it.each([
    ['Internet Explorer 11 (Trident)', UA.trident, 'Internet Explorer 11'],
    ['EdgeHTML', UA.edgeHtml, 'EdgeHTML'],
    ['Chromium 56', UA.oldChromium, 'Chromium 56'],
  ])('%s: the task pane explains in zh-CN, names the alternatives, and loads nothing', async (_name, ua, engine) => {
    const dom = await page({ page: 'taskpane', level: 2020, minChromium: 80, scripts: ['taskpane.js'] }, ua);
    const box = dom.window.document.getElementById('jixiao-unsupported');
    expect(box).not.toBeNull();
    const text = box!.textContent ?? '';
    expect(text).toContain('绩效目标表助手无法在当前版本中运行');
    expect(text).toContain(engine);
    expect(text).toContain('WPS 加载项');
    expect(text).toContain('独立网页版');
    expect(text).toContain('Excel 2021');
    expect(box!.getAttribute('role')).toBe('alert');
    expect(dom.window.document.getElementById('root')).toBeNull();
    expect(bundleTags(dom)).toEqual([]);
    expect((dom.window as unknown as { jixiaoRuntime: { supported: boolean } }).jixiaoRuntime.supported).toBe(false);
  });

  it('a current WebView2 loads the bundles in order and shows no message', async () => {
    const dom = await page({ page: 'taskpane', level: 2020, minChromium: 80, scripts: ['vendor.js', 'taskpane.js'] }, UA.webView2);
    expect(dom.window.document.getElementById('jixiao-unsupported')).toBeNull();
    expect(bundleTags(dom)).toEqual(['vendor.js', 'taskpane.js']);
  });

  it('a Chromium new enough by number but missing a built-in the bundle calls is refused', async () => {
    const dom = await page({ page: 'wps-taskpane', level: 2017, scripts: ['taskpane.js'] }, UA.webView2, 'delete Array.prototype.flatMap;');
    const text = dom.window.document.getElementById('jixiao-unsupported')?.textContent ?? '';
    expect(text).toContain('Array.from/includes/flat/flatMap');
    expect(text).toContain('升级'); // the WPS wording: upgrade WPS
    expect(bundleTags(dom)).toEqual([]);
  });

  it('ribbon commands on Trident: each button shows the explanation in a dialog and completes its event', async () => {
    const calls: string[] = [];
    const office = `window.Office = { context: { ui: { displayDialogAsync: function (url) { window.__dialog = url; } } },
      actions: { associate: function (name) { window.__associated = (window.__associated || []).concat(name); } } };`;
    const dom = await page({ page: 'commands', level: 2020, minChromium: 80, scripts: ['commands.js'], commands: ['validateWorkbook', 'clearMarks'] }, UA.trident, office);
    const w = dom.window as unknown as Record<string, unknown> & { Office: { initialize?: unknown } };
    expect(w.__associated).toEqual(['validateWorkbook', 'clearMarks']);
    expect(typeof w.Office.initialize).toBe('function');
    (w.validateWorkbook as (e: unknown) => void)({ completed: () => calls.push('completed') });
    expect(calls).toEqual(['completed']);
    const url = new URL(String(w.__dialog));
    expect(url.pathname).toBe('/jixiao/dialog.html');
    expect(url.searchParams.get('m')).toContain('独立网页版');
    // Even without a dialog API the event completes.
    delete (w.Office as { context?: unknown }).context;
    (w.clearMarks as (e: unknown) => void)({ completed: () => calls.push('completed again') });
    expect(calls).toEqual(['completed', 'completed again']);
    expect(bundleTags(dom)).toEqual([]);
  });

  it('WPS hidden page on an old engine: ribbon callbacks answer with an alert, return true, load nothing', async () => {
    const dom = await page({ page: 'wps-main', level: 2017, scripts: ['main.js'] }, UA.trident, 'window.__alerts = []; window.alert = function (m) { window.__alerts.push(m); };');
    const w = dom.window as unknown as { ribbon: Record<string, (c?: unknown) => unknown>; __alerts: string[] };
    expect(w.ribbon.OnAddinLoad({})).toBe(true);
    expect(w.ribbon.OnAction({ Id: 'btnJixiaoValidate' })).toBe(true);
    expect(w.__alerts).toHaveLength(1);
    expect(w.__alerts[0]).toContain('当前 WPS 使用的是');
    expect(w.__alerts[0]).toContain('独立网页版');
    expect(w.ribbon.GetImage({})).toBe('images/icon-32.png');
    expect(bundleTags(dom)).toEqual([]);
  });
});
