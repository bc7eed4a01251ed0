import { ExcelHost, type ExcelHostOptions } from './excelHost';

export { ExcelHost, ExcelHostError, uniqueSheetName } from './excelHost';
export type { ExcelHostOptions, MarkStatus } from './excelHost';
export { STORE_KEY, NOTE_MARKER } from './markStore';

export function createExcelHost(options?: ExcelHostOptions): ExcelHost {
  return new ExcelHost(options);
}
