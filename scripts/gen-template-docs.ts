/** Regenerates docs/templates.md from the template library: `npm run docs:templates`. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { renderTemplateDocs } from '../src/core/templates/docs';

const out = join(__dirname, '..', 'docs', 'templates.md');
writeFileSync(out, renderTemplateDocs(), 'utf8');
console.log(`已生成 ${out}`);
