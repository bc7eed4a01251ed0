/** Turns a template into concrete rows for one framework, with the clerk's figures filled or marked. */
import { categoryKey, FRAMEWORKS, type FrameworkKey } from '../frameworks';
import type { ProjectTemplate, Slot, TemplateIndicator } from './types';

/** The mark left in a cell for a figure the clerk must supply; recognised by rule template-input. */
export function inputMarker(label: string): string {
  return `【请填写${label}】`;
}

export interface RenderOptions {
  framework: FrameworkKey;
  /** Budget year, e.g. 2025. */
  year: number;
  /** Figures by input label; a missing or blank one stays as 【请填写…】. */
  values?: Readonly<Record<string, string | number | undefined>>;
  /** 预算数 of the project (万元), fills inputs marked auto: 'budget'. */
  budget?: number;
  /** Project name to use instead of the template's sample name. */
  projectName?: string;
}

export interface RenderedRow {
  slot: Slot;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value: string;
  basis: string;
  /** Labels of inputs still unfilled in this row. */
  missing: string[];
}

export interface RenderedTemplate {
  template: ProjectTemplate;
  framework: FrameworkKey;
  projectName: string;
  fundUse: string;
  goal: string;
  rows: RenderedRow[];
  /** Every input label left unfilled anywhere, in template order. */
  missing: string[];
}

const SLOT_KEYS: Record<Slot, string[]> = {
  数量: ['数量'],
  质量: ['质量'],
  时效: ['时效'],
  成本: ['成本', '经济成本'],
  经济效益: ['经济效益'],
  社会效益: ['社会效益'],
  生态效益: ['生态效益'],
  可持续影响: ['可持续影响'],
  满意度: ['服务对象满意度'],
};

/** Frameworks a template can be laid out in; other detected sets fall back by where they put 成本. */
export type TemplateFramework = 'caiyu88' | 'caiyu101';

export function templateFramework(key: FrameworkKey): TemplateFramework {
  if (key === 'caiyu88' || key === 'caiyu101') return key;
  return FRAMEWORKS[key].level1.some((l) => categoryKey(l.name) === '成本') ? 'caiyu101' : 'caiyu88';
}

/** 一级/二级 names of a slot in a framework, and its position for ordering. */
export function slotLevels(framework: FrameworkKey, slot: Slot): { level1: string; level2: string; order: number } {
  const fw = FRAMEWORKS[templateFramework(framework)];
  let order = 0;
  for (const l1 of fw.level1) {
    for (const l2 of l1.level2) {
      if (SLOT_KEYS[slot].includes(categoryKey(l2.name))) return { level1: l1.name, level2: l2.name, order };
      order++;
    }
  }
  throw new Error(`框架 ${framework} 没有“${slot}”类指标`);
}

/** Every {name} referenced in a pattern. */
export function referencedNames(pattern: string): string[] {
  return Array.from(pattern.matchAll(/\{([^{}]+)\}/gu), (m) => m[1]);
}

export function formatAmount(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function filler(template: ProjectTemplate, opts: RenderOptions): (pattern: string, missing: string[]) => string {
  return (pattern, missing) =>
    pattern.replace(/\{([^{}]+)\}/gu, (_, name: string) => {
      if (name === '年度') return String(opts.year);
      if (name === '下年度') return String(opts.year + 1);
      const input = template.inputs.find((i) => i.label === name);
      if (!input) throw new Error(`模板“${template.title}”引用了未定义的数据“${name}”`);
      const given = opts.values?.[name];
      if (given !== undefined && String(given).trim() !== '') return String(given).trim();
      if (input.auto === 'budget' && opts.budget !== undefined && opts.budget > 0) return formatAmount(opts.budget);
      if (!missing.includes(name)) missing.push(name);
      return inputMarker(name);
    });
}

/** The template as table content for a framework. Never throws for a valid template (checked by tests). */
export function renderTemplate(template: ProjectTemplate, opts: RenderOptions): RenderedTemplate {
  const fill = filler(template, opts);
  const missingAll: string[] = [];
  const rows = template.indicators
    .map((ind: TemplateIndicator, i) => {
      const missing: string[] = [];
      const { level1, level2, order } = slotLevels(opts.framework, ind.slot);
      const row: RenderedRow = {
        slot: ind.slot,
        level1,
        level2,
        level3: fill(ind.name, missing),
        description: fill(ind.description, missing),
        value: fill(ind.value, missing),
        basis: `${ind.basis}：${fill(ind.source, missing)}`,
        missing,
      };
      return { row, order, i };
    })
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map((x) => x.row);
  const head: string[] = [];
  const projectName = opts.projectName?.trim() || fill(template.sampleName, head);
  const fundUse = fill(template.fundUse, head);
  const goal = fill(template.goal, head);
  for (const l of [...head, ...rows.flatMap((r) => r.missing)]) if (!missingAll.includes(l)) missingAll.push(l);
  const order = template.inputs.map((i) => i.label);
  missingAll.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { template, framework: opts.framework, projectName, fundUse, goal, rows, missing: missingAll };
}

/** Sample figures of a template, for previews and tests. */
export function sampleValues(template: ProjectTemplate): Record<string, string> {
  return Object.fromEntries(template.inputs.map((i) => [i.label, i.sample]));
}
