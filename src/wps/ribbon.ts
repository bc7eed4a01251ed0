/**
 * The ribbon callbacks of the WPS 加载项 (ribbon.xml refers to them as ribbon.OnAddinLoad, ribbon.OnAction…).
 * WPS calls them synchronously and expects a plain return value: each one returns at once (true, a path,
 * a flag) and never a Promise, and never throws. Long work runs fire-and-forget and reports with notify().
 */
import type { Host } from '../core/host';
import { describeFailure, runClear, runValidation } from '../commands/actions';
import { createWpsHost } from '../hosts/wps';
import { type EtApplication, type EtTaskPane, get, msoCTPDockPositionRight, set } from '../hosts/wps/et';
import { PANE_TOOL_KEY, type WpsEntryPoints } from './entry';

export { PANE_TOOL_KEY };

export const BUTTONS = {
  validate: 'btnJixiaoValidate',
  clear: 'btnJixiaoClear',
  pane: 'btnJixiaoPane',
  templates: 'btnJixiaoTemplates',
  overview: 'btnJixiaoOverview',
} as const;

/** Pane tool each tool button opens the pane on (ids of TEMPLATE_TOOLS in src/taskpane/extraTools.ts). */
export const BUTTON_TOOLS: Record<string, { tool: string; title: string }> = {
  [BUTTONS.templates]: { tool: 'templates', title: '插入模板' },
  [BUTTONS.overview]: { tool: 'overview', title: '部门整体目标' },
};

export const PANE_TITLE = '绩效目标表助手';
/** PluginStorage key holding the id of our task pane (shared by every window of this WPS process). */
export const PANE_ID_KEY = 'jixiao_taskpane_id';

const ICON = 'images/icon-32.png';

export interface RibbonDeps {
  /** The ET Application (wps.EtApplication() or window.Application); undefined outside WPS. */
  app: () => EtApplication | undefined;
  /** Task pane entry points (wps.* first, Application fallbacks); defaults to the Application's members. */
  entry?: () => WpsEntryPoints;
  /** Shows a message to the user (alert in WPS). Must not throw; failures are swallowed anyway. */
  notify: (title: string, message: string) => void;
  /** Absolute URL of taskpane.html. */
  paneUrl: () => string;
  createHost?: (app: EtApplication) => Host;
}

export interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: unknown): boolean;
  GetImage(control: unknown): string;
  OnGetEnabled(control: unknown): boolean;
  OnGetVisible(control: unknown): boolean;
}

function controlId(control: unknown): string {
  if (!control || typeof control !== 'object') return '';
  try {
    const c = control as Record<string, unknown>;
    const id = 'Id' in c ? get<unknown>(c, 'Id') : get<unknown>(c, 'id');
    return id === undefined || id === null ? '' : String(id);
  } catch {
    return '';
  }
}

export function makeRibbon(deps: RibbonDeps): Ribbon {
  let busy = false;

  const say = (title: string, message: string): void => {
    try {
      deps.notify(title, message);
    } catch {
      // nothing more we can do
    }
  };

  const requireApp = (): EtApplication => {
    const app = deps.app();
    if (!app) throw new Error('未检测到 WPS 表格运行环境（window.Application 不存在），请在 WPS 表格中使用本加载项。');
    return app;
  };

  const host = (): Host => (deps.createHost ?? createWpsHost)(requireApp());

  /** Starts `work` without waiting for it; reports its result or its failure in zh-CN. */
  const start = (title: string, failAction: string, work: () => Promise<string>): void => {
    if (busy) {
      say(title, '上一次操作尚未完成，请稍候再试。');
      return;
    }
    busy = true;
    let pending: Promise<string>;
    try {
      pending = work();
    } catch (err) {
      pending = Promise.reject(err);
    }
    pending
      .then(
        (message) => say(title, message),
        (err: unknown) => say(title, describeFailure(failAction, err)),
      )
      .finally(() => {
        busy = false;
      });
  };

  /** wps.CreateTaskPane / GetTaskPane / PluginStorage first, the Application's members second. */
  const paneApi = (): WpsEntryPoints => {
    const e = deps.entry?.() ?? {};
    if (e.createTaskPane && e.storage) return e;
    const app = deps.app();
    return {
      ...e,
      ...(!e.createTaskPane && app && typeof app.CreateTaskPane === 'function' ? { createTaskPane: (u: string, t?: string) => app.CreateTaskPane!(u, t) } : {}),
      ...(!e.getTaskPane && app && typeof app.GetTaskPane === 'function' ? { getTaskPane: (id: string | number) => app.GetTaskPane!(id) } : {}),
      ...(!e.storage && app?.PluginStorage ? { storage: app.PluginStorage } : {}),
    };
  };

  let requests = 0;
  const showPane = (tool?: string): void => {
    const api = paneApi();
    if (!api.createTaskPane) {
      if (!deps.app()) requireApp();
      throw new Error('当前 WPS 版本不支持任务窗格，请升级 WPS 后重试。');
    }
    const storage = api.storage;
    if (tool) {
      try {
        storage?.setItem(PANE_TOOL_KEY, `${tool}@${Date.now()}.${++requests}`);
      } catch {
        // a new pane still opens on the tool through its URL
      }
    }
    let pane: EtTaskPane | null | undefined;
    const id = storage?.getItem(PANE_ID_KEY);
    if (id !== undefined && id !== null && id !== '' && api.getTaskPane) {
      try {
        pane = api.getTaskPane(id as string);
      } catch {
        pane = undefined; // closed with its window: create a new one
      }
    }
    if (!pane) {
      pane = api.createTaskPane(tool ? `${deps.paneUrl()}?tool=${tool}` : deps.paneUrl(), PANE_TITLE);
      try {
        storage?.setItem(PANE_ID_KEY, get(pane, 'ID'));
      } catch {
        // no id on this build: a new pane next time
      }
      try {
        set(pane, 'DockPosition', msoCTPDockPositionRight);
      } catch {
        // docking is cosmetic
      }
    }
    set(pane, 'Visible', true);
  };

  return {
    OnAddinLoad(ribbonUI) {
      try {
        const app = deps.app();
        if (app) app.ribbonUI = ribbonUI;
      } catch {
        // the ribbon works without the reference
      }
      return true;
    },
    OnAction(control) {
      switch (controlId(control)) {
        case BUTTONS.validate:
          start('一键校验', '校验', async () => (await runValidation(host())).message);
          break;
        case BUTTONS.clear:
          start('清除标记', '清除标记', () => runClear(host()));
          break;
        case BUTTONS.pane:
          try {
            showPane();
          } catch (err) {
            say('打开助手', describeFailure('打开助手', err));
          }
          break;
        default: {
          const button = BUTTON_TOOLS[controlId(control)];
          if (!button) break;
          try {
            showPane(button.tool);
          } catch (err) {
            say(button.title, describeFailure(`打开${button.title}`, err));
          }
          break;
        }
      }
      return true;
    },
    GetImage() {
      return ICON;
    },
    OnGetEnabled() {
      return true;
    },
    OnGetVisible() {
      return true;
    },
  };
}
