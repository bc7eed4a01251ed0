/**
 * Cross-table rules ask "which other tables of this workbook share X with this one?". Comparing every pair is
 * quadratic in the tables (a 5,000-table workbook would take 25 million comparisons); instead each rule builds one
 * index per workbook, in one pass, and looks its table up in it.
 */
import { groupBy } from '../groupBy';
import type { ParsedWorkbook, ProjectTable } from '../model';

export type TableIndex = ReadonlyMap<string, readonly ProjectTable[]>;

/**
 * Tables of the workbook grouped by `keyOf` (tables whose key is undefined are left out), built once per workbook
 * and cache: pass one module-level WeakMap per rule, so the index lives as long as the parsed workbook.
 */
export function tablesBy(
  cache: WeakMap<object, TableIndex>,
  workbook: Pick<ParsedWorkbook, 'tables'>,
  keyOf: (t: ProjectTable) => string | undefined,
): TableIndex {
  const hit = cache.get(workbook);
  if (hit) return hit;
  const map = groupBy(workbook.tables, keyOf);
  cache.set(workbook, map);
  return map;
}

/** Up to `limit` tables of the group other than `self` (and passing `keep`), without walking the whole group. */
export function othersIn(
  group: readonly ProjectTable[] | undefined,
  self: ProjectTable,
  limit: number,
  keep: (t: ProjectTable) => boolean = () => true,
): ProjectTable[] {
  const out: ProjectTable[] = [];
  for (const t of group ?? []) {
    if (t === self || !keep(t)) continue;
    out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}

/** How the message names a table: its project name, else its title, else its id. */
export function tableName(t: ProjectTable): string {
  return t.projectName?.text || t.title?.text || t.id;
}
