import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readFileBytes } from '../../src/hosts/file/node';
import { FileReadError } from '../../src/hosts/file/read';
import { EXAMPLE, tmpDir } from '../fixtures/files';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof FileReadError ? err.code : `other: ${(err as Error).message}`;
  }
}

describe('readFileBytes: only regular files, within the size limit', () => {
  it('reads a regular file whole', async () => {
    expect((await readFileBytes(EXAMPLE)).length).toBe(fs.statSync(EXAMPLE).size);
  });

  it('refuses a FIFO without blocking, /dev/zero, a folder, a missing path', async () => {
    const dir = tmpDir();
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    expect(await codeOf(readFileBytes(fifo))).toBe('not-regular');
    if (fs.existsSync('/dev/zero')) expect(await codeOf(readFileBytes('/dev/zero'))).toBe('not-regular');
    expect(await codeOf(readFileBytes(dir))).toBe('not-xlsx');
    expect(await codeOf(readFileBytes(path.join(dir, 'none.xlsx')))).toBe('missing');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const err = await readFileBytes(EXAMPLE, 1000).catch((e: FileReadError) => e);
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as FileReadError).code).toBe('too-large');
    expect((err as FileReadError).message).toMatch(/超过上限/);
  });
});
