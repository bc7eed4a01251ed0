import type { Finding } from '../core/findings';
import { toA1 } from '../core/grid';
import type { ProjectTable } from '../core/model';
import { S } from './strings';

export interface FindingGroup {
  /** ProjectTable.id, or '' for workbook-level findings. */
  id: string;
  title: string;
  code?: string;
  budget?: string;
  where?: string;
  findings: Finding[];
}

export function tableTitle(t: ProjectTable): string {
  return t.projectName?.text || t.title?.text || `第 ${t.index + 1} 张表`;
}

export function budgetText(t: ProjectTable): string | undefined {
  if (!t.budget) return undefined;
  const amount = t.budget.amount;
  const shown = amount !== undefined ? amount.toFixed(2) : t.budget.text;
  return shown ? `${shown} ${t.moneyUnit}` : undefined;
}

/** Groups findings by project table, in table order; findings without a known table come first. */
export function groupFindings(findings: readonly Finding[], tables: readonly ProjectTable[]): FindingGroup[] {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = f.tableId && tables.some((t) => t.id === f.tableId) ? f.tableId : '';
    const list = byTable.get(id) ?? [];
    list.push(f);
    byTable.set(id, list);
  }
  const groups: FindingGroup[] = [];
  const loose = byTable.get('');
  if (loose) groups.push({ id: '', title: S.workbookGroup, findings: loose });
  for (const t of tables) {
    const list = byTable.get(t.id);
    if (!list) continue;
    groups.push({
      id: t.id,
      title: tableTitle(t),
      code: t.projectCode?.text || undefined,
      budget: budgetText(t),
      where: `${t.sheet}!${toA1(t.top, 0)}`,
      findings: list,
    });
  }
  return groups;
}

export function cellLabel(f: Finding): string {
  return `${f.ref.sheet}!${f.ref.address}`;
}
