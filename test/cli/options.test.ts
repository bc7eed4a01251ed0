/** Options, config keys and cell text named like Object.prototype members never reach the prototype. */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { stripControls } from '../../src/cli/report';
import { mergeConfig, loadConfigText } from '../../src/core/config';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { gridFromRows } from '../../src/core/grid';
import { validateGrids } from '../../src/core/validate';
import { basicParts, cellXml, sheetData, zipParts } from '../fixtures/rawXlsx';
import { EXAMPLE, tmpDir } from '../fixtures/files';

jest.setTimeout(180_000);

const NASTY = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

async function run(cwd: string, ...args: string[]) {
  const io = memoryIO(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

function exampleDir(): string {
  const dir = tmpDir();
  fs.copyFileSync(EXAMPLE, path.join(dir, '甲.xlsx'));
  return dir;
}

describe('own-property lookups', () => {
  it('mergeConfig rejects inherited names for every key and keeps the defaults', () => {
    for (const v of NASTY) {
      for (const config of [
        { framework: v },
        { schedule: v },
        { rules: { [v]: 'off' } },
        { rules: { 'budget-sum': v } },
        JSON.parse(`{"${v}": 1}`),
        JSON.parse(`{"rules": {"${v}": "off"}}`),
        JSON.parse(`{"__proto__": {"framework": "${v}", "rules": {"budget-sum": "off"}}}`),
      ]) {
        const r = mergeConfig(config);
        expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, rules: {} });
        expect(r.errors.length).toBeGreaterThan(0);
      }
      expect(loadConfigText(`{"framework":"${v}","schedule":"${v}","midYearMinimum":"${v}"}`).errors).toHaveLength(3);
    }
  });

  it('--framework and --schedule with inherited names exit 2 with a message', async () => {
    const dir = exampleDir();
    for (const v of NASTY) {
      for (const flag of ['--framework', '--schedule']) {
        const r = await run(dir, 'check', '甲.xlsx', '--no-annotate', flag, v);
        expect([flag, v, r.code]).toEqual([flag, v, 2]);
        expect(r.err).toMatch(/无效/);
      }
    }
  });

  it('a config with inherited names still checks: a file with errors exits 1, and the config is announced', async () => {
    const dir = exampleDir();
    const reference = await run(dir, 'check', '甲.xlsx', '--no-annotate');
    expect(reference.code).toBe(1);
    fs.writeFileSync(
      path.join(dir, 'jixiao.config.json'),
      JSON.stringify({ framework: 'constructor', schedule: 'toString', rules: { constructor: 'off', 'budget-sum': '__proto__', 'goal-vague': 'off', 'basis-vague': 'off' } }),
    );
    const r = await run(dir, 'check', '甲.xlsx', '--no-annotate');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe(`使用配置文件 ${path.join(dir, 'jixiao.config.json')}：已关闭 2 条规则`);
    expect(r.err).toMatch(/framework 的值“constructor”无效/);
    const json = await run(dir, 'check', '甲.xlsx', '--no-annotate', '--format', 'json');
    expect(JSON.parse(json.out).files).toHaveLength(1);
    expect(json.err).toMatch(/使用配置文件 .*：已关闭 2 条规则/);
  });

  it('cell text named like prototype members never throws in the core', () => {
    const rows = [
      ['项目名称', 'constructor', '项目编码', '__proto__'],
      ['预算数', 'toString', '财政资金', 'valueOf'],
      ['一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据'],
      ...NASTY.map((v) => [v, v, v, v, v]),
      ['产出指标', '数量指标', 'constructor', 'hasOwnProperty', '__proto__'],
      ['资金支出计划', '3月底', 'constructor', '6月底', 'toString'],
    ];
    expect(() => validateGrids([gridFromRows('表', rows)])).not.toThrow();
  });
});

describe('control characters never reach the terminal', () => {
  it('stripControls drops escapes and bidi overrides, keeps text, tabs and line breaks', () => {
    expect(stripControls('a\u001b[31m红\u001b[0m\tb\nc\u202e\u0007\u009b')).toBe('a[31m红[0m\tb\nc');
  });

  it('cell text with an escape sequence (written as _x001B_) and an odd file name print clean', async () => {
    const dir = tmpDir();
    const rows = [[cellXml('A1', '项目名称'), cellXml('B1', '_x001B_]0;被改的标题_x0007_驻村_x001B_[2J经费')]];
    const name = '乙\u001b[31m.xlsx';
    fs.writeFileSync(path.join(dir, name), zipParts(basicParts([{ name: '表\u0007', body: sheetData(rows) }])));
    const r = await run(dir, 'check', name, '--no-annotate');
    // eslint-disable-next-line no-control-regex
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
