/** The Node host inflates parts with zlib in one piece; the result and every refusal must equal the streaming (fflate) path's. */
import * as fs from 'fs';
import { deflateRawSync } from 'zlib';
import fc from 'fast-check';
import { inflateEntryNative } from '../../src/hosts/file/node';
import { readGridsFromXlsx } from '../../src/hosts/file/xlsxReader';
import { crc32, setOneShotInflater } from '../../src/hosts/file/zip';
import { EXAMPLE } from '../fixtures/files';

function outcome(bytes: Uint8Array, native: boolean): string {
  setOneShotInflater(native ? inflateEntryNative : undefined);
  try {
    return JSON.stringify(readGridsFromXlsx(bytes));
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  } finally {
    setOneShotInflater(inflateEntryNative);
  }
}

describe('native one-shot inflate', () => {
  it('checks the CRC-32 and the declared size', () => {
    const data = Buffer.from('绩效目标'.repeat(500));
    const raw = deflateRawSync(data);
    expect(Buffer.from(inflateEntryNative(raw, data.length, crc32(data))).equals(data)).toBe(true);
    expect(() => inflateEntryNative(raw, data.length, crc32(data) ^ 1)).toThrow();
    expect(() => inflateEntryNative(raw, data.length - 1, crc32(data))).toThrow();
    expect(() => inflateEntryNative(raw, data.length + 1, crc32(data))).toThrow();
  });

  it('reads the example and its corrupted copies exactly as the streaming inflater does', () => {
    const example = new Uint8Array(fs.readFileSync(EXAMPLE));
    expect(outcome(example, true)).toBe(outcome(example, false));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(example.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.oneof(fc.constant(example.length), fc.nat(example.length)),
        (edits, cut) => {
          const bytes = example.slice(0, Math.max(cut, 16));
          for (const [at, b] of edits) if (at < bytes.length) bytes[at] = b;
          expect(outcome(bytes, true)).toBe(outcome(bytes, false));
        },
      ),
      { numRuns: 80 },
    );
  });
});
