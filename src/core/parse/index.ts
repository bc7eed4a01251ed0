import type { Grid } from '../grid';
import type { ParsedWorkbook } from '../model';

/** Finds every 项目支出绩效目标表 and the 部门整体绩效目标 section in the grids. (work in progress) */
export function parseWorkbook(grids: readonly Grid[]): ParsedWorkbook {
  return { tables: [], notes: grids.length ? [] : [{ sheet: '', message: '工作簿中没有工作表。' }] };
}
