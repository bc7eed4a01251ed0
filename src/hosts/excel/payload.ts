/**
 * Payload sizes of Excel requests. Excel on the web refuses a request or a response over 5 MB; we keep every
 * sync under PAYLOAD_BUDGET_BYTES by measuring what a batch carries (writes: estimated from the texts we
 * send; reads: measured from what came back, and the next batch sized from it).
 */

/** Per sync, for requests and for responses; Excel on the web's limit is 5 MB. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** JSON envelope of one queued action (object path, method, ids) in office.js's request format, generously. */
export const ACTION_OVERHEAD_BYTES = 200;

/** UTF-8 length of a string (CJK characters take 3 bytes), without TextEncoder. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 length of a value as JSON (how office.js sends and receives it). */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? '');
}

/** Request bytes of painting one cell: getRange + fill colour, plus getRange + add for its note/comment. */
export function paintBytes(address: string, color: string, note: string | undefined): number {
  const fill = 2 * ACTION_OVERHEAD_BYTES + jsonBytes(address) + jsonBytes(color);
  return note === undefined ? fill : fill + 2 * ACTION_OVERHEAD_BYTES + jsonBytes(address) + jsonBytes(note);
}
