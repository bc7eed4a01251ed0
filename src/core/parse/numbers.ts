import { compact } from '../text';

/** Amount from a money cell: 39 / "39.00" / "1,234.50" / "39万元". undefined when not a number. */
export function parseMoney(raw: unknown, text: string): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  // "854万（高标准农田建设400万元，…）": the amount, then a note in brackets that splits it.
  const t = compact(text).replace(/,/g, '').replace(/\(.*\)$/, '').replace(/(?:万元|万|元)$/, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}
