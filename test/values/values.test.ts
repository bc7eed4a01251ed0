import fc from 'fast-check';
import { formatValue, hasPlaceholder, parseIndicatorValue, parsePercent, percentOf, type ParsedValue } from '../../src/core/values';

type Expect = Partial<Omit<ParsedValue, 'date'>> & { date?: Partial<ParsedValue['date'] & object> };

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
  // Full coverage, checkable at year end.
  ['应保尽保', { kind: 'qualitative' }],
  ['应助尽助', { kind: 'qualitative' }],
  ['全覆盖', { kind: 'qualitative' }],
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
  ['应收尽快', { kind: 'unparsed' }],
  ['3次以上完成培训', { kind: 'unparsed' }],
  // Unit costs: per person, per visit, per month, per item, per kilometre; 万 without 元.
  ['≤1000元/人', { kind: 'numeric', operator: '≤', number: 1000, unit: '元', per: '人' }],
  ['≤80元/人·次', { kind: 'numeric', operator: '≤', number: 80, unit: '元', per: '人次' }],
  ['≤620万/月', { kind: 'numeric', operator: '≤', number: 620, unit: '万元', per: '月' }],
  ['≤2万元/月', { kind: 'numeric', operator: '≤', number: 2, unit: '万元', per: '月' }],
  ['≤35元/件', { kind: 'numeric', operator: '≤', number: 35, unit: '元', per: '件' }],
  ['≤3.5万元/公里', { kind: 'numeric', operator: '≤', number: 3.5, unit: '万元', per: '公里' }],
  ['≤50万元/个', { kind: 'numeric', operator: '≤', number: 50, unit: '万元', per: '个' }],
  ['1600元/亩', { kind: 'numeric', operator: '=', number: 1600, unit: '元', per: '亩' }],
  ['250万', { kind: 'numeric', operator: '=', number: 250, unit: '万元' }],
  ['1次/月', { kind: 'numeric', number: 1, unit: '次', per: '月' }],
  // Lower-is-better rates and counts.
  ['投诉率≤5%'.slice(3), { kind: 'numeric', operator: '≤', number: 5, unit: '%' }],
  ['≤2次', { kind: 'numeric', operator: '≤', number: 2, unit: '次' }],
  ['±3%以内', { kind: 'numeric', operator: '≤', number: 3, unit: '%' }],
  ['═100%', { kind: 'numeric', operator: '=', number: 100, unit: '%' }],
  // 云南 self-evaluations print the small-form equals sign (U+FE66); small-form < > likewise.
  ['﹦72890元', { kind: 'numeric', operator: '=', number: 72890, unit: '元' }],
  ['﹥95%', { kind: 'numeric', operator: '>', number: 95, unit: '%' }],
  ['≥100百分比', { kind: 'numeric', operator: '≥', number: 100, unit: '%' }],
  // Money with separators, currency marks and units inside.
  ['1,234.5万元', { kind: 'numeric', number: 1234.5, unit: '万元' }],
  ['￥12,000元', { kind: 'numeric', number: 12000, unit: '元' }],
  ['¥8,827,620.53', { kind: 'numeric', number: 8827620.53 }],
  ['≤￥12,000.00元', { kind: 'numeric', operator: '≤', number: 12000, unit: '元' }],
  ['1346.0088万平方米', { kind: 'numeric', number: 1346.0088, unit: '万平方米' }],
  // Recurring and period deadlines.
  ['每月', { kind: 'date', date: { recurring: '月', before: true } }],
  ['按月', { kind: 'date', date: { recurring: '月', before: true } }],
  ['每季度', { kind: 'date', date: { recurring: '季度', before: true } }],
  ['按季度', { kind: 'date', date: { recurring: '季度', before: true } }],
  ['按月安排', { kind: 'date', date: { recurring: '月', before: true } }],

  ['每月10日前', { kind: 'date', date: { recurring: '月', day: 10, before: true } }],
  ['半年内', { kind: 'numeric', operator: '≤', number: 6, unit: '月' }],
  ['2025年内', { kind: 'date', date: { year: 2025, month: 12, before: true } }],
  ['12月31日前', { kind: 'date', date: { month: 12, day: 31, before: true } }],
  ['30日内', { kind: 'numeric', operator: '≤', number: 30, unit: '天' }],
  ['5个工作日内', { kind: 'numeric', operator: '≤', number: 5, unit: '工作日' }],
  ['12月底前100%到位', { kind: 'date', date: { month: 12, before: true } }],
  ['11月底完成', { kind: 'date', date: { month: 11 } }],
  ['2021年1月-12月', { kind: 'date', date: { year: 2021, month: 12, fromMonth: 1, wholeYear: true } }],
  ['2023.07-2024.01', { kind: 'date', date: { year: 2024, month: 1, fromMonth: 7, fromYear: 2023 } }],
  ['2020年1月--2020年11月', { kind: 'date', date: { year: 2020, month: 11, fromMonth: 1 } }],
  ['2025年', { kind: 'date', date: { year: 2025, wholeYear: true } }],
  ['2025年度', { kind: 'date', date: { year: 2025, wholeYear: true } }],
  ['及时', { kind: 'unparsed' }],
  // Qualitative grades (定性 分级分档, 财预〔2021〕101号).
  ['优/良/中/差', { kind: 'qualitative', grade: '好' }],
  ['好/较好/一般/较差/差', { kind: 'qualitative', grade: '好' }],
  ['达到/基本达到/未达到', { kind: 'qualitative', grade: '好' }],
  ['达到', { kind: 'qualitative', grade: '好' }],
  ['基本达到', { kind: 'qualitative', grade: '一般' }],
  ['达到预期目标', { kind: 'qualitative', grade: '好' }],
  ['显著', { kind: 'qualitative', grade: '好' }],
  ['效果明显', { kind: 'qualitative', grade: '好' }],
  ['明显提升', { kind: 'qualitative', grade: '较好' }],
  ['显著改善', { kind: 'qualitative', grade: '较好' }],
  ['明显改善', { kind: 'qualitative', grade: '较好' }],
  ['稳步提高', { kind: 'unparsed' }],
  ['持续改善', { kind: 'unparsed' }],
  ['优良', { kind: 'qualitative', grade: '好' }],
  ['长期', { kind: 'qualitative' }],
  ['严格执行相关制度规定', { kind: 'unparsed' }],
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

describe('percentOf', () => {
  it.each<[string, number | undefined]>([
    ['95%', 95],
    ['95', 95],
    ['0.95', 95],
    ['1', 1],
    ['≥98', 98],
    ['120', undefined],
    ['95次', undefined],
    ['较好', undefined],
  ])('%s → %j', (text, expected) => expect(percentOf(parseIndicatorValue(text))).toBe(expected));
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
