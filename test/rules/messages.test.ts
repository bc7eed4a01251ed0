/**
 * Every message a clerk reads is a 审核意见: no English words or rule ids, no colloquialisms, the cell's own
 * address not repeated, a full sentence. Run over the example workbook, the xlsx layout variants and the
 * projects of other lines of work, plus the fix descriptions and the rule docs.
 */
import type { Finding } from '../../src/core/findings';
import type { Grid } from '../../src/core/grid';
import { ALL_RULES } from '../../src/core/rules';
import { validateGrids } from '../../src/core/validate';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import { readGridsFromBuffer } from '../../src/hosts/file/read';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { EXAMPLE } from '../fixtures/files';
import * as variants from '../fixtures/variants';
import { BANNED_PHRASES, messageProblems } from '../helpers/messageStyle';
import { BASE_SPEC, withIndicator } from '../helpers/ruleTester';
import { PROJECTS } from './domain-projects';

let findings: Finding[] = [];

beforeAll(async () => {
  const grids: Grid[] = [...(await readGridsFromFile(EXAMPLE))];
  for (const [name, make] of Object.entries(variants)) {
    if (!/Workbook$/.test(name) || typeof make !== 'function') continue;
    grids.push(...(await readGridsFromBuffer(await variants.toBuffer((make as () => Parameters<typeof variants.toBuffer>[0])()))));
  }
  // Tables with many defects, so that most messages are produced at least once.
  const broken = [
    withIndicator(0, { 3: '', 4: '≤4' }),
    withIndicator(1, { 4: '≥90%', 5: '' }),
    withIndicator(3, { 4: '按计划完成' }),
    withIndicator(4, { 4: '≥90%' }),
    withIndicator(7, { 2: '满意度', 4: '≥100%' }),
    withIndicator(2, { 2: '设施完好率', 4: '≥3个' }),
  ];
  grids.push(gridFromSpecs([BASE_SPEC, ...broken, ...Object.values(PROJECTS)], '其他表'));
  findings = grids.flatMap((g) => validateGrids([g]).findings);
});

describe('rule messages', () => {
  it('are produced by most rules on these tables', () => {
    expect(new Set(findings.map((f) => f.ruleId)).size).toBeGreaterThan(ALL_RULES.length * 0.6);
  });

  it('are formal zh-CN sentences without English, colloquialisms or a repeated address', () => {
    const bad = findings.map((f) => ({ f, p: messageProblems(f) })).filter((x) => x.p.length);
    expect(bad.map(({ f, p }) => `${f.ruleId} ${f.ref.address} ${p.join('; ')}: ${f.message}`)).toEqual([]);
  });

  it('fix descriptions and fixed texts carry no placeholders and no English', () => {
    for (const f of findings.filter((x) => x.fix)) {
      expect([f.ruleId, /\*\*|××|XX|……/u.test(f.fix!.to)]).toEqual([f.ruleId, false]);
      expect([f.ruleId, f.fix!.description.replace(/“[^”]*”/gu, '').match(/[A-Za-z]{2,}/u)]).toEqual([f.ruleId, null]);
    }
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))('%s: title and docs are formal zh-CN', (_id, r) => {
    for (const text of [r.meta.title, r.meta.docs]) {
      expect(text.replace(/“[^”]*”/gu, '').match(/[A-Za-z]{2,}/gu)).toBeNull();
      for (const p of BANNED_PHRASES) expect([r.id, p, text.includes(p)]).toEqual([r.id, p, false]);
    }
  });
});
