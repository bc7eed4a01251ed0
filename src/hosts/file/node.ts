/** Node-only file helpers (the browser build uses read.ts / annotate.ts with bytes instead). */
import { closeSync, constants as fsConstants, fstatSync, openSync, promises as fs, readSync } from 'fs';
import * as nodePath from 'path';
import * as zlib from 'zlib';
import type { Grid } from '../../core/grid';
import type { Finding } from '../../core/findings';
import type { AnnotateOptions, AnnotateResult } from './annotate';
import { DEFAULT_READ_LIMITS, FileReadError, readGridsFromBuffer } from './read';
import { type WriteCodecs, crc32 as tableCrc32, setOneShotInflater, setWriteCodecs } from './zip';

/** zlib's own CRC-32 (Node 20.15 and later). */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * Native inflate for package parts in Node, output capped at the declared size, which it must reach with
 * the declared CRC-32. Where zlib has no crc32 (Node before 20.15), the raw deflate data is wrapped as a
 * gzip member whose trailer holds the entry's CRC-32 and size, so that zlib checks both.
 */
export function inflateEntryNative(raw: Uint8Array, size: number, crc: number): Uint8Array {
  if (nativeCrc32) {
    // One output buffer with room for a byte more than declared: no chunk list to join, and an entry that
    // inflates to more than its size still passes maxOutputLength and is refused.
    const out = zlib.inflateRawSync(raw, { maxOutputLength: size, chunkSize: Math.max(64, size + 1) });
    if (out.length !== size || nativeCrc32(out) !== crc >>> 0) throw new Error('size or CRC-32 mismatch');
    return out;
  }
  const gz = Buffer.allocUnsafe(raw.length + 18);
  gz.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  gz.set(raw, 10);
  gz.writeUInt32LE(crc >>> 0, raw.length + 10);
  gz.writeUInt32LE(size >>> 0, raw.length + 14);
  return zlib.gunzipSync(gz, { maxOutputLength: size, chunkSize: Math.max(64, size + 1) });
}
setOneShotInflater(inflateEntryNative);

// Annotated copies: native deflate and CRC-32 (in JS they took about a sixth of a report's checking thread).
export const NODE_WRITE_CODECS: WriteCodecs = {
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : tableCrc32,
};
setWriteCodecs(NODE_WRITE_CODECS);

/** Random hex for temporary names; crypto is loaded only when a file is written (it cost ~4 ms at every start). */
function randomHex(bytes: number): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('crypto') as typeof import('crypto')).randomBytes(bytes).toString('hex');
}

/** Refuses what is not a regular file of at most `maxBytes`. */
function checkStat(stat: { isDirectory(): boolean; isFile(): boolean; size: number }, maxBytes: number): void {
  if (stat.isDirectory()) throw new FileReadError('not-xlsx', '这是一个文件夹，不是 .xlsx 文件');
  if (!stat.isFile()) throw new FileReadError('not-regular');
  if (stat.size > maxBytes) {
    throw new FileReadError(
      'too-large',
      `文件大小 ${(stat.size / 1024 / 1024).toFixed(1)} MB 超过上限 ${(maxBytes / 1024 / 1024).toFixed(0)} MB，已拒绝读取（此限制防止异常文件耗尽内存）`,
    );
  }
}

/** A read failure as the zh-CN error a clerk sees. */
function readFailure(err: unknown): FileReadError {
  if (err instanceof FileReadError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileReadError('missing');
  if (code === 'EISDIR') return new FileReadError('not-xlsx', '这是一个文件夹，不是 .xlsx 文件');
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError('corrupt', '没有权限读取该文件');
  if (code === 'EBUSY') return new FileReadError('corrupt', '文件正被其他程序占用，请关闭后重试');
  if (code === 'ENXIO' || code === 'EAGAIN') return new FileReadError('not-regular');
  return new FileReadError('corrupt', `文件已损坏无法读取（${(err as Error).message}）`);
}

const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * Reads a regular file, at most `maxBytes` of it. Devices, pipes and sockets are refused without blocking
 * (the file is opened non-blocking and checked through its descriptor, so a swapped path cannot slip by).
 * Synchronous: a .xlsx is read in a few milliseconds, and a batch worker has nothing else to do meanwhile.
 */
export function readFileBytesSync(path: string, maxBytes = DEFAULT_READ_LIMITS.maxFileBytes): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const stat = fstatSync(fd);
    checkStat(stat, maxBytes);
    const out = new Uint8Array(stat.size);
    let off = 0;
    while (off < out.length) {
      const bytesRead = readSync(fd, out, off, out.length - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return off === out.length ? out : out.subarray(0, off);
  } catch (err) {
    throw readFailure(err);
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* nothing to do */
      }
    }
  }
}

