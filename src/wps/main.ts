/**
 * Entry of the hidden page WPS loads for the 加载项 (index.html): defines window.ribbon, whose members
 * ribbon.xml names as callbacks. Nothing here may be async-returning.
 */
import type { EtApplication } from '../hosts/wps/et';
import { makeRibbon } from './ribbon';

interface WpsWindow {
  Application?: EtApplication;
  wps?: { Application?: EtApplication; EtApplication?: () => { Application?: EtApplication } };
  ribbon?: unknown;
}

const w = window as unknown as WpsWindow;

function application(): EtApplication | undefined {
  return w.Application ?? w.wps?.Application ?? w.wps?.EtApplication?.().Application;
}

w.ribbon = makeRibbon({
  app: application,
  notify: (title, message) => window.alert(`绩效目标表助手 · ${title}\n\n${message}`),
  paneUrl: () => new URL('taskpane.html', window.location.href).href,
});
