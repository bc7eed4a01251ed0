/** Real process runs of bin/jixiao.js against the compiled CLI (dist/). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE, REPO, tmpDir, writeBadFiles } from '../fixtures/files';

jest.setTimeout(180_000);

const BIN = path.join(REPO, 'bin', 'jixiao.js');

function jixiao(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // Compile the CLI as `npm run build:cli` does; type errors elsewhere in the tree must not stop emission.
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  expect(fs.existsSync(path.join(REPO, 'dist', 'cli', 'index.js'))).toBe(true);
});

describe('node bin/jixiao.js', () => {
  it('checks the example and prints JSON', () => {
    const dir = tmpDir();
    fs.copyFileSync(EXAMPLE, path.join(dir, '示例.xlsx'));
    const r = jixiao(dir, 'check', '示例.xlsx', '--format', 'json');
    const report = JSON.parse(r.out);
    expect(report.files[0].tables).toHaveLength(24);
    expect(r.code).toBe(report.summary.error > 0 ? 1 : 0);
    expect(fs.existsSync(path.join(dir, '示例.已校验.xlsx'))).toBe(true);
  });

  it('exits 2 with a Chinese message for unreadable files', async () => {
    const dir = tmpDir();
    const bad = await writeBadFiles(dir);
    const r = jixiao(dir, 'check', path.basename(bad.missing), path.basename(bad.encrypted));
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件不存在');
    expect(r.err).toContain('密码');
  });

  it('prints help in Chinese', () => {
    const r = jixiao(REPO, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：');
  });

  it('tells the user to build when dist/ is missing', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(BIN, path.join(dir, 'bin', 'jixiao.js'));
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'jixiao.js'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run build:cli');
  });
});
