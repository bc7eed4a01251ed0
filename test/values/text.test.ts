import fc from 'fast-check';
import { bigrams, compact, editDistance, foldWidth, isBlank, normalizeText, withoutTrailingColons } from '../../src/core/text';

describe('text normalisation', () => {
  it.each([
    ['０１２３４５６７８９', '0123456789'],
    ['９０％', '90%'],
    ['ＡＢｃ', 'ABc'],
    ['（万元）', '(万元)'],
  ])('foldWidth %s', (a, b) => expect(foldWidth(a)).toBe(b));

  it.each([
    ['≧90％', '≥90%'],
    ['≦5次', '≤5次'],
    ['＞＝95％', '≥95%'],
    ['>= 90%', '≥ 90%'],
    ['<=3', '≤3'],
    ['  预算\u3000数  ', '预算 数'],
    ['其中：财政    资金', '其中:财政 资金'],
    ['a\u200bb', 'ab'],
  ])('normalizeText %j', (a, b) => expect(normalizeText(a)).toBe(b));

  it('compact removes all whitespace', () => expect(compact(' 财政 \u3000资金\n')).toBe('财政资金'));
  it('handles null', () => expect(normalizeText(null)).toBe(''));
  it('isBlank', () => {
    expect(isBlank(' \u3000')).toBe(true);
    expect(isBlank('x')).toBe(false);
  });
  it('editDistance', () => {
    expect(editDistance('数量', '数最')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('bigrams', () => expect([...bigrams('满意度')]).toEqual(['满意', '意度']));
});

describe('withoutTrailingColons', () => {
  it.each([
    ['项目名称:', '项目名称'],
    ['项目名称::', '项目名称'],
    ['项目名称', '项目名称'],
    [':', ''],
    ['', ''],
    ['其中:财政资金:', '其中:财政资金'],
  ])('%s → %s', (key, expected) => {
    expect(withoutTrailingColons(key)).toBe(expected);
  });

  it('is replace(/:+$/, "") for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', '名', ' ', '：') }), (s) => {
        expect(withoutTrailingColons(s)).toBe(s.replace(/:+$/, ''));
      }),
    );
  });
});
