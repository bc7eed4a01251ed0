/** Regenerates docs/rules.md from the rule metadata: `npm run docs:rules`. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { renderRuleDocs } from '../src/core/rules/docs';

const out = join(__dirname, '..', 'docs', 'rules.md');
writeFileSync(out, renderRuleDocs(), 'utf8');
console.log(`已生成 ${out}`);
