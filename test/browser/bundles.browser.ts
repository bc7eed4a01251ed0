/**
 * Every built bundle parses at the ECMAScript level its build declares (acorn), and every page's inline
 * runtime check parses as ES5: Excel add-in ES2020 (webpack.config.js), WPS 加载项 ES2017 (webpack.wps.js).
 * Built by the browser suite's globalSetup.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const addinLevel = (require('../../webpack.config.js') as { ECMA_LEVEL: number }).ECMA_LEVEL;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wpsLevel = (require('../../webpack.wps.js') as { ECMA_LEVEL: number }).ECMA_LEVEL;

const builds: [string, string | undefined, number, string[]][] = [
  ['Excel add-in', process.env.JIXIAO_ADDIN_DIST, addinLevel, ['taskpane.html', 'commands.html', 'dialog.html']],
  ['WPS 加载项', process.env.JIXIAO_WPS_DIST, wpsLevel, ['index.html', 'taskpane.html']],
];

function parseAt(code: string, level: number): string | undefined {
  try {
    acorn.parse(code, { ecmaVersion: level as acorn.ecmaVersion, sourceType: 'script' });
    return undefined;
  } catch (err) {
    const e = err as { message: string; pos?: number };
    return `${e.message} …${code.slice(Math.max(0, (e.pos ?? 0) - 60), (e.pos ?? 0) + 60)}…`;
  }
}

describe.each(builds)('%s bundles', (_name, dir, level, pages) => {
  const files = () => {
    if (!dir || !fs.existsSync(dir)) throw new Error(`没有找到构建结果（${dir}）：globalSetup 应已构建`);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  };

  it(`declares a level (${level}) older than ES2022`, () => {
    expect(level).toBeGreaterThanOrEqual(2017);
    expect(level).toBeLessThan(2022);
  });

  it('every .js file parses at the declared level', () => {
    const list = files();
    expect(list.length).toBeGreaterThan(0);
    for (const f of list) expect([f, parseAt(fs.readFileSync(path.join(dir!, f), 'utf8'), level)]).toEqual([f, undefined]);
  });

  it('one level lower would be refused somewhere (the check is not vacuous)', () => {
    const lower = files().some((f) => parseAt(fs.readFileSync(path.join(dir!, f), 'utf8'), level - 1) !== undefined);
    expect(lower).toBe(true);
  });

  it.each(pages)('%s: the runtime check is inline ES5 and no bundle is loaded by a <script src>', (page) => {
    const html = fs.readFileSync(path.join(dir!, page), 'utf8');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((c) => c.trim());
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('jixiaoBoot(');
    expect(parseAt(inline[0], 5)).toBeUndefined();
    const srcs = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(srcs.filter((s) => !/office\.js$/.test(s))).toEqual([]);
  });
});
