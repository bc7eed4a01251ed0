import { compact } from '../text';

/** Amount from a money cell: 39 / "39.00" / "1,234.50" / "39万元". undefined when not a number. */
export function parseMoney(raw: unknown, text: string): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  const t = compact(text).replace(/,/g, '').replace(/(?:万元|元)$/, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/**
 * Schedule cell → percentage 0–100. A number stored with a % format (0.25 shown "25%") or a bare
 * fraction ≤ 1 typed into a percent column both mean 25. null = blank, undefined = not a percentage.
 */
export function parsePercentCell(raw: unknown, text: string): number | null | undefined {
  const t = compact(text);
  if (t === '' || /^[-—/／]+$/.test(t)) return null;
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    if (t.endsWith('%')) return round(raw * 100);
    return raw <= 1 && raw > 0 && !Number.isInteger(raw) ? round(raw * 100) : raw;
  }
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
