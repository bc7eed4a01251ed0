/** Node-only file helpers (the browser build uses read.ts / annotate.ts with bytes instead). */
import { constants as fsConstants, promises as fs } from 'fs';
import type { Grid } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { type AnnotateOptions, type AnnotateResult, annotateBuffer } from './annotate';
import { DEFAULT_READ_LIMITS, FileReadError, readGridsFromBuffer } from './read';

/**
 * Reads a regular file, at most `maxBytes` of it. Devices, pipes and sockets are refused without blocking
 * (the file is opened non-blocking and checked through its descriptor, so a swapped path cannot slip by).
 */
export async function readFileBytes(path: string, maxBytes = DEFAULT_READ_LIMITS.maxFileBytes): Promise<Uint8Array> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new FileReadError('not-xlsx', '这是一个文件夹，不是 .xlsx 文件');
    if (!stat.isFile()) throw new FileReadError('not-regular');
    if (stat.size > maxBytes) {
      throw new FileReadError(
        'too-large',
        `文件大小 ${(stat.size / 1024 / 1024).toFixed(1)} MB 超过上限 ${(maxBytes / 1024 / 1024).toFixed(0)} MB，已拒绝读取（此限制防止异常文件耗尽内存）`,
      );
    }
    // Read exactly the size seen: a file still growing is not followed.
    const out = new Uint8Array(stat.size);
    let off = 0;
    while (off < out.length) {
      const { bytesRead } = await handle.read(out, off, out.length - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return off === out.length ? out : out.subarray(0, off);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileReadError('missing');
    if (code === 'EISDIR') throw new FileReadError('not-xlsx', '这是一个文件夹，不是 .xlsx 文件');
    if (code === 'EACCES' || code === 'EPERM') throw new FileReadError('corrupt', '没有权限读取该文件');
    if (code === 'EBUSY') throw new FileReadError('corrupt', '文件正被其他程序占用，请关闭后重试');
    if (code === 'ENXIO' || code === 'EAGAIN') throw new FileReadError('not-regular');
    throw new FileReadError('corrupt', `文件已损坏无法读取（${(err as Error).message}）`);
  } finally {
    await handle?.close().catch(() => undefined);
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
