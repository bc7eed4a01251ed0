/**
 * A small zip reader/writer for .xlsx packages, with limits: entries are located through the central
 * directory, inflated in bounded chunks (a zip bomb is stopped once it passes the byte budget, before it
 * fills memory), and checked against their CRC-32. The writer copies untouched entries byte for byte
 * (compressed data included) and deflates only the parts we replace. No Node APIs (bundled for the page).
 */
import type * as Fflate from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** Raw central directory record (copied as-is when the entry is kept). */
  modTime: number;
  modDate: number;
}

/** Why a package could not be opened. `limit` carries a zh-CN message naming the limit. */
export class ZipError extends Error {
  readonly kind: 'corrupt' | 'limit' | 'not-zip';
  constructor(kind: 'corrupt' | 'limit' | 'not-zip', message: string) {
    super(message);
    this.name = 'ZipError';
    this.kind = kind;
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Running CRC-32: pass the previous value (start with 0). */
export function crc32(data: Uint8Array, prev = 0): number {
  let c = ~prev;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** Entry names: UTF-8 when flagged (or plain ASCII), else the legacy single-byte code page. */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag || isAscii(bytes)) return (utf8Names ??= new TextDecoder('utf-8')).decode(bytes);
  return (legacyNames ??= new TextDecoder('latin1')).decode(bytes);
}
// Shared decoders: a call without {stream: true} starts from a clean state.
let utf8Names: InstanceType<typeof TextDecoder> | undefined;
let legacyNames: InstanceType<typeof TextDecoder> | undefined;

/** Shared budget of decompressed bytes for one package. */
export interface InflateBudget {
  /** Bytes still allowed across the whole package. */
  remaining: number;
  /** zh-CN message used when the budget runs out. */
  message: string;
}

/**
 * A faster one-shot inflater a host may supply (Node: native zlib, see node.ts): inflates a whole deflated
 * entry that must come to exactly `size` bytes with CRC-32 `crc`, and throws otherwise. Any failure falls
 * back to the streaming inflater, which then gives the precise zh-CN message.
 */
export type OneShotInflater = (raw: Uint8Array, size: number, crc: number) => Uint8Array;

let oneShot: OneShotInflater | undefined;
/**
 * fflate, loaded on first use: in Node the native codecs (node.ts) read and write nearly every part, and loading
 * fflate's 90 KB at start-up cost about 10 ms of every `jixiao check`.
 */
let fflateLib: typeof Fflate | undefined;
function fflate(): typeof Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (fflateLib ??= require('fflate') as typeof Fflate);
}

/** Entries up to this many bytes (as declared) may be inflated in one piece by the host's inflater. */
export const ONE_SHOT_MAX_BYTES = 16 * 1024 * 1024;

export function setOneShotInflater(inflater: OneShotInflater | undefined): void {
  oneShot = inflater;
}

/**
 * Faster codecs a host may supply for writing (Node: native zlib): raw deflate at level 6 and CRC-32. The page
 * keeps fflate and the table CRC; the bytes written differ, the content read back is the same.
 */
