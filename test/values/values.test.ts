import fc from 'fast-check';
import { formatValue, hasPlaceholder, parseIndicatorValue, parsePercent, type ParsedValue } from '../../src/core/values';

type Expect = Partial<ParsedValue>;

const CASES: [string, Expect][] = [
  ['≥90%', { kind: 'numeric', operator: '≥', number: 90, unit: '%' }],
  ['>=90%', { kind: 'numeric', operator: '≥', number: 90, unit: '%' }],
  ['≧９０％', { kind: 'numeric', operator: '≥', number: 90, unit: '%' }],
  ['＞＝95％', { kind: 'numeric', operator: '≥', number: 95, unit: '%' }],
  [' ≥ 90 % ', { kind: 'numeric', operator: '≥', number: 90, unit: '%' }],
  ['不低于90%', { kind: 'numeric', operator: '≥', number: 90, unit: '%' }],
  ['不少于3次', { kind: 'numeric', operator: '≥', number: 3, unit: '次' }],
  ['不高于5%', { kind: 'numeric', operator: '≤', number: 5, unit: '%' }],
  ['不超过10万元', { kind: 'numeric', operator: '≤', number: 10, unit: '万元' }],
  ['大于3', { kind: 'numeric', operator: '>', number: 3 }],
  ['小于5天', { kind: 'numeric', operator: '<', number: 5, unit: '天' }],
  ['>85%', { kind: 'numeric', operator: '>', number: 85, unit: '%' }],
  ['<2%', { kind: 'numeric', operator: '<', number: 2, unit: '%' }],
  ['≤3100人', { kind: 'numeric', operator: '≤', number: 3100, unit: '人' }],
  ['≤3100人/次', { kind: 'numeric', operator: '≤', number: 3100, unit: '人/次' }],
  ['≥3000人次', { kind: 'numeric', operator: '≥', number: 3000, unit: '人次' }],
  ['≤1年', { kind: 'numeric', operator: '≤', number: 1, unit: '年' }],
  ['=100%', { kind: 'numeric', operator: '=', number: 100, unit: '%' }],
  ['100%', { kind: 'numeric', operator: '=', number: 100, unit: '%' }],
  ['≤85.5万元', { kind: 'numeric', operator: '≤', number: 85.5, unit: '万元' }],
  ['≤355.36万元', { kind: 'numeric', operator: '≤', number: 355.36, unit: '万元' }],
  ['≤8571平米', { kind: 'numeric', operator: '≤', number: 8571, unit: '平米' }],
  ['≥8571平方米', { kind: 'numeric', operator: '≥', number: 8571, unit: '平米' }],
  ['≤6个', { kind: 'numeric', operator: '≤', number: 6, unit: '个' }],
  ['≥4场', { kind: 'numeric', operator: '≥', number: 4, unit: '场' }],
  ['≥2期', { kind: 'numeric', operator: '≥', number: 2, unit: '期' }],
  ['≥50名', { kind: 'numeric', operator: '≥', number: 50, unit: '人' }],
  ['1,200元', { kind: 'numeric', operator: '=', number: 1200, unit: '元' }],
  ['90%以上', { kind: 'numeric', operator: '≥', number: 90, unit: '%' }],
  ['3天以内', { kind: 'numeric', operator: '≤', number: 3, unit: '天' }],
  ['1年内', { kind: 'numeric', operator: '≤', number: 1, unit: '年' }],
  ['≤3个工作日', { kind: 'numeric', operator: '≤', number: 3, unit: '工作日' }],
  ['90%-100%', { kind: 'numeric', operator: '≥', number: 90, max: 100, unit: '%' }],
  ['≥9%', { kind: 'numeric', operator: '≥', number: 9, unit: '%' }],
  ['2025年12月31日前', { kind: 'date', date: { year: 2025, month: 12, day: 31, before: true } }],
  ['12月底前', { kind: 'date', date: { month: 12, before: true } }],
  ['2025年12月底', { kind: 'date', date: { year: 2025, month: 12, before: false } }],
  ['2025年底前', { kind: 'date', date: { year: 2025, month: 12, before: true } }],
  ['6月30日之前', { kind: 'date', date: { month: 6, day: 30, before: true } }],
  ['2025.12.31前', { kind: 'date', date: { year: 2025, month: 12, day: 31, before: true } }],
  ['年内', { kind: 'date', date: { month: 12, before: true } }],
  ['好', { kind: 'qualitative', grade: '好' }],
  ['较好', { kind: 'qualitative', grade: '较好' }],
  ['一般', { kind: 'qualitative', grade: '一般' }],
  ['优', { kind: 'qualitative', grade: '好' }],
  ['良好', { kind: 'qualitative', grade: '较好' }],
  ['好/较好/一般', { kind: 'qualitative', grade: '好' }],
  ['较好及以上', { kind: 'qualitative', grade: '较好' }],
  ['是', { kind: 'qualitative' }],
  ['**', { kind: 'placeholder' }],
  ['**人', { kind: 'placeholder' }],
  ['*', { kind: 'placeholder' }],
  ['？', { kind: 'placeholder' }],
  ['XX', { kind: 'placeholder' }],
  ['xx次', { kind: 'placeholder' }],
  ['×××', { kind: 'placeholder' }],
  ['待定', { kind: 'placeholder' }],
  ['', { kind: 'empty' }],
  ['   ', { kind: 'empty' }],
  ['\u3000', { kind: 'empty' }],
  ['—', { kind: 'empty' }],
  ['按计划完成', { kind: 'unparsed' }],
  ['有所提高', { kind: 'unparsed' }],
  ['明显改善', { kind: 'unparsed' }],
  ['3次以上完成培训', { kind: 'unparsed' }],
];

