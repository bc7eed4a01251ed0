/**
 * Regenerates docs/rules.md: `npm run docs:rules`. The rule reference comes from the rule metadata; the last
 * section (precision and recall on the real phrasing corpus) is measured by running the rules over
 * test/fixtures/phrasings/.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { renderRuleDocs } from '../src/core/rules/docs';
import { renderPhrasingSection } from '../test/fixtures/phrasings/evaluate';

/** The whole of docs/rules.md (also compared by test/rules/rule-docs.test.ts). */
export function renderRulesFile(): string {
  return `${renderRuleDocs()}\n${renderPhrasingSection()}`;
}

if (require.main === module) {
  const out = join(__dirname, '..', 'docs', 'rules.md');
  writeFileSync(out, renderRulesFile(), 'utf8');
  console.log(`已生成 ${out}`);
}
