/**
 * How the 汇总 sheet we add to an annotated copy is recognised later (a re-check removes it and does not
 * check it): its name is one summarySheetName gives and its first cell holds our title.
 */
import type { Grid } from './grid';

/** First cell (A1) of the 汇总 sheet: how a re-check tells our sheet from a user's sheet named 汇总. */
export const SUMMARY_TITLE = '绩效目标表校验汇总';

/** A name summarySheetName gives. */
export function isSummarySheetName(name: string): boolean {
  return /^汇总(?:（校验\d*）)?$/.test(name.trim());
}

/** Our 汇总 sheet read back as a grid (a re-checked copy): not a sheet to check. */
export function isSummaryGrid(grid: Grid): boolean {
  return isSummarySheetName(grid.sheetName) && !grid.origin?.row && !grid.origin?.col && grid.cells[0]?.[0]?.text.trim() === SUMMARY_TITLE;
}
