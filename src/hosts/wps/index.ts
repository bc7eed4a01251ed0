import type { EtApplication } from './et';
import { WpsHost } from './wpsHost';

export { WpsHost, WpsHostError, readSheet, readMerges } from './wpsHost';
export type { WpsMarkStatus } from './wpsHost';
export type { EtApplication, EtWorkbook, EtWorksheet, EtRange } from './et';
export { STATE_SHEET } from './stateSheet';

/** The WPS 表格 host over `window.Application` (or a fake in tests). */
export function createWpsHost(app: EtApplication): WpsHost {
  return new WpsHost(app);
}
