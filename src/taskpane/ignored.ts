import type { Finding } from '../core/findings';
import type { Host } from '../core/host';

export const IGNORED_STATE_KEY = 'jixiao.ignored';

/** FNV-1a, enough to tell messages apart in a small per-workbook list. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Identity of a finding across runs: same rule, same cell, same message. */
export function ignoreKey(f: Finding): string {
  return `${f.ruleId}|${f.ref.sheet}|${f.ref.address}|${hashText(f.message)}`;
}

export async function loadIgnored(host: Host): Promise<Set<string>> {
  if (!host.loadState) return new Set();
  const raw = await host.loadState(IGNORED_STATE_KEY);
  if (!raw) return new Set();
  try {
    const list: unknown = JSON.parse(raw);
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

export async function saveIgnored(host: Host, keys: ReadonlySet<string>): Promise<void> {
  if (!host.saveState) return;
  await host.saveState(IGNORED_STATE_KEY, JSON.stringify([...keys].sort()));
}
