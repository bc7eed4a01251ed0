/**
 * Entry of the hidden page WPS loads for the 加载项 (index.html): defines window.ribbon, whose members
 * ribbon.xml names as callbacks. Nothing here may be async-returning.
 */
import { type WpsWindow, entryPoints } from './entry';
import { makeRibbon } from './ribbon';

const w = window as unknown as WpsWindow & { ribbon?: unknown };

w.ribbon = makeRibbon({
  // wps.* first (Kingsoft's typings and templates), window.Application second.
  app: () => entryPoints(w).app,
  entry: () => entryPoints(w),
  notify: (title, message) => window.alert(`绩效目标表助手 · ${title}\n\n${message}`),
  paneUrl: () => new URL('taskpane.html', window.location.href).href,
});
