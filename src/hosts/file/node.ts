/** Node-only file helpers (the browser build uses read.ts / annotate.ts with bytes instead). */
import { promises as fs } from 'fs';
import type { Grid } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { type AnnotateOptions, type AnnotateResult, annotateBuffer } from './annotate';
import { FileReadError, readGridsFromBuffer } from './read';

export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new FileReadError('not-xlsx', '这是一个文件夹，不是 .xlsx 文件');
    return new Uint8Array(await fs.readFile(path));
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileReadError('missing');
    if (code === 'EACCES' || code === 'EPERM') throw new FileReadError('corrupt', '没有权限读取该文件');
    if (code === 'EBUSY') throw new FileReadError('corrupt', '文件正被其他程序占用，请关闭后重试');
    throw new FileReadError('corrupt', `文件已损坏无法读取（${(err as Error).message}）`);
  }
}

export async function readGridsFromFile(path: string): Promise<Grid[]> {
  return readGridsFromBuffer(await readFileBytes(path));
}

export async function annotateFile(
  inPath: string,
  outPath: string,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): Promise<Omit<AnnotateResult, 'buffer'>> {
  const { buffer, changes, skipped } = await annotateBuffer(await readFileBytes(inPath), findings, options);
  await fs.writeFile(outPath, buffer);
  return { changes, skipped };
}