describe('parseIndicatorValue', () => {
  it.each(CASES)('%j', (input, expected) => {
    expect(parseIndicatorValue(input)).toMatchObject(expected);
  });

  it('explains unparsed values in zh-CN', () => {
    const v = parseIndicatorValue('按计划完成');
    expect(v.reason).toContain('“按计划完成”不是可衡量的指标值');
  });

  it('accepts non-string input without throwing', () => {
    expect(parseIndicatorValue(undefined).kind).toBe('empty');
    expect(parseIndicatorValue(0.9 as unknown as string).kind).toBe('numeric');
  });

  it('never throws and always returns a kind (property)', () => {
    const kinds = new Set(['numeric', 'date', 'qualitative', 'unparsed', 'empty', 'placeholder']);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('≥', '≤', '9', '0', '%', '万', '元', '年', '月', '日', '前', '*', 'X', '.', '-', ' ', '不', '低', '于') })), (s) => {
        const v = parseIndicatorValue(s);
        expect(kinds.has(v.kind)).toBe(true);
        if (v.kind === 'numeric') expect(Number.isFinite(v.number)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips numeric values through formatValue (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('≥', '≤', '>', '<'),
        fc.integer({ min: 0, max: 100000 }),
        fc.constantFrom('%', '次', '人', '万元', '元', '天', '个'),
        (op, n, unit) => {
          const v = parseIndicatorValue(`${op}${n}${unit}`);
          expect(formatValue(v)).toBe(`${op}${n}${unit}`);
        },
      ),
    );
  });
});

describe('hasPlaceholder', () => {
  it.each(['建设**数量', '春节慰问劳模人数 **人', 'XX局', '×××文件'])('%s', (s) => expect(hasPlaceholder(s)).toBe(true));
  it.each(['维修次数', '满意度', 'Excel表格', '满意度=满意人数/调查总人数×100%', '是否按时完成？', '注*'])('%s', (s) => expect(hasPlaceholder(s)).toBe(false));
});

describe('parsePercent', () => {
  it.each<[unknown, string | undefined, number | null | undefined]>([
    [0.25, '25%', 25],
    [0.25, undefined, 25],
    ['25%', undefined, 25],
    ['25', undefined, 25],
    ['２５％', undefined, 25],
    [' 25 % ', undefined, 25],
    [1, '100%', 100],
    [0.333, '33.3%', 33.3],
    [50, '50', 50],
    ['', undefined, null],
    [null, undefined, null],
    ['-', undefined, null],
    ['约一半', undefined, undefined],
    ['25%左右', undefined, undefined],
  ])('%j / %j → %j', (raw, text, expected) => {
    expect(parsePercent(raw, text)).toBe(expected);
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null)), (raw) => {
        const p = parsePercent(raw);
        expect(p === null || p === undefined || typeof p === 'number').toBe(true);
      }),
    );
  });
});
