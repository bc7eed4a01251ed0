/**
 * The ranked "先改这些" list per table for the batch report.
 * Local adapter: one item per rule that fired on the table, worst severity first, then most cells.
 */
import type { Finding, Severity } from '../core/findings';
import { SEVERITY_ORDER } from '../core/findings';
import type { ParsedWorkbook } from '../core/model';
import { findRule } from '../core/rules';

export interface FixItem {
  severity: Severity;
  /** zh-CN title of the problem (the rule's title). */
  title: string;
  /** The first finding's message: what is wrong and how to fix it. */
  message: string;
  /** "Sheet!C12" of the cells concerned (at most five). */
  cells: string[];
  /** How many cells have this problem. */
  count: number;
}

const MAX_CELLS = 5;

export function ruleTitle(ruleId: string): string {
  return findRule(ruleId)?.meta.title ?? ruleId;
}

/** Table id → its "先改这些" items (at most `limit`). */
export function fixFirstByTable(workbook: ParsedWorkbook, findings: readonly Finding[], limit: number): Map<string, FixItem[]> {
  const perTable = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    if (!f.tableId || f.severity === 'info') continue;
    const rules = perTable.get(f.tableId) ?? new Map<string, Finding[]>();
    perTable.set(f.tableId, rules);
    const list = rules.get(f.ruleId) ?? [];
    list.push(f);
    rules.set(f.ruleId, list);
  }
  const out = new Map<string, FixItem[]>();
  for (const t of workbook.tables) {
    const groups = [...(perTable.get(t.id)?.values() ?? [])].map((list) => {
      const worst = list.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a));
      return {
        severity: worst.severity,
        title: ruleTitle(worst.ruleId),
        message: worst.message,
        cells: list.slice(0, MAX_CELLS).map((f) => `${f.ref.sheet}!${f.ref.address}`),
        count: list.length,
      };
    });
    groups.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count);
    out.set(t.id, groups.slice(0, limit));
  }
  return out;
}
