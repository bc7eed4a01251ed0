import { FALLBACKS, HAN, SHORT_UNIT_PHRASE, YING_X_JIN_X, notLetterOrDigit } from '../../src/core/unicode';

/** The ES2017 fallbacks agree with `\p{…}` on the characters budget tables contain. */
describe('unicode classes without \\p{…}', () => {
  const sample = [
    ...'绩效目标表项目支出预算数财政资金㐀𠀀〇々ＡＢＣａｂｃ０１２ABCxyz0189ÀéΩЖぁアｱ가①Ⅻ',
    ...' ，。；：、！？（）【】“”《》%％≥≤<>-—/\\·…\t\n',
  ];

  it('letter-or-digit fallback matches \\p{L}\\p{N} on the sample', () => {
    const prop = /[\p{L}\p{N}]/u;
    const fallback = new RegExp(FALLBACKS.letterOrDigit, 'u');
    for (const ch of sample) expect([ch, fallback.test(ch)]).toEqual([ch, prop.test(ch)]);
    expect('预算数：39.00万元'.replace(notLetterOrDigit(), '')).toBe('预算数3900万元');
  });

  it('Han fallback matches \\p{Script=Han} on the sample', () => {
    const prop = /\p{Script=Han}/u;
    const fallback = new RegExp(FALLBACKS.han, 'u');
    for (const ch of sample) expect([ch, fallback.test(ch)]).toEqual([ch, prop.test(ch)]);
  });

  it('short unit phrases', () => {
    for (const u of ['个村', '万平方米', 'km', '所']) expect(SHORT_UNIT_PHRASE.test(u)).toBe(true);
    for (const u of ['个很多的村', '%', '12', '人/年']) expect(SHORT_UNIT_PHRASE.test(u)).toBe(false);
    for (const t of ['应保尽保', '应发尽发', '应收尽收']) expect(YING_X_JIN_X.test(t)).toBe(true);
    for (const t of ['应保尽发', '保尽保', '应保尽保率']) expect(YING_X_JIN_X.test(t)).toBe(false);
    expect(HAN.test('abc部')).toBe(true);
    expect(HAN.test('abc')).toBe(false);
  });
});
