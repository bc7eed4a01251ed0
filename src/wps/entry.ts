/**
 * Where a WPS 加载项 finds its entry points. Kingsoft's typings and templates put them on the global `wps`
 * object — `wps.EtApplication()`, `wps.CreateTaskPane(url)`, `wps.GetTaskPane(id)`, `wps.PluginStorage` — and
 * many builds also expose `window.Application` with the same members. We look on `wps` first and fall back
 * to the Application object, so both shapes work.
 */
import type { EtApplication, EtTaskPane } from '../hosts/wps/et';

/**
 * PluginStorage key of the latest "open the pane on this tool" request ("templates@<n>"), written by the
 * ribbon's 插入模板 / 部门整体目标 buttons: a pane that is already open cannot be navigated, so it watches this
 * key (WpsPane.tsx) and switches tabs.
 */
export const PANE_TOOL_KEY = 'jixiao_taskpane_tool';

export interface PluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): unknown;
}

/** The global `wps` object, as far as we use it. */
export interface WpsGlobal {
  EtApplication?: () => unknown;
  Application?: EtApplication;
  CreateTaskPane?: (url: string, title?: string) => EtTaskPane;
  GetTaskPane?: (id: string | number) => EtTaskPane | null | undefined;
  PluginStorage?: PluginStorage;
}

export interface WpsWindow {
  wps?: WpsGlobal;
  Application?: EtApplication;
}

export interface WpsEntryPoints {
  app?: EtApplication;
  createTaskPane?: (url: string, title?: string) => EtTaskPane;
  getTaskPane?: (id: string | number) => EtTaskPane | null | undefined;
  storage?: PluginStorage;
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => (typeof v === 'object' || typeof v === 'function') && v !== null;

/** `wps.EtApplication()` returns the ET Application on most builds; some return a wrapper with `.Application`. */
function etApplicationOf(g: WpsGlobal): EtApplication | undefined {
  if (typeof g.EtApplication !== 'function') return undefined;
  const r = attempt(() => g.EtApplication!());
  if (!isObject(r)) return undefined;
  if (!('ActiveWorkbook' in r) && isObject(r.Application)) return r.Application as unknown as EtApplication;
  return r as unknown as EtApplication;
}

export function entryPoints(win: WpsWindow): WpsEntryPoints {
  const g: WpsGlobal = attempt(() => win.wps) ?? {};
  const app = etApplicationOf(g) ?? attempt(() => g.Application) ?? attempt(() => win.Application);
  const out: WpsEntryPoints = {};
  if (app) out.app = app;
  // Called as methods of their owner: some builds' native functions need their `this`.
  if (typeof g.CreateTaskPane === 'function') out.createTaskPane = (url, title) => g.CreateTaskPane!(url, title);
  else if (app && typeof app.CreateTaskPane === 'function') out.createTaskPane = (url, title) => app.CreateTaskPane!(url, title);
  if (typeof g.GetTaskPane === 'function') out.getTaskPane = (id) => g.GetTaskPane!(id);
  else if (app && typeof app.GetTaskPane === 'function') out.getTaskPane = (id) => app.GetTaskPane!(id);
  const storage = attempt(() => g.PluginStorage) ?? attempt(() => app?.PluginStorage);
  if (storage) out.storage = storage;
  return out;
}
