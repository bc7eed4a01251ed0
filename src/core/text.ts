/**
 * Text normalisation shared by the parser, the value grammar and the rules.
 * Clerks type the same thing many ways: full-width digits (９０％), ideographic spaces, ≧ vs ≥ vs >=.
 */

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/** Folds full-width ASCII (！…～) to half-width and U+3000 to a space; leaves CJK untouched. */
export function foldWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) out += String.fromCodePoint(code - FULLWIDTH_OFFSET);
    else if (code === 0x3000 || code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x2009) out += ' ';
    else out += ch;
  }
  return out;
}

/** Canonical comparison operators: ≧ ⩾ >= => → ≥, ≦ ⩽ <= =< → ≤. */
export function foldOperators(s: string): string {
  return s
    .replace(/[≧⩾]/g, '≥')
    .replace(/[≦⩽]/g, '≤')
    .replace(/>\s*=|=\s*>/g, '≥')
    .replace(/<\s*=|=\s*</g, '≤');
}

/** Width folding + operator folding + whitespace collapsed to one space + trim. */
export function normalizeText(s: string | null | undefined): string {
  if (s == null) return '';
  return foldOperators(foldWidth(String(s)))
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** normalizeText with every whitespace removed: the form to compare labels and names. */
export function compact(s: string | null | undefined): string {
  return normalizeText(s).replace(/\s+/g, '');
}

/** True when the cell says nothing (blank, only spaces or dashes/slashes used as "none"). */
export function isBlank(s: string | null | undefined): boolean {
  return compact(s) === '';
}

/** Character bigrams of the CJK/alphanumeric content of s (punctuation dropped). */
export function bigrams(s: string): Set<string> {
  const chars = Array.from(compact(s).replace(/[^\p{L}\p{N}]/gu, ''));
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
