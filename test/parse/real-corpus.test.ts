/**
 * Real forms of other provinces and cities (test/fixtures/real): each is parsed as its source prints it, and
 * the full checker runs on it. No finding may point outside the table; no error or warning may fall on a cell
 * judged correct; the real defects are found (those today's rules miss are listed in KNOWN_MISFIRES.md and
 * run as test.failing, so they turn red the day a rule starts finding them).
 */
import { parseA1, type CellRef } from '../../src/core/grid';
import type { Field, ProjectTable } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse';
import { partOfRef } from '../../src/core/parse/query';
import { validateGrids } from '../../src/core/validate';
import { REAL_TABLES, realGrid } from '../fixtures/real';

const parseOne = (t: (typeof REAL_TABLES)[number]): ProjectTable => {
  const wb = parseWorkbook([realGrid(t)]);
  expect(wb.tables).toHaveLength(1);
  return wb.tables[0];
};

function fieldsOf(table: ProjectTable): Field[] {
  const top = [table.title, table.unitName, table.projectCode, table.projectName, table.budget, table.fiscal, table.carryover, table.other];
  const more = [table.fundUse, table.goal, table.midTermGoal, table.goalActual, table.department, table.implementer, table.manager];
  const rows = table.indicators.flatMap((r) => [
    r.level1, r.level2, r.level3, r.description, r.value, r.basis, ...Object.values(r.extra ?? {}), ...(r.grades ?? []),
  ]);
  const sched = table.schedule.flatMap((p) => [p.label, ...(p.value ? [p.value] : [])]);
  return [...top, ...more, ...rows, ...sched].filter((f): f is Field => f !== undefined);
}

const inside = (t: ProjectTable, ref: CellRef) =>
  ref.row >= t.top && ref.row <= t.bottom && ref.col >= (t.left ?? 0) && ref.col <= (t.right ?? Infinity);

describe('real-form corpus', () => {
  test('at least 10 tables from 6 provinces and the 3 kinds 申报, 批复, 自评', () => {
    expect(REAL_TABLES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(REAL_TABLES.map((t) => t.province)).size).toBeGreaterThanOrEqual(6);
    const kinds = new Set(REAL_TABLES.map((t) => t.kind));
    for (const kind of ['申报', '批复', '自评'] as const) expect(kinds.has(kind)).toBe(true);
  });

  describe.each(REAL_TABLES.map((t) => [t.id, t] as const))('%s', (_id, real) => {
    test('parses identity, money, goal and every indicator row at its address', () => {
      const t = parseOne(real);
      const e = real.expect;
      expect([t.projectName?.ref.address, t.projectName?.text]).toEqual(e.projectName ?? [undefined, undefined]);
      if (e.budget) expect([t.budget?.ref.address, t.budget?.amount]).toEqual(e.budget);
      if (e.fiscal) expect([t.fiscal?.ref.address, t.fiscal?.amount]).toEqual(e.fiscal);
      if (e.goal) {
        expect(t.goal?.ref.address).toBe(e.goal[0]);
        expect(t.goal?.text).toMatch(e.goal[1]);
      }
      if (e.midTermGoal) {
        expect(t.midTermGoal?.ref.address).toBe(e.midTermGoal[0]);
        expect(t.midTermGoal?.text).toMatch(e.midTermGoal[1]);
      }
      if (e.department) expect(t.department?.text).toBe(e.department);
      if (e.implementer) expect(t.implementer?.text).toBe(e.implementer);
      expect((t.columns ?? []).map((c) => c.key)).toEqual(e.columns);
      expect((t.parts ?? []).map((p) => [p.kind, p.indicators.length])).toEqual(e.parts ?? []);
      expect(t.uncertain ?? []).toEqual(e.uncertain ?? []);
      if (e.uncertain) {
        // A layout it cannot read: said once, in one note on the table.
        expect(t.notes.filter((n) => /未能可靠读取/.test(n.message))).toHaveLength(1);
      } else {
        expect(t.indicators.map((r) => [r.level3.ref.address, r.level3.text, r.value.ref.address, r.value.text])).toEqual(e.indicators);
      }
    });

    test('every field it reads lies inside the table; absent columns are flagged, not invented', () => {
      const t = parseOne(real);
      for (const f of fieldsOf(t)) {
        if (f.absent) expect(inside(t, f.ref)).toBe(false);
        else expect({ address: f.ref.address, inside: inside(t, f.ref) }).toEqual({ address: f.ref.address, inside: true });
      }
    });

    test('no finding outside the table; no error or warning on a cell judged correct', () => {
      const { parsed, findings } = validateGrids([realGrid(real)]);
      const t = parsed.tables[0];
      for (const f of findings) expect({ at: f.ref.address, rule: f.ruleId, inside: inside(t, f.ref) }).toMatchObject({ inside: true });
      const known = new Set((real.misfires ?? []).map((m) => `${m.ref}|${m.rule}`));
      const loud = findings.filter(
        (f) => f.severity !== 'info' && real.correct.includes(f.ref.address) && !known.has(`${f.ref.address}|${f.ruleId}`),
      );
      expect(loud.map((f) => `${f.ref.address} ${f.ruleId}: ${f.message}`)).toEqual([]);
      // Where the parser said it is unsure, no error or warning follows from the unsure reading.
      for (const part of real.expect.uncertain ?? []) {
        const inPart = findings.filter((f) => f.severity !== 'info' && partOfRef(t, f.ref) === part);
        expect(inPart.map((f) => `${f.ref.address} ${f.ruleId}`)).toEqual([]);
      }
    });

    if (real.misfires?.length) {
      // Listed in KNOWN_MISFIRES.md: when a rule stops misfiring, this fails and the entry is removed.
      test('known misfires (KNOWN_MISFIRES.md) still happen', () => {
        const { findings } = validateGrids([realGrid(real)]);
        const got = new Set(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ref.address}|${f.ruleId}`));
        expect(real.misfires!.filter((m) => !got.has(`${m.ref}|${m.rule}`))).toEqual([]);
      });
    }

    const found = real.defects.filter((d) => !d.missed);
    const missed = real.defects.filter((d) => d.missed);
    if (found.length) {
      test.each(found.map((d) => [d.ref, d] as const))('finds the real defect at %s', (_ref, d) => {
        const { findings } = validateGrids([realGrid(real)]);
        expect(parseA1(d.ref)).toBeDefined();
        expect(findings.filter((f) => f.ref.address === d.ref && d.rules.includes(f.ruleId)).map((f) => f.ruleId)).not.toEqual([]);
      });
    }
    if (missed.length) {
      // Listed in KNOWN_MISFIRES.md for i9-rules: these fail today and turn red once a rule finds them.
      test.failing.each(missed.map((d) => [d.ref, d] as const))('finds the real defect at %s (known miss)', (_ref, d) => {
        const { findings } = validateGrids([realGrid(real)]);
        expect(findings.filter((f) => f.ref.address === d.ref && d.rules.includes(f.ruleId)).map((f) => f.ruleId)).not.toEqual([]);
      });
    }
  });
});
