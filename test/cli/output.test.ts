/** Safe output: the annotated copy never overwrites, never writes through links, never touches the input. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { NOTE_PREFIX } from '../../src/hosts/file/annotate';
import { OutputError, writeFileSafely } from '../../src/hosts/file/node';
import { EXAMPLE, tmpDir } from '../fixtures/files';

jest.setTimeout(120_000);

const sha = (p: string): string => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

async function run(cwd: string, ...args: string[]) {
  const io = memoryIO(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

function setup(): { dir: string; input: string; hash: string } {
  const dir = tmpDir();
  const input = path.join(dir, '甲.xlsx');
  fs.copyFileSync(EXAMPLE, input);
  return { dir, input, hash: sha(input) };
}

const notesIn = (file: string): number => {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  let n = 0;
  for (const [name, data] of Object.entries(parts)) {
    if (/comments\d*\.xml$/.test(name)) n += new TextDecoder().decode(data).split(NOTE_PREFIX).length - 1;
  }
  return n;
};

describe('annotated copies are written safely', () => {
  it('does not overwrite an existing copy without --force, writes a numbered one instead', async () => {
    const { dir, input, hash } = setup();
    const existing = path.join(dir, '甲.已校验.xlsx');
    fs.writeFileSync(existing, '手工修改过的副本');
    const r = await run(dir, 'check', '甲.xlsx');
    expect(fs.readFileSync(existing, 'utf8')).toBe('手工修改过的副本');
    expect(fs.existsSync(path.join(dir, '甲(2).已校验.xlsx'))).toBe(true);
    expect(r.out).toContain('已生成标注副本：甲(2).已校验.xlsx（“甲.已校验.xlsx”已存在，未覆盖；如需覆盖请加 --force）');
    const forced = await run(dir, 'check', '甲.xlsx', '--force');
    expect(forced.out).toContain('已生成标注副本：甲.已校验.xlsx');
    expect(fs.readFileSync(existing).subarray(0, 2).toString()).toBe('PK');
    expect(sha(input)).toBe(hash);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never writes through a hard link to the input, with or without --force', async () => {
    const { dir, input, hash } = setup();
    fs.linkSync(input, path.join(dir, '甲.已校验.xlsx'));
    await run(dir, 'check', '甲.xlsx');
    const forced = await run(dir, 'check', '甲.xlsx', '--force');
    expect(forced.out).toContain('（“甲.已校验.xlsx”是原文件或其硬链接，未覆盖）');
    expect(sha(input)).toBe(hash);
    expect(sha(path.join(dir, '甲.已校验.xlsx'))).toBe(hash);
    expect(fs.existsSync(path.join(dir, '甲(2).已校验.xlsx'))).toBe(true);
  });

  it('never writes through a symlink, with or without --force', async () => {
    const { dir, input, hash } = setup();
    const victim = path.join(dir, '别的文件.txt');
    fs.writeFileSync(victim, '不能被改写');
    fs.symlinkSync(victim, path.join(dir, '甲.已校验.xlsx'));
    const r = await run(dir, 'check', '甲.xlsx', '--force');
    expect(r.out).toContain('（“甲.已校验.xlsx”是符号链接，为防止改写其指向的文件，未覆盖）');
    expect(fs.readFileSync(victim, 'utf8')).toBe('不能被改写');
    expect(fs.lstatSync(path.join(dir, '甲.已校验.xlsx')).isSymbolicLink()).toBe(true);
    expect(sha(input)).toBe(hash);
  });

  it('re-checking a copy writes next to it with fresh marks, not .已校验.已校验, and leaves the copy alone', async () => {
    const { dir } = setup();
    await run(dir, 'check', '甲.xlsx');
    const copy = path.join(dir, '甲.已校验.xlsx');
    const copyHash = sha(copy);
    const first = notesIn(copy);
    expect(first).toBeGreaterThan(0);
    const r = await run(dir, 'check', '甲.已校验.xlsx', '--force');
    expect(r.out).toContain('已生成标注副本：甲(2).已校验.xlsx');
    expect(fs.readdirSync(dir).some((f) => f.includes('.已校验.已校验'))).toBe(false);
    expect(sha(copy)).toBe(copyHash);
    expect(notesIn(path.join(dir, '甲(2).已校验.xlsx'))).toBe(first);
  });

  it('writeFileSafely refuses the input path itself and an existing file', async () => {
    const { dir, input, hash } = setup();
    await expect(writeFileSafely(input, new Uint8Array([1]), { input, force: true })).rejects.toBeInstanceOf(OutputError);
    const other = path.join(dir, '乙.xlsx');
    fs.writeFileSync(other, 'x');
    await expect(writeFileSafely(other, new Uint8Array([1]))).rejects.toMatchObject({ code: 'exists' });
    await writeFileSafely(other, new Uint8Array([1]), { force: true });
    expect([...fs.readFileSync(other)]).toEqual([1]);
    expect(sha(input)).toBe(hash);
  });
});
