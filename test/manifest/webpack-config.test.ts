import fs from 'fs';
import { join } from 'path';

type Config = {
  name: string;
  entry: Record<string, string>;
  plugins: { constructor: { name: string } }[];
  output: { path: string; clean: { keep: (asset: string) => boolean } };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config>;

describe('webpack.config.js', () => {
  it('builds the pane, the commands and the dialog into dist/, keeping the CLI output', async () => {
    const config = await makeConfig({}, { mode: 'production' });
    expect(config.name).toBe('addin');
    expect(Object.keys(config.entry).sort()).toEqual(['commands', 'dialog', 'taskpane']);
    expect(config.output.path).toBe(join(__dirname, '..', '..', 'dist'));
    const keep = config.output.clean.keep;
    expect(keep('cli/index.js')).toBe(true);
    expect(keep('core/validate.js')).toBe(true);
    expect(keep('web/index.html')).toBe(true);
    expect(keep('taskpane.0123abcd.js')).toBe(false);
    expect(keep('office-js/office.js')).toBe(false);
    expect(keep('office-js')).toBe(false);
    expect(config.plugins.some((p) => p.constructor.name === 'LocalOfficeJsPlugin')).toBe(false);
  });

  it('skips the task pane with a warning while its sources are missing', async () => {
    const real = fs.existsSync;
    const exists = jest.spyOn(fs, 'existsSync').mockImplementation((p) => !String(p).includes('taskpane') && real(p));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const config = await makeConfig({}, { mode: 'production' });
      expect(Object.keys(config.entry).sort()).toEqual(['commands', 'dialog']);
      expect(warn.mock.calls[0][0]).toContain('跳过任务窗格');
    } finally {
      exists.mockRestore();
      warn.mockRestore();
    }
  });

  it('--env offline serves office.js from dist/office-js', async () => {
    const config = await makeConfig({ offline: true }, { mode: 'production' });
    expect(config.plugins.some((p) => p.constructor.name === 'LocalOfficeJsPlugin')).toBe(true);
  });

  it('--env web hands over to webpack.web.js', async () => {
    const config = await makeConfig({ web: true }, { mode: 'development' });
    expect(config.name).toBe('web');
  });
});
