export { generateOverview, STANDARD_MEASURES, departmentName, budgetYear, keyIndicators, groupAreas, money } from './generate';
export { compareOverview, type OverviewDifference } from './compare';
export { overviewToText, overviewToMarkdown, overviewSheetRows, overviewSheetValues, uniqueSheetName, describeSource } from './render';
export { areaNames, suggestArea, OTHER_AREA } from './areas';
export type { OverviewDocument, OverviewOptions, Paragraph, Segment, Source, OverviewArea } from './types';
export { paragraphText } from './types';

/** Name of the sheet the section is written to. */
export const OVERVIEW_SHEET = '部门整体绩效目标';
