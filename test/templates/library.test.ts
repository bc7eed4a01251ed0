import type { FrameworkKey } from '../../src/core/frameworks';
import { ALL_RULES } from '../../src/core/rules';
import { runRuleSet } from '../../src/core/rules/engine';
import { withDefaults } from '../../src/core/settings';
import { TEMPLATES, findTemplate, renderTemplate, sampleValues, type ProjectTemplate } from '../../src/core/templates';
import { referencedNames } from '../../src/core/templates/render';
import { buildWorkbook } from '../helpers/ruleTester';
import type { TableSpec } from '../../src/core/testing/tableSpec';

const FRAMEWORKS: FrameworkKey[] = ['caiyu88', 'caiyu101'];
const YEAR = 2025;

function budgetOf(t: ProjectTemplate): number {
  return Number(t.inputs.find((i) => i.auto === 'budget')!.sample);
}

function specOf(t: ProjectTemplate, framework: FrameworkKey, values: Record<string, string>): TableSpec {
  const r = renderTemplate(t, { framework, year: YEAR, values });
  const budget = budgetOf(t);
  return {
    name: r.projectName,
    budget,
    fiscal: budget,
    fundUse: r.fundUse,
    goal: r.goal,
    indicators: r.rows.map((row, i) => [
      i > 0 && r.rows[i - 1].level1 === row.level1 ? '' : row.level1,
      row.level2,
      row.level3,
      row.description,
      row.value,
      row.basis,
    ]),
  };
}

const cases = TEMPLATES.flatMap((t) => FRAMEWORKS.map((fw) => [t.id, fw, t] as const));

describe('template library', () => {
  it('has at least 14 kinds with unique ids and titles', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(14);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => t.title)).size).toBe(TEMPLATES.length);
    expect(findTemplate('会议')?.id).toBe('meeting');
    expect(findTemplate('meeting')?.title).toBe('会议');
    expect(findTemplate('不存在')).toBeUndefined();
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: every input is used, every reference is an input', (_, t) => {
    const texts = [t.sampleName, t.fundUse, t.goal, ...t.indicators.flatMap((i) => [i.name, i.description, i.value, i.source])];
    const refs = new Set(texts.flatMap(referencedNames));
    for (const name of refs) expect(['年度', '下年度', ...t.inputs.map((i) => i.label)]).toContain(name);
    for (const input of t.inputs) expect([...refs]).toContain(input.label);
    // Each figure the clerk supplies appears in exactly one indicator value.
    for (const input of t.inputs) {
      expect(t.indicators.filter((i) => referencedNames(i.value).includes(input.label)).length).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: covers 数量, 质量, 时效, 成本, a benefit and 满意度; values state operator and unit', (_, t) => {
    const slots = new Set(t.indicators.map((i) => i.slot));
    for (const s of ['数量', '质量', '时效', '成本', '满意度'] as const) expect(slots).toContain(s);
    expect(['经济效益', '社会效益', '生态效益'].some((s) => slots.has(s as never))).toBe(true);
    for (const i of t.indicators) {
      expect(i.description).not.toBe(i.name);
      expect(i.description.length).toBeGreaterThan(i.name.length);
      expect(i.value).not.toMatch(/\*\*|XX|待定/);
    }
  });

  it.each(cases)('%s (%s) with sample figures passes every rule with no error and no warning', (_, framework, t) => {
    const wb = buildWorkbook([specOf(t, framework, sampleValues(t))]);
    const findings = runRuleSet(ALL_RULES, wb, withDefaults({ framework }));
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.ref.address} ${f.message}`)).toEqual([]);
  });

  it.each(cases)('%s (%s) with figures left empty yields one “请填写…” per input and nothing else', (_, framework, t) => {
    const wb = buildWorkbook([specOf(t, framework, {})]);
    const findings = runRuleSet(ALL_RULES, wb, withDefaults({ framework })).filter((f) => f.severity !== 'info');
    const labels = t.inputs.filter((i) => i.auto !== 'budget').map((i) => i.label);
    // The budget input is left empty too (no budget given to renderTemplate).
    labels.push('项目预算');
    expect(findings.map((f) => f.ruleId)).toEqual(findings.map(() => 'template-input'));
    expect(findings.map((f) => f.message.match(/“【请填写([^】]+)】”/)?.[1]).sort()).toEqual([...labels].sort());
  });

  it('fills the budget input from the project budget', () => {
    const t = findTemplate('meeting')!;
    const r = renderTemplate(t, { framework: 'caiyu101', year: 2026, budget: 18.5 });
    expect(r.rows.find((x) => x.slot === '成本' && x.value.startsWith('≤18.5万元'))).toBeDefined();
    expect(r.missing).not.toContain('项目预算');
    expect(r.rows[0].level1).toBe('成本指标');
    expect(r.rows[0].level2).toBe('经济成本指标');
    expect(r.goal).toContain('2026年');
  });
});
