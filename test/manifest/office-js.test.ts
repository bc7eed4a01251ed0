/** The intranet build's office.js check (scripts/office-js-check.js) and its use by webpack --env offline. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inspectOfficeJs } = require('../../scripts/office-js-check.js') as {
  inspectOfficeJs: (dir: string) => { fileVersion?: string; build?: number; errors: string[]; warnings: string[] };
};

function officeJsFolder(options: { version: string; notes: boolean; locales?: string[]; hostFiles?: string[] }): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-officejs-'));
  writeFileSync(join(dir, 'office.js'), `var OSF={ConstantNames:{FileVersion:"${options.version}",OfficeJS:"office.js"}};`);
  const proxies = `Excel.CommentCollection=function(){};Excel.Range.prototype.getCellProperties=function(){};${options.notes ? 'Excel.NoteCollection=function(){};' : ''}`;
  for (const f of options.hostFiles ?? ['excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js']) writeFileSync(join(dir, f), proxies);
  for (const l of options.locales ?? ['zh-cn', 'en-us']) {
    mkdirSync(join(dir, l));
    writeFileSync(join(dir, l, 'office_strings.js'), 'var Strings={};');
  }
  return dir;
}

describe('office.js check for the intranet build', () => {
  it('the npm package @microsoft/office-js is reported stale (no notes)', () => {
    const r = inspectOfficeJs(join(__dirname, '../../node_modules/@microsoft/office-js/dist'));
    expect(r.fileVersion).toBe('16.0.15407.10000');
    expect(r.errors).toEqual([]);
    expect(r.warnings.join('\n')).toContain('较旧');
    expect(r.warnings.join('\n')).toContain('notes');
  });

  it('a current copy passes without warnings', () => {
    const r = inspectOfficeJs(officeJsFolder({ version: '16.0.19231.20156', notes: true }));
    expect(r).toMatchObject({ build: 19231, errors: [], warnings: [] });
  });

  it('a copy without the zh-CN strings or the Excel host files is refused', () => {
    const r = inspectOfficeJs(officeJsFolder({ version: '16.0.19231.20156', notes: true, locales: ['en-us'], hostFiles: ['excel-mac-16.00.js'] }));
    expect(r.errors).toEqual([expect.stringContaining('excel-win32-16.01.js'), expect.stringContaining('excel-web-16.00.js'), expect.stringContaining('zh-cn/office_strings.js')]);
  });

  it('webpack --env offline refuses an unusable folder and accepts a current one', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../../webpack.config.js') as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<{ name: string }>;
    const empty = mkdtempSync(join(tmpdir(), 'jixiao-officejs-empty-'));
    await expect(config({ offline: true, officeJs: empty }, { mode: 'production' })).rejects.toThrow(/office\.js.*不可用/);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(config({ offline: true, officeJs: officeJsFolder({ version: '16.0.19231.20156', notes: true }) }, { mode: 'production' })).resolves.toMatchObject({ name: 'addin' });
      expect(warn).not.toHaveBeenCalled();
      await config({ offline: true, officeJs: officeJsFolder({ version: '16.0.15407.10000', notes: false }) }, { mode: 'production' });
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toContain('较旧');
    } finally {
      warn.mockRestore();
    }
  });
});
