/** Cards: findings grouped by root cause, ranked for the 先改这些 list. */
import path from 'path';
import { buildCards, cardsOfTable, fixFirst, type Card } from '../../src/core/cards';
import type { Finding } from '../../src/core/findings';
import type { ParsedWorkbook } from '../../src/core/model';
import { runRules } from '../../src/core/rules';
import { withDefaults } from '../../src/core/settings';
import { validateGrids } from '../../src/core/validate';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { BASE_SPEC, buildWorkbook, spec, type TableSpec } from '../helpers/ruleTester';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

/** A table whose every value is the one template "≥90%", with the 依据 left as in BASE_SPEC. */
function templated(name: string, value = '≥90%'): TableSpec {
  return spec({
    name,
    title: `${name}绩效目标表`,
    indicators: BASE_SPEC.indicators.map((r) => [r[0], r[1], r[2], r[3], value, r[5]]),
  });
}

function check(specs: TableSpec[]) {
  const wb = buildWorkbook(specs);
  const findings = runRules(wb, withDefaults({}));
  return { wb, findings, cards: buildCards(wb, findings) };
}

/** Every finding of a card, roll-ups included. */
const ownFindings = (cards: readonly Card[]): Finding[] => cards.flatMap((c) => c.details);

describe('buildCards on small tables', () => {
  it('a clean table gives no card', () => {
    const { findings, cards } = check([BASE_SPEC]);
    expect(findings).toEqual([]);
    expect(cards).toEqual([]);
  });

  it('folds the symptoms of a templated table under one error anchored on the title', () => {
    const { wb, findings, cards } = check([templated('老干部活动中心大楼日常维护')]);
    const template = cards.find((c) => c.kind === 'template')!;
    expect(template).toBeDefined();
    expect(template.severity).toBe('error');
    expect(template.ref.address).toBe(wb.tables[0].title!.ref.address);
    expect(template.title).toBe('指标值统一套用“≥90%”');
    expect(template.ruleIds[0]).toBe('same-value-everywhere');
    // 数量 as %, 成本 not money, 时效 not a date: all sub-points of the one card.
    for (const id of ['count-unit', 'cost-money', 'timeliness-value']) {
      expect(findings.some((f) => f.ruleId === id)).toBe(true);
      expect(template.ruleIds).toContain(id);
      expect(cards.filter((c) => c !== template && c.ruleIds.includes(id))).toEqual([]);
    }
    expect(template.message).toContain('由此造成');
    expect(template.message).not.toMatch(/[a-z]+-[a-z]+/);
  });

  it('lists a per-row pattern in one card only from 3 rows on', () => {
    const copy = (n: number): TableSpec => ({
      ...BASE_SPEC,
      indicators: BASE_SPEC.indicators.map((r, i) => (i < n ? [r[0], r[1], r[2], r[2], r[4], r[5]] : r)),
    });
    const two = check([copy(2)]);
    expect(two.cards.filter((c) => c.ruleIds.includes('description-copy'))).toHaveLength(2);
    expect(two.cards.every((c) => c.kind !== 'pattern')).toBe(true);
    const four = check([copy(4)]);
    const pattern = four.cards.filter((c) => c.ruleIds.includes('description-copy'));
    expect(pattern).toHaveLength(1);
    expect(pattern[0].kind).toBe('pattern');
    expect(pattern[0].details).toHaveLength(4);
    expect(pattern[0].message).toContain('共4处');
  });

  it('merges several findings on one indicator row into one card, most urgent first', () => {
    const s: TableSpec = {
      ...BASE_SPEC,
      indicators: BASE_SPEC.indicators.map((r, i) => (i === 7 ? [r[0], r[1], r[2], r[2], '≤98%', r[5]] : r)),
    };
    const { cards } = check([s]);
    const row = cards.filter((c) => c.ref.row === cards.find((k) => k.ruleIds.includes('satisfaction-direction'))!.ref.row);
    expect(row).toHaveLength(1);
    expect(row[0].kind).toBe('row');
    expect(row[0].ruleIds[0]).toBe('satisfaction-direction');
    expect(row[0].ruleIds).toContain('description-copy');
    expect(row[0].severity).toBe('error');
  });

  it('rolls a pattern repeated in 3 tables up into one workbook card', () => {
    const names = ['老干部活动中心大楼日常维护', '离退休干部交通费', '老年大学教学经费'];
    const { cards, findings } = check(names.map((n) => templated(n)));
    const rollup = cards.find((c) => c.kind === 'rollup' && c.ruleIds[0] === 'same-value-everywhere')!;
    expect(rollup.title).toBe('3 张表的指标值全部为“≥90%”');
    expect(rollup.tableId).toBeUndefined();
    expect(rollup.tableIds).toHaveLength(3);
    expect(rollup.children!.every((c) => c.kind === 'template')).toBe(true);
    expect(cards.filter((c) => c.kind === 'template')).toEqual([]);
    expect(ownFindings(cards)).toHaveLength(findings.length);
    // Per table, the roll-up expands back into the table's own card.
    for (const t of buildWorkbook(names.map((n) => templated(n))).tables) {
      expect(cardsOfTable(cards, t.id).some((c) => c.kind === 'template')).toBe(true);
    }
  });

  it('does not roll up a pattern found in only 2 tables', () => {
    const { cards } = check([templated('老干部活动中心大楼日常维护'), templated('离退休干部交通费')]);
    expect(cards.filter((c) => c.kind === 'rollup' && c.ruleIds[0] === 'same-value-everywhere')).toEqual([]);
    expect(cards.filter((c) => c.kind === 'template')).toHaveLength(2);
  });

  it('orders a table errors before warnings before infos', () => {
    const { cards } = check([templated('老干部活动中心大楼日常维护')]);
    const order = { error: 0, warning: 1, info: 2 };
    const sev = cards.map((c) => order[c.severity]);
    expect([...sev].sort((a, b) => a - b)).toEqual(sev);
  });
});

