import fc from 'fast-check';
import type { Finding, Severity } from '../../src/core/findings';
import { SEVERITY_ORDER } from '../../src/core/findings';
import { sortFindings } from '../../src/core/rules/engine';

/** The order as first written: a comparator over the findings themselves. */
function reference(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.ref.sheet === b.ref.sheet ? 0 : a.ref.sheet.localeCompare(b.ref.sheet)) ||
      a.ref.row - b.ref.row ||
      a.ref.col - b.ref.col ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

const finding = fc
  .record({
    // Å written two ways (composed, and A + ring): distinct names that compare equal.
    sheet: fc.constantFrom('项目支出绩效目标表', 'Sheet1', '表2', 'sheet1', '\u00c5', 'A\u030a'),
    row: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1_048_575 })),
    col: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 16_383 })),
    severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
    ruleId: fc.constantFrom('placeholder', 'empty-cell', 'value-direction', 'goal-vague'),
    n: fc.nat(),
  })
  .map(
    ({ sheet, row, col, severity, ruleId, n }): Finding => ({
      ruleId,
      severity,
      criterion: '完整性',
      tableId: `${sheet}!A1`,
      ref: { sheet, row, col, address: `#${n}` },
      message: `第${n}条`,
    }),
  );

describe('sortFindings', () => {
  test('property: the same order as comparing the findings directly (stable for equal ones)', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (findings) => {
        const expected = reference(findings);
        const sorted = sortFindings([...findings]);
        expect(sorted).toEqual(expected);
        // The same objects in the same places, not only equal ones.
        sorted.forEach((f, i) => expect(f).toBe(expected[i]));
      }),
      { numRuns: 500 },
    );
  });

  test('positions past the exact range fall back to the direct comparison', () => {
    const far = (row: number, ruleId: string): Finding => ({
      ruleId,
      severity: 'error',
      criterion: '完整性',
      tableId: 't',
      ref: { sheet: 'S', row, col: 0, address: 'A1' },
      message: '',
    });
    const findings = [far(2 ** 22, 'b'), far(5, 'a'), far(2 ** 22, 'a')];
    expect(sortFindings([...findings]).map((f) => [f.ref.row, f.ruleId])).toEqual([
      [5, 'a'],
      [2 ** 22, 'a'],
      [2 ** 22, 'b'],
    ]);
  });
});
