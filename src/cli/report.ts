import { toA1 } from '../core/grid';
import type { Finding, Severity } from '../core/findings';
import { CRITERIA, SEVERITY_LABEL, countByCriterion, countBySeverity } from '../core/findings';
import type { ParseNote, ProjectTable } from '../core/model';
import { type Card, allDetails, buildCards, cardsOfTable, fixFirst, withoutAddress } from '../core/cards';

export interface TableSummary {
  id: string;
  sheet: string;
  projectName: string | null;
  projectCode: string | null;
  budget: number | string | null;
  address: string;
}

export function tableAddress(t: ProjectTable): string {
  const ref = t.title?.ref;
  return `${t.sheet}!${ref ? ref.address : toA1(t.top, 0)}`;
}

export function summarizeTable(t: ProjectTable): TableSummary {
  return {
    id: t.id,
    sheet: t.sheet,
    projectName: t.projectName?.text || null,
    projectCode: t.projectCode?.text || null,
    budget: t.budget ? (t.budget.amount ?? (t.budget.text || null)) : null,
    address: tableAddress(t),
  };
}

/** "【表 3】村级服务群众专项经费（村队） 项目编码 … 预算 470.00 万元 — Sheet!A40" */
export function tableHeading(t: ProjectTable, n: number): string {
  const name = oneLine(t.projectName?.text || t.title?.text || '（未填项目名称）');
  const parts = [`【表 ${n}】${name}`];
  if (t.projectCode?.text) parts.push(`项目编码 ${t.projectCode.text}`);
  // The amount, not the cell text: "39万元" typed as text must not print as "39万元 万元".
  if (t.budget?.amount !== undefined) parts.push(`预算 ${t.budget.amount.toFixed(2)} ${t.moneyUnit || '万元'}`);
  else if (t.budget?.text) parts.push(`预算 ${t.budget.text}`);
  return `${parts.join(' ')} — ${tableAddress(t)}`;
}

/** Keeps one finding on one line: quoted multi-line cell text is shown with " / " between its lines. */
export const oneLine = (s: string): string => (s.includes('\n') ? s.replace(/\s*\r?\n\s*/g, ' / ') : s);

/** Options of the text report. */
export interface ReportOptions {
  /** Show the rule ids behind each card and sub-point (for developers; JSON always has them). */
  verbose?: boolean;
}

const fixLine = (f: Finding, indent: string): string =>
  `${indent}建议修改：${oneLine(f.fix!.description || `“${f.fix!.from}” → “${f.fix!.to}”`)}`;

const ruleTag = (ids: readonly string[], opts: ReportOptions): string => (opts.verbose ? `（${ids.join('，')}）` : '');

/** One finding on one line (plus its fix): "  【警告】Sheet!B8 message". */
export function findingLines(f: Finding, opts: ReportOptions = {}): string[] {
  const lines = [`  【${SEVERITY_LABEL[f.severity]}】${f.ref.sheet}!${f.ref.address} ${oneLine(withoutAddress(f.message, f.ref.address))}${ruleTag([f.ruleId], opts)}`];
  if (f.fix) lines.push(fixLine(f, '      '));
  return lines;
}

/**
 * One card: "  【错误】Sheet!A1 title：message", then its other findings as sub-points
 * ("      · E10 …"), each with its suggested fix.
 */
export function cardLines(card: Card, opts: ReportOptions = {}): string[] {
  const message = oneLine(card.message);
  const lines = [`  【${SEVERITY_LABEL[card.severity]}】${card.ref.sheet}!${card.ref.address} ${card.title}：${message}${ruleTag(card.ruleIds, opts)}`];
  if (card.details.length === 1) {
    if (card.details[0].fix) lines.push(fixLine(card.details[0], '      '));
    return lines;
  }
  for (const f of card.details) {
    const text = oneLine(withoutAddress(f.message, f.ref.address));
    // The root cause's own message is the card's message already: only its fix is left to show.
    if (message.startsWith(text)) {
      if (f.fix) lines.push(fixLine(f, '      '));
      continue;
    }
    lines.push(`      · ${f.ref.address} ${text}${ruleTag([f.ruleId], opts)}`);
    if (f.fix) lines.push(fixLine(f, '        '));
  }
  return lines;
}

