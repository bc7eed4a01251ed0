/**
 * A small number-format renderer for the formats clerks actually use: General, fixed decimals with
 * optional thousands separators, percentages, literal prefixes/suffixes ("0.00\"万元\"") and dates.
 * Anything exotic falls back to General, which is what a reader of the sheet would mostly see anyway.
 */

/** Excel's General format: at most 15 significant digits, no float noise (0.1+0.2 → "0.3"). */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(15)));
  return s;
}

export function formatDate(d: Date, withTime = false): string {
  const pad = (v: number): string => String(v).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!withTime) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const DATE_TOKENS = /(^|[^"\\])[yd]|m{3,}|h+:m|\bm\/d|年|月|日/i;

export function isDateFormat(fmt: string): boolean {
  return DATE_TOKENS.test(stripQuoted(fmt));
}

function stripQuoted(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Renders `n` with one number-format section, e.g. '#,##0.00', '0%', '0.00"万元"'. */
function formatSection(n: number, section: string): string | undefined {
  // Split literal text (quoted, escaped or symbols) from the numeric pattern.
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let seenDigit = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let literal: string | undefined;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal = section[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      i = end < 0 ? section.length : end; // colour / condition / locale: ignored
      continue;
    } else if (ch === '_' || ch === '*') {
      i++; // padding directives
      continue;
    } else if ('0#?.,%'.includes(ch)) {
      pattern += ch;
      if ('0#?'.includes(ch)) seenDigit = true;
      continue;
    } else if (ch === 'E' || ch === 'e' || ch === '@') {
      return undefined; // scientific / text sections: not supported
    } else {
      literal = ch;
    }
    if (seenDigit || pattern.includes('%')) suffix += literal;
    else prefix += literal;
  }
  if (!seenDigit && !pattern.includes('%')) return prefix + suffix; // literal-only section, e.g. "-" for zero
  if (!seenDigit) return undefined;

  const percent = (pattern.match(/%/g) ?? []).length;
  let value = n * Math.pow(100, percent);
  const dot = pattern.indexOf('.');
  const intPattern = dot < 0 ? pattern : pattern.slice(0, dot);
  const decPattern = dot < 0 ? '' : pattern.slice(dot + 1).replace(/[^0#?]/g, '');
  // Trailing commas scale by thousands ("0.0,," → millions).
  const scale = /,+$/.exec(intPattern.replace(/%/g, ''))?.[0].length ?? 0;
  value /= Math.pow(1000, scale);
  const grouping = /[0#?],[0#?]/.test(intPattern);

  const required = (decPattern.match(/0/g) ?? []).length;
  let fixed = Math.abs(value).toFixed(decPattern.length);
  if (required < decPattern.length && fixed.includes('.')) {
    // Optional decimals (#): drop trailing zeros beyond the required ones.
    let [i, d] = fixed.split('.');
    while (d.length > required && d.endsWith('0')) d = d.slice(0, -1);
    fixed = d ? `${i}.${d}` : i;
  }
  let [intDigits, decDigits] = fixed.split('.');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  if (minInt === 0 && intDigits === '0') intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = groupThousands(intDigits);
  const body = decDigits !== undefined ? `${intDigits}.${decDigits}` : intDigits;
  return `${prefix}${body}${'%'.repeat(percent)}${suffix}`;
}

/** Displayed text of a number under an Excel number format. */
export function formatNumber(n: number, numFmt: string | undefined): string {
  const fmt = (numFmt ?? '').trim();
  if (!Number.isFinite(n)) return String(n);
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return formatGeneral(n);
  const sections = fmt.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n; // the negative section supplies its own sign or brackets
  } else if (n === 0 && sections.length > 2) {
    section = sections[2];
  }
  if (/^general$/i.test(section.trim())) return (n < 0 && value > 0 ? '-' : '') + formatGeneral(value);
  const out = formatSection(value, section);
  if (out === undefined) return formatGeneral(n);
  // In a single-section format the sign is ours to add; "-0.00" must not appear for tiny negatives.
  if (value < 0 && sections.length === 1 && /[1-9]/.test(out)) return `-${out}`;
  return out;
}
