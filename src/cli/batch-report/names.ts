/** Default file names of `jixiao report` (a module of their own so the help text does not load the report code). */
export const DEFAULT_HTML = '绩效目标审核报告.html';
export const DEFAULT_XLSX = '绩效目标审核汇总.xlsx';
