import { groupBy } from '../groupBy';
import type { Finding, Severity } from '../findings';
import { SEVERITY_ORDER } from '../findings';
import type { ParsedWorkbook, ProjectTable } from '../model';
import { findRule } from '../rules';
import { compact } from '../text';
import { priorityOf, ruleGroup } from './priority';
import { addressList, rowList, sentence, withoutAddress } from './text';
import type { Card, CardKind } from './types';

/** Findings about the table as a whole: anchored on the table's title cell. */
const TABLE_LEVEL = new Set(['same-value-everywhere', 'required-categories', 'indicator-count']);

/** Rules whose cards are rolled up into one workbook card when 3 or more tables share them. */
const ROLLUP = new Set([
  'same-value-everywhere',
  'description-copy',
  'basis-vague',
  'percent-meaning',
  'fund-use-vague',
  'goal-vague',
  'filler-indicator',
  'satisfaction-subject',
  'count-unit',
  'cost-money',
  'timeliness-value',
  'required-categories',
  'schedule-cumulative',
  'schedule-per-period',
  'schedule-values',
  'schedule-even',
  'schedule-consistency',
]);

/** Same per-row problem on this many rows of a table → one pattern card. */
export const PATTERN_MIN_ROWS = 3;
/** Same card in this many tables → one workbook roll-up. */
export const ROLLUP_MIN_TABLES = 3;

const ruleTitle = (id: string): string => findRule(id)?.meta.title ?? '其他问题';
const cellKey = (f: Finding): string => `${f.ref.sheet}!${f.ref.address}`;
/** A cell's row on its sheet, as a key (the sheet is kept: workbook-level findings may span sheets). */
const rowKey = (ref: { sheet: string; row: number }): string => `${ref.sheet}!${ref.row}`;
/** A cell's position as one number, for cells known to be on one sheet (room for more columns than Excel's 16,384). */
const cellNumber = (ref: { row: number; col: number }): number => ref.row * 65536 + ref.col;

function worst(findings: readonly Finding[]): Severity {
  let s: Severity = 'info';
  for (const f of findings) if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[s]) s = f.severity;
  return s;
}

