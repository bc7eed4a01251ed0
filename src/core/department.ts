/**
 * Which unit a table belongs to, for a reviewer's batch report: the 主管部门 field on forms that have one
 * (read by the parser), else the unit line under the title ("203001中共曹妃甸区委组织部本级"), else 实施单位.
 * Codes before or after the name are dropped. Returns null when the table names no unit.
 */
import type { ProjectTable } from './model';
import { compact } from './text';
import { HAN } from './unicode';

/** "某某县卫生健康局 123001" → "某某县卫生健康局"; "203001中共曹妃甸区委组织部本级" → "中共…本级". */
export function cleanUnitName(text: string): string | null {
  const s = compact(text)
    .replace(/^(?:单位|部门)(?:名称)?[:]/, '')
    .replace(/^[\d\-_.、]+/, '')
    .replace(/[[(（]?[\d\-_.]+[\])）]?$/, '')
    .replace(/单位[:](?:万元|元)$/, '');
  // A unit name has Chinese characters and is not a title line, a year or a money unit.
  if (!HAN.test(s) || s.length < 2) return null;
  if (/绩效目标|年度\)?$|^\(?\d{4}年|^单位[:]/.test(s)) return null;
  return s;
}

export function departmentOf(table: ProjectTable): string | null {
  for (const f of [table.department, table.unitName, table.implementer]) {
    const name = f?.text ? cleanUnitName(f.text) : null;
    if (name) return name;
  }
  return null;
}
