/** Whatever bytes arrive, the reader either returns grids or rejects with a FileReadError. */
import * as fs from 'fs';
import fc from 'fast-check';
import { FileReadError, readGridsFromBuffer } from '../../src/hosts/file/read';
import { EXAMPLE } from '../fixtures/files';

jest.setTimeout(120_000);

async function outcome(bytes: Uint8Array): Promise<'ok' | string> {
  try {
    const grids = await readGridsFromBuffer(bytes);
    expect(Array.isArray(grids)).toBe(true);
    return 'ok';
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    return err.code;
  }
}

describe('reader robustness', () => {
  it('random bytes with and without known signatures', async () => {
    const sig = fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fc.assert(
      fc.asyncProperty(sig, fc.uint8Array({ maxLength: 2048 }), async (head, tail) => {
        const code = await outcome(new Uint8Array([...head, ...tail]));
        expect(code).not.toBe('ok');
      }),
      { numRuns: 150 },
    );
  });

  it('corrupted copies of the example', async () => {
    const example = new Uint8Array(fs.readFileSync(EXAMPLE));
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(example.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.constant(example.length), fc.nat(example.length)),
        async (edits, cut) => {
          const bytes = example.slice(0, Math.max(cut, 16));
          for (const [at, b] of edits) if (at < bytes.length) bytes[at] = b;
          seen.add(await outcome(bytes));
        },
      ),
      { numRuns: 60 },
    );
    expect(seen.has('corrupt')).toBe(true);
  });
});
