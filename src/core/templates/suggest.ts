/** Ranks templates for a project from its name, 资金用途, 绩效目标 and budget, with the reasons in zh-CN. */
import type { ProjectTable } from '../model';
import { compact } from '../text';
import { TEMPLATES } from './index';
import type { ProjectTemplate } from './types';

export interface ProjectFacts {
  name?: string;
  fundUse?: string;
  goal?: string;
  /** 预算数 in 万元. */
  budget?: number;
}

export interface Suggestion {
  template: ProjectTemplate;
  score: number;
  /** zh-CN reasons, e.g. "项目名称提到“驻村”". */
  reasons: string[];
}

const FIELDS: { key: keyof Omit<ProjectFacts, 'budget'>; label: string; weight: number }[] = [
  { key: 'name', label: '项目名称', weight: 3 },
  { key: 'fundUse', label: '资金用途', weight: 2 },
  { key: 'goal', label: '绩效目标', weight: 1 },
];

/** Weight of a template's generic words (weakKeywords). */
const WEAK_WEIGHT = 0.4;

/** The first keywords of a template are its strongest; longer keywords are more specific. */
function keywordWeight(index: number, keyword: string): number {
  return (index < 3 ? 1.5 : 1) * (Array.from(keyword).length >= 3 ? 1.25 : 1);
}

/** Keywords that are only part of a longer matched keyword of the same template count once. */
function hits(text: string, template: ProjectTemplate): { keyword: string; weight: number }[] {
  const all = [
    ...template.keywords.map((keyword, index) => ({ keyword, weight: keywordWeight(index, keyword) })),
    ...(template.weakKeywords ?? []).map((keyword) => ({ keyword, weight: WEAK_WEIGHT })),
  ];
  const found = all.filter((k) => text.includes(compact(k.keyword)));
  return found.filter((k) => !found.some((o) => o !== k && o.keyword.length > k.keyword.length && o.keyword.includes(k.keyword)));
}

/** Ranked templates, best first; templates with no evidence, or only generic words, are left out. */
export function suggestTemplates(facts: ProjectFacts, templates: readonly ProjectTemplate[] = TEMPLATES): Suggestion[] {
  const texts = FIELDS.map((f) => ({ ...f, text: compact(facts[f.key] ?? '') }));
  const out: Suggestion[] = [];
  for (const template of templates) {
    let score = 0;
    let strong = false;
    const reasons: string[] = [];
    for (const f of texts) {
      if (!f.text) continue;
      const found = hits(f.text, template);
      if (found.length === 0) continue;
      for (const h of found) score += f.weight * h.weight;
      strong ||= found.some((h) => h.weight > WEAK_WEIGHT);
      reasons.push(`${f.label}提到${found.map((h) => `“${h.keyword}”`).join('、')}`);
    }
    // Generic words alone ("保障", "综合") are no evidence of a kind: such a template is not suggested.
    if (strong) out.push({ template, score: Math.round(score * 100) / 100, reasons });
  }
  // Ties go to the template whose typical budget is closest to this project's.
  const scale = (t: ProjectTemplate): number => {
    const sample = Number(t.inputs.find((i) => i.auto === 'budget')?.sample);
    return facts.budget && facts.budget > 0 && sample > 0 ? Math.abs(Math.log(facts.budget / sample)) : 0;
  };
  return out.sort((a, b) => b.score - a.score || scale(a.template) - scale(b.template));
}

/** Facts of a parsed table: the 资金用途 loses a leading project code ("13020925P…-"). */
export function factsOf(table: ProjectTable): ProjectFacts {
  return {
    name: table.projectName?.text ?? table.title?.text,
    fundUse: table.fundUse?.text.replace(/^[0-9A-Z]{12,}[-－—\s]*/u, ''),
    goal: table.goal?.text,
    budget: table.budget?.amount,
  };
}

export function suggestForTable(table: ProjectTable): Suggestion[] {
  return suggestTemplates(factsOf(table));
}

/** "推荐“驻村帮扶”：项目名称提到“驻村”；资金用途提到“工作队”". */
export function explain(s: Suggestion): string {
  return `推荐“${s.template.title}”：${s.reasons.join('；')}`;
}
