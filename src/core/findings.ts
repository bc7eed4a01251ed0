import type { CellRef } from './grid';

export type Severity = 'error' | 'warning' | 'info';

/** The four criteria a 财政局 reviewer grades a target table by. */
export type Criterion = '完整性' | '相关性' | '适当性' | '可行性';

/** A suggested replacement for one cell's text. Applied only on explicit request. */
export interface Fix {
  ref: CellRef;
  from: string;
  to: string;
  /** zh-CN description, e.g. "将“≤98%”改为“≥98%”". */
  description: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  criterion: Criterion;
  /** ProjectTable.id, or undefined for workbook-level findings. */
  tableId?: string;
  ref: CellRef;
  /** zh-CN: what is wrong, where, and how to fix it. */
  message: string;
  fix?: Fix;
}

/** The review criteria in the order a reviewer's score sheet lists them. */
export const CRITERIA: readonly Criterion[] = ['完整性', '相关性', '适当性', '可行性'];

export function countByCriterion(findings: readonly Finding[]): Record<Criterion, number> {
  const counts: Record<Criterion, number> = { 完整性: 0, 相关性: 0, 适当性: 0, 可行性: 0 };
  for (const f of findings) counts[f.criterion]++;
  return counts;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
