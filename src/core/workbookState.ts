/**
 * What the product remembers inside the workbook (via Host.loadState/saveState), shared by the
 * task pane and the ribbon commands so 一键校验 honours the pane's settings and ignored findings.
 */
import type { Finding } from './findings';
import type { Host } from './host';
import type { Settings } from './settings';

export const SETTINGS_STATE_KEY = 'jixiao.settings';
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

/** Parsed JSON stored under `key`; undefined when absent or damaged (a bad setting must not stop a check). */
async function loadJson(host: Host, key: string): Promise<unknown> {
  if (!host.loadState) return undefined;
  try {
    const raw = await host.loadState(key);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

export async function loadIgnored(host: Host): Promise<Set<string>> {
  const list = await loadJson(host, IGNORED_STATE_KEY);
  return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
}

export async function saveIgnored(host: Host, keys: ReadonlySet<string>): Promise<void> {
  await host.saveState?.(IGNORED_STATE_KEY, JSON.stringify([...keys].sort()));
}

export async function loadSavedSettings(host: Host): Promise<Partial<Settings> | undefined> {
  const saved = await loadJson(host, SETTINGS_STATE_KEY);
  return saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Partial<Settings>) : undefined;
}

export async function saveSettings(host: Host, settings: Settings): Promise<void> {
  await host.saveState?.(SETTINGS_STATE_KEY, JSON.stringify(settings));
}