/** Root-cause order inside a card: group (completeness first), then severity, then position. */
function byUrgency(a: Finding, b: Finding): number {
  return (
    ruleGroup(a.ruleId) - ruleGroup(b.ruleId) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ref.row - b.ref.row ||
    a.ref.col - b.ref.col
  );
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** How many distinct keys: most groups hold one finding, counted without building a set. */
function distinctCount<T>(xs: readonly T[], key: (x: T) => string): number {
  return xs.length < 2 ? xs.length : new Set(xs.map(key)).size;
}

/** How many distinct rows the findings are on: row numbers when they share a sheet (as a table's do), no key strings. */
function distinctRows(fs: readonly Finding[]): number {
  if (fs.length < 2) return fs.length;
  const sheet = fs[0].ref.sheet;
  const rows = new Set<number>();
  for (const f of fs) {
    if (f.ref.sheet !== sheet) return distinctCount(fs, (x) => rowKey(x.ref));
    rows.add(f.ref.row);
  }
  return rows.size;
}

function tableName(t: ProjectTable | undefined): string {
  return (t?.projectName?.text || t?.title?.text || '').replace(/\s+/g, ' ').trim();
}

function titleRef(t: ProjectTable, fallback: Finding) {
  return t.title?.ref ?? t.projectName?.ref ?? fallback.ref;
}

interface Draft {
  kind: CardKind;
  tableId?: string;
  ref: Finding['ref'];
  title: string;
  message: string;
  points?: string[];
  details: Finding[];
  /** Root rule; the card's group comes from it. */
  root: string;
  /** Roll-up key, when the card may be rolled up. */
  rollup?: string;
}

/** `withId`: build the card's id (the task pane's key); the text report never reads it and skips the string. */
function finish(d: Draft, withId: boolean): Card {
  const severity = worst(d.details);
  const group = ruleGroup(d.root);
  // Optional fields are written as undefined rather than spread in: one object layout for every card (JSON
  // output is the same, as JSON leaves undefined out), built several times faster.
  return {
    id: withId ? `${d.kind}:${d.tableId ?? '工作簿'}:${d.root}:${d.ref.sheet}!${d.ref.address}` : '',
    severity,
    criterion: d.details.find((f) => f.ruleId === d.root)?.criterion ?? d.details[0].criterion,
    tableId: d.tableId || undefined,
    ref: d.ref,
    title: d.title,
    message: d.message,
    points: d.points,
    ruleIds: ruleIdsOf(d),
    details: d.details,
    priority: priorityOf(severity, group),
    kind: d.kind,
    group,
  };
}

/** The root rule, then the other rules of the card's findings, each once (a card has few distinct rules). */
function ruleIdsOf(d: Draft): string[] {
  const ids = [d.root];
  for (const f of d.details) if (!ids.includes(f.ruleId)) ids.push(f.ruleId);
  return ids;
}

/** "数量指标不能用百分比（E10）；成本指标应为金额（E13）" from a list of symptoms. */
function symptomSummary(findings: readonly Finding[]): string {
  const byRule = groupBy(findings, (f) => f.ruleId);
  return [...byRule.entries()].map(([id, fs]) => `${ruleTitle(id)}（${addressList(fs.map((f) => f.ref), 4)}）`).join('；');
}

function scheduleSignature(t: ProjectTable | undefined): string {
  return (t?.schedule ?? []).map((p) => (typeof p.percent === 'number' ? String(p.percent) : '空')).join('/');
}

/** Cards of one table (before roll-up). */
function tableDrafts(table: ProjectTable | undefined, findings: Finding[]): Draft[] {
  const drafts: Draft[] = [];
  const tableId = table?.id ?? findings[0]?.tableId;
  let rest = [...findings];

  // 1. Templated values: the root plus every finding on a value cell holding the template value.
  const roots = findings.filter((f) => f.ruleId === 'same-value-everywhere');
  if (table && roots.length) {
    // Cells of one sheet (the table's), keyed by position: no address string per finding.
    const valueText = new Map(table.indicators.map((r) => [cellNumber(r.value.ref), compact(r.value.text)]));
    const templateOf = (f: Finding): string | undefined => (f.ref.sheet === table.sheet ? valueText.get(cellNumber(f.ref)) : undefined);
    for (const root of roots) {
      const template = templateOf(root);
      if (!template) continue;
      const symptoms = rest.filter((f) => f !== root && f.ruleId !== root.ruleId && templateOf(f) === template);
      const folded = new Set(symptoms);
      rest = rest.filter((f) => f !== root && !folded.has(f));
      const base = sentence(withoutAddress(root.message, root.ref.address));
      drafts.push({
        kind: symptoms.length ? 'template' : 'table',
        tableId,
        ref: titleRef(table, root),
        title: `指标值统一套用“${template}”`,
        message: symptoms.length ? `${base}由此造成：${symptomSummary(symptoms)}。` : base,
        details: [root, ...symptoms.sort(byUrgency)],
        root: root.ruleId,
        rollup: `template|${template}`,
      });
    }
  }

  // 2. Other table-level findings, anchored on the title cell: one card per table, sub-points per finding.
  const tableLevel = rest.filter((x) => TABLE_LEVEL.has(x.ruleId)).sort(byUrgency);
  if (tableLevel.length) {
    const f = tableLevel[0];
    const ruleCount = distinctCount(tableLevel, (x) => x.ruleId);
    const points = tableLevel.map((x) => sentence(withoutAddress(x.message, x.ref.address)));
    drafts.push({
      kind: 'table',
      tableId,
      ref: table ? titleRef(table, f) : f.ref,
      title: tableLevel.length > 1 ? `${ruleTitle(f.ruleId)}等${tableLevel.length}项问题` : ruleTitle(f.ruleId),
      message: points.join(''),
      points: points.length > 1 ? points : undefined,
      details: tableLevel,
      root: f.ruleId,
      rollup: tableLevel.length === 1 && ruleCount === 1 ? `rule|${f.ruleId}|${withoutAddress(f.message, f.ref.address)}` : undefined,
    });
  }
  rest = rest.filter((x) => !TABLE_LEVEL.has(x.ruleId));

  // 3. Per-row patterns: one rule on 3 or more rows.
  const byRule = groupBy(rest, (f) => f.ruleId);
  const patterned = new Set<string>();
  for (const [id, fs] of byRule) {
    const rowCount = distinctRows(fs);
    if (rowCount < PATTERN_MIN_ROWS || id.startsWith('schedule-')) continue;
    fs.sort(byUrgency);
    const first = fs[0];
    drafts.push({
      kind: 'pattern',
      tableId,
      ref: first.ref,
      title: `${ruleTitle(id)}（${rowCount}处）`,
      message: `本表${rowList(fs.map((f) => f.ref.row))}共${rowCount}处${ruleTitle(id)}（${addressList(fs.map((f) => f.ref))}）。以${first.ref.address}为例：${sentence(withoutAddress(first.message, first.ref.address))}`,
      details: fs,
      root: id,
      rollup: `rule|${id}`,
    });
    patterned.add(id);
  }
  if (patterned.size) rest = rest.filter((f) => !patterned.has(f.ruleId));

  // 4. The rest: one card per indicator row, or per cell outside the indicator grid.
  // On the table's sheet a group's key is a number: the row of an indicator row, or -1 - the cell's number for
  // another cell (no key strings to build and hash); on another sheet, "row:…" or "cell:…".
  const sheet = table?.sheet;
  const indicatorRows = new Set<number | string>();
  for (const r of table?.indicators ?? []) indicatorRows.add(r.level3.ref.sheet === sheet ? r.level3.ref.row : rowKey(r.level3.ref));
  const groups = groupBy<Finding, number | string>(rest, (f) => {
    if (f.ref.sheet === sheet) return indicatorRows.has(f.ref.row) ? f.ref.row : -1 - cellNumber(f.ref);
    const row = rowKey(f.ref);
    return indicatorRows.has(row) ? `row:${row}` : `cell:${cellKey(f)}`;
  });
  for (const [key, fs] of groups) {
    const rowGroup = typeof key === 'number' ? key >= 0 : key.startsWith('row:');
    fs.sort(byUrgency);
    const primary = fs[0];
    const ruleCount = distinctCount(fs, (f) => f.ruleId);
    const schedule = primary.ruleId.startsWith('schedule-');
    drafts.push({
      kind: rowGroup && fs.length > 1 ? 'row' : 'cell',
      tableId,
      ref: primary.ref,
      title: ruleCount > 1 ? `${ruleTitle(primary.ruleId)}等${ruleCount}项问题` : ruleTitle(primary.ruleId),
      message: sentence(withoutAddress(primary.message, primary.ref.address)),
      details: fs,
      root: primary.ruleId,
      rollup:
        ruleCount === 1
          ? schedule
            ? `schedule|${primary.ruleId}|${scheduleSignature(table)}`
            : `rule|${primary.ruleId}`
          : undefined,
    });
  }
  return drafts;
}

function rollupTitle(key: string, n: number, sample: Draft, table: ProjectTable | undefined): string {
  if (key.startsWith('template|')) return `${n} 张表的指标值全部为“${key.slice('template|'.length)}”`;
  if (key.startsWith('schedule|')) {
    const pcts = (table?.schedule ?? []).map((p) => p.percent);
    if (pcts.length > 1 && pcts.every((p) => typeof p === 'number' && p === pcts[0])) return `${n} 张表资金支出计划各期均为 ${pcts[0]}%`;
  }
  return `${n} 张表：${ruleTitle(sample.root)}`;
}

/** Every finding of the cards, in order (a loop: Array.prototype.flatMap is many times slower in V8). */
export function allDetails(cards: readonly Card[]): Finding[] {
  const out: Finding[] = [];
  for (const c of cards) for (const f of c.details) out.push(f);
  return out;
}

/** Turns drafts repeated in ROLLUP_MIN_TABLES or more tables into workbook cards. */
function rollUp(drafts: Draft[], tables: Map<string, ProjectTable>, withIds: boolean): { rollups: Card[]; rest: Draft[] } {
  const byKey = groupBy(drafts, (d) => (d.rollup && ROLLUP.has(d.root) && d.tableId ? d.rollup : undefined));
  const rolled = new Set<Draft>();
  const rollups: Card[] = [];
  for (const [key, ds] of byKey) {
    const tableIds = unique(ds.map((d) => d.tableId!));
    if (tableIds.length < ROLLUP_MIN_TABLES) continue;
    for (const d of ds) rolled.add(d);
    const children = ds.map((d) => finish(d, withIds));
    const sample = ds[0];
    const names = tableIds.map((id) => tableName(tables.get(id))).filter(Boolean);
    const nameList = names.length > 4 ? `${names.slice(0, 4).map((x) => `“${x}”`).join('、')}等` : names.map((x) => `“${x}”`).join('、');
    const title = rollupTitle(key, tableIds.length, sample, tables.get(sample.tableId!));
    // The roll-up's own id is its key (set below), not the one finish() would build.
    const card = finish({
      kind: 'rollup',
      ref: sample.ref,
      title,
      message: `${title}${nameList ? `（${nameList}）` : ''}，请逐表修改。以第一张表为例：${sample.message}`,
      details: allDetails(children),
      root: sample.root,
    }, false);
    if (withIds) card.id = `rollup:${key}`;
    card.children = children;
    card.tableIds = tableIds;
    rollups.push(card);
  }
  return { rollups, rest: drafts.filter((d) => !rolled.has(d)) };
}

function byPriority(tableIndex: Map<string, number>) {
  return (a: Card, b: Card): number =>
    a.priority - b.priority ||
    (b.tableIds?.length ?? 0) - (a.tableIds?.length ?? 0) ||
    (tableIndex.get(a.tableId ?? '') ?? -1) - (tableIndex.get(b.tableId ?? '') ?? -1) ||
    a.ref.sheet.localeCompare(b.ref.sheet) ||
    a.ref.row - b.ref.row ||
    a.ref.col - b.ref.col;
}

/**
 * Groups findings into cards by root cause. Every finding ends up in exactly one card's details
 * (a roll-up's details are its children's). Order: workbook roll-ups by priority, then each table's
 * cards in workbook order, errors before warnings before infos within a table.
 */
export function buildCards(workbook: ParsedWorkbook, findings: readonly Finding[], options: { ids?: boolean } = {}): Card[] {
  const withIds = options.ids ?? true;
  const tables = new Map<string, ProjectTable>();
  const tableIndex = new Map<string, number>();
  workbook.tables.forEach((t, i) => {
    tables.set(t.id, t);
    tableIndex.set(t.id, i);
  });
  const byTable = groupBy(findings, (f) => f.tableId ?? '');
  const drafts: Draft[] = [];
  for (const [id, fs] of byTable) for (const d of tableDrafts(id ? tables.get(id) : undefined, fs)) drafts.push(d);
  const { rollups, rest } = rollUp(drafts, tables, withIds);
  const order = byPriority(tableIndex);
  const own = rest.map((d) => finish(d, withIds));
  const loose = own.filter((c) => !c.tableId || !tables.has(c.tableId)).sort(order);
  const perTable = own
    .filter((c) => c.tableId && tables.has(c.tableId))
    .sort(
      (a, b) =>
        tableIndex.get(a.tableId!)! - tableIndex.get(b.tableId!)! ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        order(a, b),
    );
  return [...rollups.sort(order), ...loose, ...perTable];
}

/**
 * The 先改这些 list: the `limit` most urgent cards of the workbook. While other kinds of problem remain, at
 * most two errors (one warning or info) with the same root rule, so one repeated defect does not fill the list.
 */
export function fixFirst(cards: readonly Card[], limit = 10): Card[] {
  const sorted = [...cards].sort(
    (a, b) => a.priority - b.priority || (b.tableIds?.length ?? 0) - (a.tableIds?.length ?? 0),
  );
  const picked: Card[] = [];
  const perRule = new Map<string, number>();
  for (const c of sorted) {
    if (picked.length >= limit) break;
    const n = perRule.get(c.ruleIds[0]) ?? 0;
    if (n >= (c.severity === 'error' ? 2 : 1)) continue;
    perRule.set(c.ruleIds[0], n + 1);
    picked.push(c);
  }
  for (const c of sorted) {
    if (picked.length >= limit) break;
    if (!picked.includes(c)) picked.push(c);
  }
  return picked.sort((a, b) => sorted.indexOf(a) - sorted.indexOf(b));
}

/** The cards of one table, roll-ups expanded into that table's own cards; errors first. */
export function cardsOfTable(cards: readonly Card[], tableId: string): Card[] {
  return [...(cardIndex(cards).get(tableId) ?? [])];
}

const CARD_INDEX = new WeakMap<readonly Card[], Map<string, Card[]>>();

/** Cards by table, sorted, built once per card list: asking for every table stays linear. */
function cardIndex(cards: readonly Card[]): Map<string, Card[]> {
  let index = CARD_INDEX.get(cards);
  if (index) return index;
  const own: Card[] = [];
  for (const c of cards) {
    if (c.children) for (const child of c.children) own.push(child);
    else own.push(c);
  }
  index = groupBy(own, (c) => c.tableId);
  for (const list of index.values()) {
    list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.priority - b.priority || a.ref.row - b.ref.row);
  }
  CARD_INDEX.set(cards, index);
  return index;
}
