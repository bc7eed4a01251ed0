/** The Node host writes annotated copies with zlib's deflate and CRC-32; what is read back must equal the fflate path's. */
import fc from 'fast-check';
import { NODE_WRITE_CODECS } from '../../src/hosts/file/node';
import { ZipReader, setWriteCodecs, writeZip } from '../../src/hosts/file/zip';

const budget = () => ({ remaining: 1 << 30, message: '超过上限' });

function readBack(zip: Uint8Array): Record<string, string> {
  const reader = new ZipReader(zip);
  const out: Record<string, string> = {};
  for (const e of reader.entries) out[e.name] = Buffer.from(reader.read(e, budget())).toString('utf8');
  return out;
}

function written(parts: Record<string, string>, native: boolean): Uint8Array {
  const items = Object.entries(parts).map(([name, text]) => ({ name, data: new Uint8Array(Buffer.from(text, 'utf8')) }));
  if (native) return writeZip(undefined, items);
  setWriteCodecs(undefined);
  try {
    return writeZip(undefined, items);
  } finally {
    setWriteCodecs(NODE_WRITE_CODECS);
  }
}

describe('native write codecs', () => {
  it('writes packages that read back the same as with fflate, CRC-32 checked on reading', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/comments1.xml', 'xl/styles.xml', '[Content_Types].xml', 'docProps/core.xml'),
          fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('', '<c r="A1" s="4"/>'.repeat(200), '绩效目标'.repeat(100))),
        ),
        (parts) => {
          const viaZlib = readBack(written(parts, true));
          expect(viaZlib).toEqual(readBack(written(parts, false)));
          expect(viaZlib).toEqual(parts);
        },
      ),
      { numRuns: 60 },
    );
  });
});
