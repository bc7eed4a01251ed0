/**
 * Which unit a table belongs to, for a reviewer's batch report: the 主管部门 (or 单位名称) field on forms
 * that have one, else the unit line under the title ("203001中共曹妃甸区委组织部本级"), else 实施单位.
 * Codes before or after the name are dropped. Returns null when the table names no unit.
 */
import type { Grid } from './grid';
import type { ProjectTable } from './model';
import { compact } from './text';

const DEPARTMENT_LABEL = /^(?:主管部门|主管部门及代码|主管部门\(单位\)|主管单位|部门名称|预算部门|单位名称|预算单位|填报单位)[:]?$/;
const IMPLEMENTER_LABEL = /^(?:实施单位|项目实施单位|执行单位)[:]?$/;
const INLINE = /^(主管部门(?:及代码)?|主管单位|部门名称|预算部门|单位名称|预算单位|填报单位)[:](.+)$/;
/** Rows scanned below a table's top for the labelled fields (they sit above the indicator grid). */
const HEAD_ROWS = 12;

/** "某某县卫生健康局 123001" → "某某县卫生健康局"; "203001中共曹妃甸区委组织部本级" → "中共…本级". */
export function cleanUnitName(text: string): string | null {
  const s = compact(text)
    .replace(/^(?:单位|部门)(?:名称)?[:]/, '')
    .replace(/^[\d\-_.、]+/, '')
    .replace(/[[(（]?[\d\-_.]+[\])）]?$/, '')
    .replace(/单位[:](?:万元|元)$/, '');
  // A unit name has Chinese characters and is not a title line, a year or a money unit.
  if (!/\p{Script=Han}/u.test(s) || s.length < 2) return null;
  if (/绩效目标|年度\)?$|^\(?\d{4}年|^单位[:]/.test(s)) return null;
  return s;
}

function labelledValue(grid: Grid, table: ProjectTable, label: RegExp): string | null {
  const r0 = grid.origin?.row ?? 0;
  const last = Math.min(table.bottom, table.top + HEAD_ROWS, (table.indicatorHeader?.row ?? Infinity) - 1);
  for (let r = table.top; r <= last; r++) {
    const row = grid.cells[r - r0];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const key = compact(row[c]?.text);
      if (!key) continue;
      if (label === DEPARTMENT_LABEL) {
        const inline = INLINE.exec(key);
        if (inline) {
          const name = cleanUnitName(inline[2]);
          if (name) return name;
        }
      }
      if (!label.test(key)) continue;
      for (let k = c + 1; k < row.length; k++) {
        const text = row[k]?.text;
        if (!text || !compact(text)) continue;
        return cleanUnitName(text);
      }
    }
  }
  return null;
}

export function departmentOf(table: ProjectTable, grid: Grid | undefined): string | null {
  const labelled = grid ? labelledValue(grid, table, DEPARTMENT_LABEL) : null;
  if (labelled) return labelled;
  const line = table.unitName?.text ? cleanUnitName(table.unitName.text) : null;
  if (line) return line;
  return grid ? labelledValue(grid, table, IMPLEMENTER_LABEL) : null;
}
