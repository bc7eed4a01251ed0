/**
 * The ranked "先改这些" list per table for the batch report, from the cards of src/core/cards (findings
 * grouped by root cause, ranked by urgency): each table's own cards, roll-ups expanded, infos left out.
 */
import { buildCards, cardsOfTable, fixFirst } from '../core/cards';
import type { Finding, Severity } from '../core/findings';
import type { ParsedWorkbook } from '../core/model';
import { findRule } from '../core/rules';

export interface FixItem {
  severity: Severity;
  /** zh-CN heading of the problem (the card's title). */
  title: string;
  /** zh-CN 审核意见: what is wrong and how to fix it. */
  message: string;
  /** "Sheet!C12" of the cells concerned (at most five). */
  cells: string[];
  /** How many findings the card stands for. */
  count: number;
}

const MAX_CELLS = 5;

export function ruleTitle(ruleId: string): string {
  return findRule(ruleId)?.meta.title ?? ruleId;
}

/** Table id → its "先改这些" items (at most `limit`). */
export function fixFirstByTable(workbook: ParsedWorkbook, findings: readonly Finding[], limit: number): Map<string, FixItem[]> {
  const cards = buildCards(workbook, findings);
  const out = new Map<string, FixItem[]>();
  for (const t of workbook.tables) {
    const own = cardsOfTable(cards, t.id).filter((c) => c.severity !== 'info');
    out.set(
      t.id,
      fixFirst(own, limit).map((c) => ({
        severity: c.severity,
        title: c.title,
        message: c.message,
        cells: [...new Set(c.details.map((f) => `${f.ref.sheet}!${f.ref.address}`))].slice(0, MAX_CELLS),
        count: c.details.length,
      })),
    );
  }
  return out;
}
