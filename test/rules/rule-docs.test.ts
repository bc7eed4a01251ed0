import { readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES } from '../../src/core/rules';
import { renderRuleDocs } from '../../src/core/rules/docs';
import { renderRulesFile } from '../../scripts/gen-rule-docs';

describe('docs/rules.md', () => {
  it('is up to date (run `npm run docs:rules`)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(committed).toBe(renderRulesFile());
  });

  it('documents every rule', () => {
    const md = renderRuleDocs();
    for (const r of ALL_RULES) expect(md).toContain(`### ${r.id}`);
  });
});
