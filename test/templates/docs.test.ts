import { readFileSync } from 'fs';
import { join } from 'path';
import { TEMPLATES } from '../../src/core/templates';
import { renderTemplateDocs } from '../../src/core/templates/docs';

describe('docs/templates.md', () => {
  it('is up to date (run `npm run docs:templates`)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'templates.md'), 'utf8');
    expect(committed).toBe(renderTemplateDocs());
  });

  it('documents every template and every indicator', () => {
    const md = renderTemplateDocs();
    for (const t of TEMPLATES) {
      expect(md).toContain(`### ${t.title}（${t.id}）`);
      for (const i of t.indicators) expect(md).toContain(i.description.replace(/\{年度\}/g, '2025'));
    }
  });
});
