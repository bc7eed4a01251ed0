import { ALL_RULES } from '../../src/core/rules';
import { runRuleSet } from '../../src/core/rules/engine';
import { withDefaults } from '../../src/core/settings';
import { BASE_SPEC, buildWorkbook } from '../helpers/ruleTester';

describe('clean reference table', () => {
  it('parses as one table with all indicator rows', () => {
    const wb = buildWorkbook([BASE_SPEC]);
    expect(wb.tables).toHaveLength(1);
    expect(wb.tables[0].indicators).toHaveLength(BASE_SPEC.indicators.length);
  });

  it('yields no errors and no warnings from all rules together', () => {
    const findings = runRuleSet(ALL_RULES, buildWorkbook([BASE_SPEC]), withDefaults({ midYearMinimum: 40 }));
    const loud = findings.filter((f) => f.severity !== 'info');
    expect(loud.map((f) => `${f.ruleId} ${f.ref.address} ${f.message}`)).toEqual([]);
  });

  it('yields nothing at all, not even info', () => {
    const findings = runRuleSet(ALL_RULES, buildWorkbook([BASE_SPEC]), withDefaults({}));
    expect(findings.map((f) => `${f.ruleId} ${f.ref.address} ${f.message}`)).toEqual([]);
  });

  it('every rule has a unique kebab-case id', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
