import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { ALL_RULES } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/types';

const RULES_DIR = join(__dirname, '..', '..', 'src', 'core', 'rules');

describe('rule registry', () => {
  const modules = readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.ts'))
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every rule module, loaded by file name
    .map((f) => ({ file: f, mod: require(join(RULES_DIR, f)) as { rule?: Rule } }))
    .filter((m) => m.mod.rule);

  it('registers every rule module in ALL_RULES, under its file name', () => {
    expect(modules.map((m) => m.mod.rule!.id).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    for (const m of modules) expect(m.file).toBe(`${m.mod.rule!.id}.ts`);
  });

  it('names rules in lower-case ASCII words joined by hyphens (findings sort by id in code-unit order)', () => {
    for (const r of ALL_RULES) expect(r.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
  });

  it.each(ALL_RULES.map((r) => [r.id]))('%s has its own test file', (id) => {
    expect(existsSync(join(__dirname, `${id}.test.ts`))).toBe(true);
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))('%s docs are a zh-CN paragraph that says how to fix', (_id, r) => {
    expect(r.meta.docs).toMatch(/[\u4e00-\u9fff]/);
    expect(r.meta.docs.length).toBeGreaterThan(60);
  });
});
