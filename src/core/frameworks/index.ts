import type { ProjectTable } from '../model';
import type { FrameworkId } from '../settings';
import { bigrams, compact, editDistance } from '../text';
import { CAIYU101 } from './caiyu101';
import { HEBEI88 } from './hebei88';
import type { Framework, FrameworkKey, Level1Def } from './types';

export { HEBEI88, CAIYU101 };
export type { Framework, FrameworkKey, Level1Def, Level2Def } from './types';

export const FRAMEWORKS: Record<FrameworkKey, Framework> = { hebei88: HEBEI88, caiyu101: CAIYU101 };

/**
 * Comparison key of a category name: width/space folded, brackets and the "指标"/"类" suffix dropped,
 * so "数量"、"数量指标"、"数量 指标"、"（数量指标）" all compare equal.
 */
export function categoryKey(name: string): string {
  return compact(name)
    .replace(/[()（）【】[\]“”"':：]/gu, '')
    .replace(/(类)?指标$/u, '')
    .replace(/类$/u, '');
}

export function findLevel1(fw: Framework, name: string): Level1Def | undefined {
  const key = categoryKey(name);
  if (!key) return undefined;
  return fw.level1.find((l1) => categoryKey(l1.name) === key);
}

/** The 一级 that owns a 二级 name in this framework. */
export function findLevel2(fw: Framework, name: string): { level1: Level1Def; name: string } | undefined {
  const key = categoryKey(name);
  if (!key) return undefined;
  for (const l1 of fw.level1) {
    for (const l2 of l1.level2) {
      // "服务对象满意度" and "满意度" both name the only 满意度 sub-category.
      if (categoryKey(l2.name) === key || (key === '满意度' && l1.name === '满意度指标')) return { level1: l1, name: l2.name };
    }
  }
  return undefined;
}

/** Every category name (一级 and 二级) of both frameworks, official spelling. */
export const ALL_CATEGORY_NAMES: readonly string[] = Array.from(
  new Set(
    Object.values(FRAMEWORKS).flatMap((fw) => fw.level1.flatMap((l1) => [l1.name, ...l1.level2.map((l2) => l2.name)])),
  ),
);

/** 成本指标 as a 一级 name means the 101号 layout; anything else is read as 88号. */
export function detectFramework(table: Pick<ProjectTable, 'indicators'>): FrameworkKey {
  return table.indicators.some((r) => categoryKey(r.level1.text) === '成本') ? 'caiyu101' : 'hebei88';
}

export function frameworkFor(table: Pick<ProjectTable, 'indicators'>, setting: FrameworkId): Framework {
  return FRAMEWORKS[setting === 'auto' ? detectFramework(table) : setting];
}

/** "Did you mean": the closest candidate by edit distance on keys, or by shared characters; undefined when none is close. */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const key = categoryKey(name);
  if (!key) return undefined;
  let best: { name: string; score: number } | undefined;
  for (const c of candidates) {
    const ck = categoryKey(c);
    if (!ck) continue;
    if (key.includes(ck) || ck.includes(key)) {
      const score = Math.abs(ck.length - key.length) * 0.5;
      if (!best || score < best.score) best = { name: c, score };
      continue;
    }
    const d = editDistance(key, ck);
    const limit = Math.max(1, Math.floor(Math.max(key.length, ck.length) / 2));
    const shared = [...bigrams(key)].filter((b) => bigrams(ck).has(b)).length;
    if (d <= limit || shared > 0) {
      const score = d - shared;
      if (!best || score < best.score) best = { name: c, score };
    }
  }
  return best?.name;
}
