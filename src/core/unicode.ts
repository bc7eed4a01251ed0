/**
 * Unicode character classes that also work on engines without `\p{…}` (ES2018): the WPS bundle is built
 * for ES2017 (older WPS builds embed a Chromium before 64). Where the engine has property escapes they are
 * used as written; elsewhere an explicit range list stands in (letters/digits of the scripts that occur in
 * Chinese budget tables: CJK, Latin, Greek, Cyrillic, kana, Hangul, full-width forms).
 */
function classOrFallback(property: string, fallback: string, flags: string): RegExp {
  try {
    // Built at run time so that the bundle parses on ES2017 engines.
    return new RegExp(property, flags);
  } catch {
    return new RegExp(fallback, flags);
  }
}

const HAN_RANGES =
  '\\u2E80-\\u2E99\\u2E9B-\\u2EF3\\u2F00-\\u2FD5\\u3005\\u3007\\u3021-\\u3029\\u3038-\\u303B\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFA6D\\uFA70-\\uFAD9\\u{20000}-\\u{2FFFF}\\u{30000}-\\u{3134F}';
const LETTER_DIGIT_RANGES =
  `0-9A-Za-z\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9-\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u052F` +
  `\\u2070-\\u2079\\u2080-\\u2089\\u2150-\\u2189\\u2460-\\u249B\\u24EA-\\u24FF\\u2776-\\u2793\\u3006\\u3041-\\u3096\\u309D-\\u309F\\u30A1-\\u30FA\\u30FC-\\u30FF\\u3192-\\u3195\\u3220-\\u3229\\u3248-\\u324F\\u3251-\\u325F\\u3280-\\u3289\\u32B1-\\u32BF` +
  `\\uAC00-\\uD7A3\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF66-\\uFFBE${HAN_RANGES}`;

/** Any character that is not a letter or a digit (`[^\p{L}\p{N}]`), global. */
export function notLetterOrDigit(): RegExp {
  return classOrFallback('[^\\p{L}\\p{N}]', `[^${LETTER_DIGIT_RANGES}]`, 'gu');
}

/** A short unit phrase: optional 个/人/次/万/元, then 1–3 Han or Latin letters (`\p{Script=Han}`). */
export const SHORT_UNIT_PHRASE = classOrFallback('^(个|人|次|万|元)?[\\p{Script=Han}a-zA-Z]{1,3}$', `^(个|人|次|万|元)?[${HAN_RANGES}a-zA-Z]{1,3}$`, 'u');

/** “应保尽保”, “应发尽发”: 应 + one or two Han characters + 尽 + the same again (full coverage). */
export const YING_X_JIN_X = classOrFallback('^应(\\p{Script=Han}{1,2})尽\\1$', `^应([${HAN_RANGES}]{1,2})尽\\1$`, 'u');

/** One Han character anywhere (`\p{Script=Han}`). */
export const HAN = classOrFallback('\\p{Script=Han}', `[${HAN_RANGES}]`, 'u');

/** Exposed for the test that compares both spellings. */
export const FALLBACKS = { han: `[${HAN_RANGES}]`, letterOrDigit: `[${LETTER_DIGIT_RANGES}]` };