/** readFileBytesSync for async callers. */
export async function readFileBytes(path: string, maxBytes = DEFAULT_READ_LIMITS.maxFileBytes): Promise<Uint8Array> {
  return readFileBytesSync(path, maxBytes);
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
  const { annotateBuffer } = await import('./annotate');
  const { buffer, changes, skipped } = await annotateBuffer(await readFileBytes(inPath), findings, options);
  await writeFileSafely(outPath, buffer, { input: inPath });
  return { changes, skipped };
}

/** Why a copy was not written; the message is for the clerk. */
export class OutputError extends Error {
  readonly code: 'exists' | 'input' | 'symlink' | 'not-regular';
  constructor(code: OutputError['code'], message: string) {
    super(message);
    this.name = 'OutputError';
    this.code = code;
  }
}

export interface SafeWriteOptions {
  /** The file the copy was made from: never written, not even through a hard link. */
  input?: string;
  /** Replace an existing regular file (never the input, a link to it, or a symlink). */
  force?: boolean;
  /** Temporary file to write first (default: a random hidden name next to the target). */
  temp?: string;
}

async function lstatOrUndefined(p: string): Promise<import('fs').Stats | undefined> {
  try {
    return await fs.lstat(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Writes `bytes` to `target` without ever damaging what is there: a temp file in the target's folder,
 * fsync, then an atomic link (no overwrite) or, with `force`, an atomic rename. Refuses the input itself,
 * any hard link to it (same device and inode), a symlink, and (without force) any existing file.
 */
export async function writeFileSafely(target: string, bytes: Uint8Array, options: SafeWriteOptions = {}): Promise<void> {
  const abs = nodePath.resolve(target);
  const name = nodePath.basename(abs);
  const input = options.input ? await fs.stat(options.input).catch(() => undefined) : undefined;
  if (options.input && nodePath.resolve(options.input) === abs) {
    throw new OutputError('input', `“${name}”就是被检查的原文件，不能写入`);
  }
  const check = async (): Promise<boolean> => {
    const st = await lstatOrUndefined(abs);
    if (!st) return false;
    if (st.isSymbolicLink()) throw new OutputError('symlink', `“${name}”是符号链接，为防止改写其指向的文件，不写入`);
    if (input && st.dev === input.dev && st.ino === input.ino) {
      throw new OutputError('input', `“${name}”与原文件是同一个文件（硬链接），不能写入`);
    }
    if (!st.isFile()) throw new OutputError('not-regular', `“${name}”已存在且不是普通文件，不写入`);
    if (!options.force) throw new OutputError('exists', `“${name}”已存在，未覆盖（如需覆盖请加 --force）`);
    return true;
  };
  await check();
  const dir = nodePath.dirname(abs);
  const temp = options.temp ?? nodePath.join(dir, `.${name}.${randomHex(6)}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!options.force) {
      // link() fails when the target appeared meanwhile: never a silent overwrite.
      try {
        await fs.link(temp, abs);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') await check();
        // File systems without hard links (FAT on USB sticks): fall through to a checked rename.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
      }
      await check();
    } else await check();
    await fs.rename(temp, abs);
    const dirHandle = await fs.open(dir, 'r').catch(() => undefined);
    await dirHandle?.sync().catch(() => undefined);
    await dirHandle?.close();
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}