describe('fixFirst', () => {
  const card = (id: string, rule: string, priority: number, severity: Card['severity'] = 'error'): Card => ({
    id,
    severity,
    criterion: '完整性',
    ref: { sheet: 'S', row: 0, col: 0, address: 'A1' },
    title: id,
    message: id,
    ruleIds: [rule],
    details: [],
    priority,
    kind: 'cell',
    group: Math.floor(priority / 10),
  });

  it('keeps at most `limit` cards, most urgent first, and spreads over kinds of problem', () => {
    const cards = [
      card('d1', 'description-copy', 60),
      ...Array.from({ length: 6 }, (_, i) => card(`f${i}`, 'filler-indicator', 10)),
      card('p', 'placeholder', 0),
      card('s', 'satisfaction-direction', 30),
    ];
    const top = fixFirst(cards, 5);
    expect(top.map((c) => c.id)).toEqual(['p', 'f0', 'f1', 's', 'd1']);
    expect(fixFirst(cards)).toHaveLength(cards.length);
    expect(fixFirst(cards, 3).map((c) => c.id)).toEqual(['p', 'f0', 'f1']);
    const warnings = [card('u0', 'unrelated-indicator', 11, 'warning'), card('u1', 'unrelated-indicator', 11, 'warning'), card('t', 'same-value-everywhere', 20)];
    expect(fixFirst(warnings, 2).map((c) => c.id)).toEqual(['u0', 't']);
  });
});

describe('cards on the example workbook', () => {
  let findings: Finding[];
  let cards: Card[];
  let tables: number;
  let ids: string[];
  let parsed: ParsedWorkbook;

  beforeAll(async () => {
    const result = validateGrids(await readGridsFromFile(EXAMPLE));
    parsed = result.parsed;
    findings = result.findings;
    tables = result.parsed.tables.length;
    ids = result.parsed.tables.map((t) => t.id);
    cards = buildCards(result.parsed, findings);
  });

  it('builds the same cards without ids when asked (the text report), and unique ids otherwise', () => {
    const strip = (cs: Card[]): unknown[] => cs.map((c) => ({ ...c, id: '', children: c.children && strip(c.children) }));
    const plain = buildCards(parsed, findings, { ids: false });
    expect(plain.every((c) => c.id === '' && (c.children ?? []).every((x) => x.id === ''))).toBe(true);
    expect(strip(plain)).toEqual(strip(cards));
    const all = cards.flatMap((c) => [c, ...(c.children ?? [])]).map((c) => c.id);
    expect(all.every((id) => id !== '')).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('maps every finding of the report to exactly one card', () => {
    const seen = new Map<Finding, number>();
    for (const f of ownFindings(cards)) seen.set(f, (seen.get(f) ?? 0) + 1);
    expect(findings.filter((f) => seen.get(f) !== 1)).toEqual([]);
    expect(seen.size).toBe(findings.length);
  });

  it('shows at most 8 cards a table on average, counted per table with roll-ups expanded', () => {
    const perTable = ids.map((id) => cardsOfTable(cards, id).length);
    expect(perTable.reduce((a, b) => a + b, 0) / tables).toBeLessThanOrEqual(8);
    expect(cards.length / tables).toBeLessThanOrEqual(8);
  });

  it('rolls up the templated values and the copied descriptions across tables', () => {
    const rollups = cards.filter((c) => c.kind === 'rollup');
    expect(rollups.map((c) => c.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ 张表的指标值全部为“≥90%”$/), expect.stringMatching(/绩效指标描述照抄/)]),
    );
  });

  it('puts completeness defects at the top of a 10-card 先改这些 list', () => {
    const top = fixFirst(cards);
    expect(top).toHaveLength(10);
    expect(top[0].group).toBe(0);
    const prio = top.map((c) => c.priority);
    expect([...prio].sort((a, b) => a - b)).toEqual(prio);
    expect(top.some((c) => c.ruleIds.includes('description-copy'))).toBe(false);
  });

  it('splits a table card with several problems into one point per problem, in the message order', () => {
    const multi = cards.filter((c) => c.kind === 'table' && c.details.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const c of multi) {
      expect(c.points).toHaveLength(c.details.length);
      expect(c.points!.join('')).toBe(c.message);
    }
    expect(cards.filter((c) => c.points && (c.kind !== 'table' || c.details.length < 2))).toEqual([]);
  });

  it('never shows a rule id in a card title or message', () => {
    for (const c of [...cards, ...cards.flatMap((k) => k.children ?? [])]) {
      expect(`${c.title}${c.message}`).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
