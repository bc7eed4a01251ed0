import fc from 'fast-check';
import { withoutAddress } from '../../src/core/cards/text';

/** The helper as first written: always trimStart, then drop "E12：". */
function reference(message: string, address: string): string {
  const m = message.trimStart();
  if (!m.startsWith(address)) return m;
  const sep = m.charCodeAt(address.length);
  return sep === 0xff1a || sep === 0x3a ? m.slice(address.length + 1).trimStart() : m;
}

describe('withoutAddress', () => {
  test.each([
    ['E12：指标值为空。', 'E12', '指标值为空。'],
    ['E12: 指标值为空。', 'E12', '指标值为空。'],
    ['\u3000E12：指标值为空。', 'E12', '指标值为空。'],
    ['\ufeff E12：x', 'E12', 'x'],
    ['E120：x', 'E12', 'E120：x'],
    ['三级指标“培训次数”', 'E12', '三级指标“培训次数”'],
    ['', 'E12', ''],
  ])('%j without %s', (message, address, expected) => {
    expect(withoutAddress(message, address)).toBe(expected);
  });

  test('property: the same as trimming every message first', () => {
    const space = fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', '\ufeff', '\u2028', '\u202f', '\u1680', '\u2005');
    const text = fc.array(fc.oneof(space, fc.constantFrom('E', '1', '2', '：', ':', '指', '标', 'A', '\u3001', '\u3000'), fc.string({ maxLength: 2 })), { maxLength: 12 });
    fc.assert(
      fc.property(text, fc.constantFrom('E12', 'A1', 'B3'), (parts, address) => {
        const message = parts.join('');
        expect(withoutAddress(message, address)).toBe(reference(message, address));
      }),
      { numRuns: 2000 },
    );
  });
});
