import type { CellRef } from './grid';

export type Severity = 'error' | 'warning' | 'info';

/** The four criteria a 财政局 reviewer grades a target table by. */
export type Criterion = '完整性' | '相关性' | '适当性' | '可行性';

/**
 * Removing one indicator row from a table, inside the table only: the cells of the table's columns
 * [left, right] on that row go, the table's cells below it (down to its last row, bottom) move up one row and
 * its last row is left empty. No cell outside the table moves or changes.
 */
export interface RowDeletion {
  sheet: string;
  /** 0-based sheet row removed. */
  row: number;
  /** 0-based last sheet row of the table: the rows row+1..bottom move up; bottom is left empty. */
  bottom: number;
  /** 0-based sheet columns of the table, inclusive. */
  left: number;
  right: number;
  /**
   * Texts the deleted row held for the rows below it (a 一级/二级 name written once, or the top of a merged
   * area): written into the cell that moves up into the deleted row, so the rows below keep their category.
   */
  carry: { col: number; text: string }[];
  /** A cell of the row (its 三级) and the text it must still show: otherwise the sheet changed and the host refuses. */
  check?: { col: number; text: string };
}

/**
 * A suggested change, applied only on explicit request: a replacement of one cell's text (kind 'replace',
 * the default), or the deletion of the whole indicator row (kind 'delete-row', ref = its 三级 cell,
 * from = the cell's text, to = '').
 */
export interface Fix {
  kind?: 'replace' | 'delete-row';
  ref: CellRef;
  from: string;
  to: string;
  /** zh-CN description, e.g. "将“≤98%”改为“≥98%”". */
  description: string;
  /** kind 'delete-row': what is removed. */
  deleteRow?: RowDeletion;
}

/** A fix that deletes a row (narrowed so deleteRow is present). */
export function isRowDeletion(fix: Fix | undefined): fix is Fix & { kind: 'delete-row'; deleteRow: RowDeletion } {
  return !!fix && fix.kind === 'delete-row' && !!fix.deleteRow;
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
