/** Ctrl-C during a batch of the compiled CLI (worker threads): clean stop, exit 130, no partial copy. */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readGridsFromXlsx } from '../../src/hosts/file/read';
import { EXAMPLE, REPO, tmpDir } from '../fixtures/files';

jest.setTimeout(300_000);

beforeAll(() => {
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: REPO, encoding: 'utf8' });
  expect(fs.existsSync(path.join(REPO, 'dist', 'cli', 'worker.js'))).toBe(true);
});

it('stops on SIGINT: no new files, no .part left, every copy written is complete', async () => {
  const dir = tmpDir('jixiao-sigint-');
  const files = 40;
  for (let i = 0; i < files; i++) fs.copyFileSync(EXAMPLE, path.join(dir, `表${String(i).padStart(2, '0')}.xlsx`));
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'jixiao.js'), 'check', '.', '--jobs', '2', '--out-dir', 'out'], { cwd: dir });
  let err = '';
  let sent = false;
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    // Interrupt once a few files are under way (both workers busy).
    if (!sent && /正在检查 4\/40/.test(err)) {
      sent = true;
      child.kill('SIGINT');
    }
  });
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  expect(sent).toBe(true);
  expect(code).toBe(130);
  expect(err).toContain('正在停止');
  const out = path.join(dir, 'out');
  const written = fs.existsSync(out) ? fs.readdirSync(out) : [];
  expect(written.filter((f) => f.endsWith('.part'))).toEqual([]);
  expect(written.length).toBeLessThan(files);
  for (const f of written) {
    expect(f).toMatch(/\.已校验\.xlsx$/);
    expect(readGridsFromXlsx(new Uint8Array(fs.readFileSync(path.join(out, f)))).grids.length).toBeGreaterThan(0);
  }
});