export interface WriteCodecs {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const PORTABLE_CODECS: WriteCodecs = { deflateRaw: (data) => fflate().deflateSync(data, { level: 6 }), crc32: (data) => crc32(data) };
let writeCodecs = PORTABLE_CODECS;

/** Installs a host's codecs; undefined goes back to the portable ones. */
export function setWriteCodecs(codecs: WriteCodecs | undefined): void {
  writeCodecs = codecs ?? PORTABLE_CODECS;
}

export class ZipReader {
  readonly entries: ZipEntry[] = [];
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(
    readonly bytes: Uint8Array,
    maxEntries = 10_000,
  ) {
    const b = bytes;
    if (b.length < 22) throw new ZipError('corrupt', '文件不完整，可能下载或复制时中断了');
    // End of central directory: the last signature within the trailing 64 KB comment window.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('corrupt', '文件不完整，可能下载或复制时中断了（找不到 zip 目录）');
    let count = u16(b, eocd + 10);
    let cdSize = u32(b, eocd + 12);
    let cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // Zip64: the locator sits right before the classic record.
      const loc = eocd - 20;
      if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new ZipError('corrupt', 'zip 目录已损坏');
      const z = u64(b, loc + 8);
      if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw new ZipError('corrupt', 'zip 目录已损坏');
      count = u64(b, z + 32);
      cdSize = u64(b, z + 40);
      cdOffset = u64(b, z + 48);
    }
    if (count > maxEntries) {
      throw new ZipError('limit', `压缩包内的文件数（${count}）超过上限 ${maxEntries}，不像是正常的工作簿，已拒绝读取`);
    }
    if (cdOffset + cdSize > b.length) throw new ZipError('corrupt', '文件不完整，可能下载或复制时中断了');
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError('corrupt', 'zip 目录已损坏');
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      let localOffset = u32(b, p + 42);
      const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
      const name = decodeName(nameBytes, (flags & 0x800) !== 0);
      // Zip64 extended information replaces the saturated fields, in order.
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = u64(b, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(b, q);
        }
        e += 4 + len;
      }
      const entry: ZipEntry = {
        name,
        method,
        flags,
        crc: u32(b, p + 16),
        compressedSize,
        size,
        localOffset,
        modTime: u16(b, p + 12),
        modDate: u16(b, p + 14),
      };
      this.entries.push(entry);
      const key = name.toLowerCase();
      if (!this.byLowerName.has(key)) this.byLowerName.set(key, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** Entry by part name, case-insensitively (OPC part names are); leading "/" allowed. */
  get(name: string): ZipEntry | undefined {
    return this.byLowerName.get(name.replace(/^\//, '').toLowerCase());
  }

  /** The entry's compressed bytes as stored. */
  rawData(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const o = entry.localOffset;
    if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new ZipError('corrupt', `压缩包中的“${entry.name}”已损坏`);
    const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new ZipError('corrupt', '文件不完整，可能下载或复制时中断了');
    return b.subarray(start, end);
  }

  /**
   * Streams the entry's content to `onChunk` in pieces of bounded size. Stops with a ZipError('limit')
   * once `budget` runs out, and with ZipError('corrupt') on bad data or a CRC mismatch.
   */
  inflate(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void, budget: InflateBudget): void {
    const whole = this.inflateWhole(entry, budget);
    if (whole) {
      onChunk(whole);
      return;
    }
    const raw = this.rawData(entry);
    let crc = 0;
    let total = 0;
    // Errors raised by the consumer (a limit, bad XML) pass through untouched; only inflate's own are "corrupt".
    let consumerError: unknown;
    const take = (chunk: Uint8Array): void => {
      if (chunk.length === 0) return;
      try {
        total += chunk.length;
        budget.remaining -= chunk.length;
        if (budget.remaining < 0) throw new ZipError('limit', budget.message);
        crc = crc32(chunk, crc);
        onChunk(chunk);
      } catch (err) {
        consumerError = err;
        throw err;
      }
    };
    const STEP = 16 * 1024; // ≤ 16 MB of output per step even at deflate's best ratio
    if (entry.method === 0) {
      for (let i = 0; i < raw.length; i += 1 << 20) take(raw.subarray(i, Math.min(raw.length, i + (1 << 20))));
    } else if (entry.method === 8) {
      const inflater = new (fflate().Inflate)((chunk) => take(chunk));
      try {
        if (raw.length === 0) inflater.push(new Uint8Array(0), true);
        for (let i = 0; i < raw.length; i += STEP) {
          inflater.push(raw.subarray(i, Math.min(raw.length, i + STEP)), i + STEP >= raw.length);
        }
      } catch (err) {
        if (consumerError !== undefined) throw consumerError;
        throw new ZipError('corrupt', `压缩包中的“${entry.name}”数据已损坏`);
      }
    } else {
      throw new ZipError('corrupt', `压缩包中的“${entry.name}”使用了不支持的压缩方式（${entry.method}）`);
    }
    if (total !== entry.size || crc !== entry.crc) {
      throw new ZipError('corrupt', `压缩包中的“${entry.name}”数据校验失败，文件内容已损坏`);
    }
  }

  /**
   * The entry's whole content in one piece when the host's one-shot inflater can produce it (a deflated
   * entry of at most ONE_SHOT_MAX_BYTES, within the budget, intact); undefined otherwise: then inflate()
   * streams it, and names any problem.
   */
  inflateWhole(entry: ZipEntry, budget: InflateBudget): Uint8Array | undefined {
    if (entry.flags & 1) throw new ZipError('corrupt', `压缩包中的“${entry.name}”已加密，无法读取`);
    if (!oneShot || entry.method !== 8 || entry.size <= 0 || entry.size > ONE_SHOT_MAX_BYTES || entry.size > budget.remaining) {
      return undefined;
    }
    const raw = this.rawData(entry);
    let whole: Uint8Array | undefined;
    try {
      whole = oneShot(raw, entry.size, entry.crc);
    } catch {
      return undefined; // the streaming path names the problem
    }
    if (whole.length !== entry.size) return undefined;
    budget.remaining -= whole.length;
    return whole;
  }

  /** Whole entry content (for small parts), within the budget. */
  read(entry: ZipEntry, budget: InflateBudget): Uint8Array {
    const whole = this.inflateWhole(entry, budget);
    if (whole) return whole;
    const chunks: Uint8Array[] = [];
    let n = 0;
    this.inflate(
      entry,
      (c) => {
        chunks.push(c.slice());
        n += c.length;
      },
      budget,
    );
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

/** One entry of a package being written: either a kept original entry or new content. */
export type ZipOut = { name: string; keep: ZipEntry } | { name: string; data: Uint8Array };

/**
 * Writes a zip: kept entries copy the original compressed bytes and metadata; new content is deflated.
 * Order is the caller's (keep the original order so a diff of the two packages is easy to read).
 */
export function writeZip(reader: ZipReader | undefined, items: readonly ZipOut[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const now = dosDateTime(new Date());
  for (const item of items) {
    const nameBytes = enc.encode(item.name);
    let method: number;
    let crc: number;
    let size: number;
    let data: Uint8Array;
    let time: number;
    let date: number;
    if ('keep' in item) {
      if (!reader) throw new Error('writeZip: a kept entry needs its reader');
      const e = item.keep;
      data = reader.rawData(e);
      method = e.method;
      crc = e.crc;
      size = e.size;
      time = e.modTime;
      date = e.modDate;
    } else {
      crc = writeCodecs.crc32(item.data);
      size = item.data.length;
      const deflated = writeCodecs.deflateRaw(item.data);
      if (deflated.length < size) {
        data = deflated;
        method = 8;
      } else {
        data = item.data;
        method = 0;
      }
      time = now.time;
      date = now.date;
    }
    if (offset > 0xfffffff0 || data.length > 0xfffffff0 || size > 0xfffffff0) {
      throw new ZipError('limit', '标注副本超过 4 GB，无法写出');
    }
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, items.length, true);
  ev.setUint16(10, items.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let o = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
