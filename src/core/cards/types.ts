import type { CellRef } from '../grid';
import type { Criterion, Finding, Severity } from '../findings';

/**
 * How a card came about:
 * - `cell`: one or more findings on one cell (or one non-indicator field);
 * - `row`: several findings on one indicator row;
 * - `pattern`: one per-row problem repeated on 3 or more rows of a table;
 * - `template`: a table whose values are one template, with the per-cell symptoms it explains;
 * - `table`: a table-level finding (missing category, too few indicators…), anchored on the title;
 * - `rollup`: the same pattern in 3 or more tables, one card for the workbook.
 */
export type CardKind = 'cell' | 'row' | 'pattern' | 'template' | 'table' | 'rollup';

/** One thing a clerk has to fix: a root cause with the findings it explains as sub-points. */
export interface Card {
  /** Stable within one result (kind, table and anchor). */
  id: string;
  /** The root cause's severity (the worst of its findings). */
  severity: Severity;
  criterion: Criterion;
  /** Undefined for workbook-level cards (roll-ups). */
  tableId?: string;
  /** Where 定位 goes: the cell, the first row of a pattern, or the table's title cell. */
  ref: CellRef;
  /** Short zh-CN heading, e.g. "全部指标值均为“≥90%”". */
  title: string;
  /** zh-CN 审核意见: what is wrong, where, how to fix; no rule ids. */
  message: string;
  /** Table-level cards with several problems: the message split into one sentence per problem (shown as a list). */
  points?: string[];
  /** Rules behind the card, root cause first (for JSON and --verbose only). */
  ruleIds: string[];
  /** Every finding the card stands for, root cause first; each keeps its own cell, message and fix. */
  details: Finding[];
  /** Rank for the 先改这些 list: lower comes first. */
  priority: number;
  kind: CardKind;
  /** Priority group 0–6 (see PRIORITY_GROUPS). */
  group: number;
  /** Roll-ups: the per-table cards they stand for, in workbook order. */
  children?: Card[];
  /** Roll-ups: the tables covered, in workbook order. */
  tableIds?: string[];
}
