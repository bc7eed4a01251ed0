/**
 * Text normalisation shared by the parser, the value grammar and the rules.
 * Clerks type the same thing many ways: full-width digits (９０％), ideographic spaces, ≧ vs ≥ vs >=.
 */
import { notLetterOrDigit } from './unicode';
import { memoByString } from './memo';

const FULLWIDTH_OFFSET = 0xfee0;
const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009]/u;

/** Folds full-width ASCII (！…～) to half-width and U+3000 to a space; leaves CJK untouched. */
export function foldWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s
    .replace(/[\uff01-\uff5e]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_OFFSET))
    .replace(/[\u3000\u00a0\u2002\u2003\u2009]/gu, ' ');
}

const OPERATOR_CHARS = /[≧⩾≦⩽<>=═﹤﹥﹦]/u;

/**
 * Canonical comparison operators: ≧ ⩾ >= => → ≥, ≦ ⩽ <= =< → ≤, ═ (box-drawing, seen in exports) and ﹦ (small
 * form, seen in 云南 self-evaluations) → =, ﹤ ﹥ → < >.
 */
export function foldOperators(s: string): string {
  if (!OPERATOR_CHARS.test(s)) return s;
  return s
    .replace(/﹤/gu, '<')
    .replace(/﹥/gu, '>')
    .replace(/﹦/gu, '=')
    .replace(/[≧⩾]|>\s*=|=\s*>/gu, '≥')
    .replace(/[≦⩽]|<\s*=|=\s*</gu, '≤')
    .replace(/═/gu, '=');
}

const normalizeString = memoByString((s) =>
  foldOperators(foldWidth(s))
    .replace(/[\u200b-\u200d\ufeff]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim(),
);

/** Width folding + operator folding + whitespace collapsed to one space + trim. */
export function normalizeText(s: string | null | undefined): string {
  if (s == null) return '';
  return normalizeString(typeof s === 'string' ? s : String(s));
}

/** Characters compact() may change: whitespace, full-width ASCII, comparison signs and their variants, zero-width marks. */
const MAY_CHANGE_IN_COMPACT = /[\s\uff01-\uff5e\u00a0\u2002\u2003\u2009\u3000≧⩾≦⩽<>=═﹤﹥﹦\u200b-\u200d\ufeff]/u;

/**
 * Memoised whole: a cell's text is compacted again by every rule that reads it, and a lookup of a string
 * already hashed is several times cheaper than the character test. Most texts have nothing to fold or remove
 * and are their own compact form.
 */
const compactString = memoByString((s) => (MAY_CHANGE_IN_COMPACT.test(s) ? normalizeString(s).replace(/\s+/gu, '') : s), 50000);

/**
 * A compact label without its trailing colons ("项目名称:" → "项目名称"). A loop rather than replace(/:+$/): the
 * regular expression tries every position of the text, and this runs for every cell of the rows it reads.
 */
export function withoutTrailingColons(key: string): string {
  let end = key.length;
  while (end > 0 && key.charCodeAt(end - 1) === 58) end--;
  return end === key.length ? key : key.slice(0, end);
}

/** normalizeText with every whitespace removed: the form to compare labels and names. */
export function compact(s: string | null | undefined): string {
  if (s == null || s === '') return '';
  return compactString(typeof s === 'string' ? s : String(s));
}

/** True when the cell says nothing (blank, only spaces or dashes/slashes used as "none"). */
export function isBlank(s: string | null | undefined): boolean {
  return compact(s) === '';
}

const NOT_LETTER_OR_DIGIT = notLetterOrDigit();

/** Character bigrams of the CJK/alphanumeric content of s (punctuation dropped). */
export function bigrams(s: string): Set<string> {
  const chars = Array.from(compact(s).replace(NOT_LETTER_OR_DIGIT, ''));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}
