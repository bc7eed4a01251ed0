import fc from 'fast-check';
import { columnLetters, parseA1, parseRangeAddress, rangeToA1, toA1 } from '../../src/core/grid';

describe('A1 addresses', () => {
  test.each([
    [0, 0, 'A1'],
    [9, 25, 'Z10'],
    [0, 26, 'AA1'],
    [1048575, 16383, 'XFD1048576'],
  ])('row %i col %i ↔ %s', (row, col, a1) => {
    expect(toA1(row, col)).toBe(a1);
    expect(parseA1(a1)).toEqual({ row, col });
  });

  test('absolute markers and lower case are accepted; malformed input is not', () => {
    expect(parseA1('$c$12')).toEqual({ row: 11, col: 2 });
    expect(parseA1('A0')).toBeUndefined();
    expect(parseA1('12')).toBeUndefined();
  });

  test('ranges: one cell, a rectangle, reversed corners, garbage', () => {
    expect(parseRangeAddress('C5')).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
    expect(parseRangeAddress('$A$3:$A$4')).toEqual({ top: 2, left: 0, bottom: 3, right: 0 });
    expect(parseRangeAddress('G4:B2')).toEqual({ top: 1, left: 1, bottom: 3, right: 6 });
    expect(parseRangeAddress('A1:')).toBeUndefined();
    expect(rangeToA1({ top: 2, left: 0, bottom: 3, right: 0 })).toBe('A3:A4');
  });

  test('property: toA1 and parseA1 are inverse', () => {
    fc.assert(
      fc.property(fc.nat(1048575), fc.nat(16383), (row, col) => {
        expect(parseA1(toA1(row, col))).toEqual({ row, col });
        expect(columnLetters(col)).toMatch(/^[A-Z]{1,3}$/);
      }),
    );
  });
});
