/** Small zh-CN text helpers shared by cards, notes and reports. */
import type { CellRef } from '../grid';

/** Drops a leading "E12：" from a message that names its own cell, so the address is shown once. */
export function withoutAddress(message: string, address: string): string {
  // trimStart copies the message even when there is nothing to trim: skipped when the first character is
  // certainly not white space (printable ASCII, or above U+3000 except the BOM).
  const c = message.charCodeAt(0);
  const m = (c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff) ? message : message.trimStart();
  if (!m.startsWith(address)) return m;
  const sep = m.charCodeAt(address.length);
  // "：" (full-width) or ":".
  return sep === 0xff1a || sep === 0x3a ? m.slice(address.length + 1).trimStart() : m;
}

/** "D10、D11、D12" or "D10、D11、D12等9处". */
export function addressList(refs: readonly CellRef[], max = 6): string {
  const seen: string[] = [];
  for (const r of refs) if (!seen.includes(r.address)) seen.push(r.address);
  if (seen.length <= max) return seen.join('、');
  return `${seen.slice(0, max).join('、')}等${seen.length}处`;
}

/** Sheet rows (1-based) as "第10、11、12行" or "第10—18行". */
export function rowList(rows: readonly number[], max = 8): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b).map((r) => r + 1);
  if (sorted.length === 0) return '';
  const contiguous = sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1);
  if (contiguous && sorted.length > 2) return `第${sorted[0]}—${sorted[sorted.length - 1]}行`;
  if (sorted.length <= max) return `第${sorted.join('、')}行`;
  return `第${sorted.slice(0, max).join('、')}行等${sorted.length}行`;
}

/** Ends a sentence with "。" unless it already ends with punctuation. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[。！？；…）”」]$/u.test(t) ? t : `${t}。`;
}