/** The 先改这些 list: "先改这些（按轻重排列）：" then "  1. 【错误】title（Sheet!A1）". */
export function fixFirstLines(cards: readonly Card[], opts: ReportOptions = {}): string[] {
  const top = fixFirst(cards);
  if (top.length === 0) return [];
  return [
    `先改这些（按轻重排列，共 ${top.length} 项）：`,
    ...top.map((c, i) => `  ${i + 1}. 【${SEVERITY_LABEL[c.severity]}】${c.title}（${c.ref.sheet}!${c.ref.address}）${ruleTag(c.ruleIds.slice(0, 1), opts)}`),
  ];
}

/** The tables' own notes, in order (a loop: flatMap is many times slower in V8). */
function tableNotes(tables: readonly ProjectTable[]): ParseNote[] {
  const out: ParseNote[] = [];
  for (const t of tables) for (const n of t.notes) out.push(n);
  return out;
}

const noteKey = (n: ParseNote): string => `${n.sheet}|${n.ref?.address ?? ''}|${n.message}`;

/** Workbook notes plus table notes, without the duplicates a parser may keep in both lists. */
export function allNotes(workbookNotes: readonly ParseNote[], tables: readonly ProjectTable[]): ParseNote[] {
  const seen = new Set<string>();
  const out: ParseNote[] = [];
  for (const n of [...workbookNotes, ...tableNotes(tables)]) {
    if (seen.has(noteKey(n))) continue;
    seen.add(noteKey(n));
    out.push(n);
  }
  return out;
}

export function noteLine(n: ParseNote): string {
  return `  说明：${oneLine(n.message)}${n.ref ? `（${n.ref.sheet}!${n.ref.address}）` : n.sheet ? `（工作表“${n.sheet}”）` : ''}`;
}

/** "  小计：错误 5，警告 12，提示 3；按评审标准：完整性 8 · 相关性 3 · 适当性 6 · 可行性 3" */
export function tableTally(findings: readonly Finding[]): string {
  const s = countBySeverity(findings);
  const c = countByCriterion(findings);
  return `  小计：错误 ${s.error}，警告 ${s.warning}，提示 ${s.info}；按评审标准：${CRITERIA.map((k) => `${k} ${c[k]}`).join(' · ')}`;
}

export function countsText(tables: number, c: Record<Severity, number>): string {
  return `共 ${tables} 张表，错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`;
}

/**
 * Text report for one file: the 先改这些 list, then the tables in order, each with its cards (findings
 * grouped by root cause, sub-points under them); notes and stray findings after.
 */
export function fileReport(
  tables: readonly ProjectTable[],
  findings: readonly Finding[],
  notes: readonly ParseNote[],
  opts: ReportOptions = {},
): string[] {
  // Card ids key the task pane's list; the text never shows them.
  const cards = buildCards({ tables: [...tables], notes: [...notes] }, findings, { ids: false });
  const lines: string[] = [...fixFirstLines(cards, opts)];
  const ids = new Set(tables.map((t) => t.id));
  tables.forEach((t, i) => {
    lines.push(tableHeading(t, i + 1));
    const own = cardsOfTable(cards, t.id);
    for (const c of own) lines.push(...cardLines(c, opts));
    for (const n of t.notes) lines.push(noteLine(n));
    if (own.length > 0) lines.push(tableTally(allDetails(own)));
    if (own.length === 0 && t.notes.length === 0) lines.push('  未发现问题');
  });
  const loose = cards.filter((c) => !c.children && (!c.tableId || !ids.has(c.tableId)));
  if (loose.length) {
    lines.push('【工作簿】');
    for (const c of loose) lines.push(...cardLines(c, opts));
  }
  const shown = new Set(tableNotes(tables).map(noteKey));
  for (const n of notes) if (!shown.has(noteKey(n))) lines.push(noteLine(n));
  return lines;
}

/**
 * Text for a terminal: control characters from cell text or file names (escape sequences that could
 * recolour, move the cursor or retitle the terminal) are dropped; line breaks and tabs are kept.
 */
export function stripControls(text: string): string {
  // Tested first: a global replace copies the whole text even when there is nothing to remove.
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
