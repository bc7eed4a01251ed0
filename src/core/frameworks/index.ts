/**
 * Indicator frameworks (一级/二级 category sets) as data, one file per official set, and the detection of the
 * framework a table follows — from the table's own 一级/二级 names, falling back on the rest of its workbook.
 */
import type { IndicatorRow, ParsedWorkbook, ProjectTable } from '../model';
import type { FrameworkId } from '../settings';
import { bigrams, compact, editDistance } from '../text';
import { CAIYU101 } from './caiyu101';
import { CAIYU88 } from './caiyu88';
import { DONGGUAN } from './dongguan';
import { GONGXING53 } from './gongxing53';
import { PINGJIA10 } from './pingjia10';
import { SHENBAO_TOURU } from './shenbaoTouru';
import { SICHUAN } from './sichuan';
import { memoByString } from '../memo';
import { FRAMEWORK_ALIASES, type Framework, type FrameworkKey, type Level1Def } from './types';
import { ZHUANYI163 } from './zhuanyi163';

export { CAIYU88, CAIYU101, ZHUANYI163, GONGXING53, PINGJIA10, SHENBAO_TOURU, DONGGUAN, SICHUAN, FRAMEWORK_ALIASES };
export type { Framework, FrameworkKey, FrameworkSource, Level1Def, Level2Def } from './types';

export const FRAMEWORKS: Readonly<Record<FrameworkKey, Framework>> = {
  caiyu88: CAIYU88,
  caiyu101: CAIYU101,
  zhuanyi163: ZHUANYI163,
  'shenbao-touru': SHENBAO_TOURU,
  dongguan: DONGGUAN,
  sichuan: SICHUAN,
  gongxing53: GONGXING53,
  pingjia10: PINGJIA10,
};

/** Every framework in detection order: the first one wins a tie. */
export const FRAMEWORK_LIST: readonly Framework[] = Object.values(FRAMEWORKS);

/** The framework key a setting value names ('hebei88' is the old name of 'caiyu88'); undefined when unknown. */
export function resolveFrameworkId(id: string): FrameworkKey | 'auto' | undefined {
  if (id === 'auto') return 'auto';
  if (Object.prototype.hasOwnProperty.call(FRAMEWORKS, id)) return id as FrameworkKey;
  return Object.prototype.hasOwnProperty.call(FRAMEWORK_ALIASES, id) ? FRAMEWORK_ALIASES[id] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/** A score or weight appended to a category name: "（50分）", "(20)", "（权重30%）", "50分". */
const SCORE_SUFFIX = /(?:[([【]\s*(?:权重|分值|满分|分数)?[:：]?\s*\d+(?:\.\d+)?\s*(?:分|%)?\s*[)\]】]|\d+(?:\.\d+)?分)$/u;
/** Numbering and required-field marks in front: "一、", "1.", "（一）", "★". */
const NUMBER_PREFIX = /^(?:[★☆*※]+|[([（][一二三四五六七八九十\d]+[)\]）]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d))/u;

/**
 * Comparison key of a category name: width/space folded, numbering, scores and brackets dropped, and the
 * "指标"/"目标"/"类" suffix removed, so "数量"、"数量指标"、"数量 指标"、"（数量指标）"、"数量指标(20分)" compare equal.
 */
export const categoryKey = memoByString((name: string): string => {
  let s = compact(name);
  for (let i = 0; i < 3; i++) {
    const next = s.replace(NUMBER_PREFIX, '').replace(SCORE_SUFFIX, '');
    if (next === s) break;
    s = next;
  }
  const key = s
    // A note in brackets after the name: "数量指标（或建筑规模指标）", "时效指标（工期指标、形象进度指标）".
    .replace(/(指标|目标)[(（][^()（）]*[)）]$/u, '$1')
    .replace(/[()（）【】[\]“”"'‘’:：]/gu, '')
    // "服务对象满意度指标等" as printed on some forms.
    .replace(/等$/u, '')
    .replace(/(类)?(指标|目标)$/u, '')
    .replace(/类$/u, '');
  return key;
}, 5000);

interface Index {
  level1: Map<string, Level1Def>;
  /** 二级 key → owners (a customary name may sit under more than one 一级 in evaluation frameworks). */
  level2: Map<string, { level1: Level1Def; name: string; official: boolean }[]>;
}

const INDEX = new WeakMap<Framework, Index>();

// The lookup is hot (every category name of every table) and the build runs once per framework: two functions,
// so the optimising compiler compiles the small lookup alone.
function indexOf(fw: Framework): Index {
  return INDEX.get(fw) ?? buildIndex(fw);
}

function buildIndex(fw: Framework): Index {
  const idx: Index = { level1: new Map(), level2: new Map() };
  for (const l1 of fw.level1) {
    for (const n of [l1.name, ...(l1.aliases ?? [])]) if (!idx.level1.has(categoryKey(n))) idx.level1.set(categoryKey(n), l1);
    for (const l2 of l1.level2) {
      for (const n of [l2.name, ...(l2.aliases ?? [])]) {
        const k = categoryKey(n);
        const list = idx.level2.get(k) ?? [];
        if (!list.some((e) => e.level1 === l1)) list.push({ level1: l1, name: l2.name, official: n === l2.name });
        idx.level2.set(k, list);
      }
    }
  }
  INDEX.set(fw, idx);
  return idx;
}

/** The standard category key a 一级 plays ("产出" for 东莞's "预期产出指标"). */
export function level1Key(def: Level1Def): string {
  return def.role ?? categoryKey(def.name);
}

export function findLevel1(fw: Framework, name: string): Level1Def | undefined {
  const key = categoryKey(name);
  return key ? indexOf(fw).level1.get(key) : undefined;
}

/**
 * The 一级 that owns a 二级 name in this framework. When the name sits under several 一级, the one named by
 * level1Name wins.
 */
export function findLevel2(fw: Framework, name: string, level1Name?: string): { level1: Level1Def; name: string } | undefined {
  const key = categoryKey(name);
  if (!key) return undefined;
  const owners = indexOf(fw).level2.get(key);
  if (!owners) return undefined;
  let hit = owners[0];
  if (owners.length > 1 && level1Name) {
    const l1 = findLevel1(fw, level1Name);
    hit = owners.find((o) => o.level1 === l1) ?? hit;
  }
  return { level1: hit.level1, name: hit.name };
}

/** Every category name (一级 and 二级, official spellings and aliases) of every framework. */
export const ALL_CATEGORY_NAMES: readonly string[] = Array.from(
  new Set(
    FRAMEWORK_LIST.flatMap((fw) =>
      fw.level1.flatMap((l1) => [l1.name, ...(l1.aliases ?? []), ...l1.level2.flatMap((l2) => [l2.name, ...(l2.aliases ?? [])])]),
    ),
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Detection

export interface FrameworkDetection {
  framework: Framework;
  /**
   * True when the table alone does not tell which framework it follows and the candidates disagree on some of
   * its names (or no framework holds all its 一级 names): findings that depend on the framework should be info.
   */
  ambiguous: boolean;
  /** Frameworks whose 一级 set holds every recognised 一级 name of the table (the detected one first). */
  fitting: Framework[];
}

interface Pair {
  l1: string;
  l2: string;
}

/** A distinct (一级, 二级) pair of a table with its pairScore in each framework of FRAMEWORK_LIST, in that order. */
interface ScoredPair extends Pair {
  scores: readonly number[];
}

interface Shape {
  l1Keys: Set<string>;
  pairs: ScoredPair[];
}

const KNOWN_L1 = new Set(FRAMEWORK_LIST.flatMap((fw) => [...indexOf(fw).level1.keys()]));

/**
 * The pair's scores in every framework, worked out once per distinct pair (the same category names recur in
 * every table of a batch); bounded like the string memos.
 */
const PAIR_SCORES = new Map<string, Map<string, readonly number[]>>();

function pairScores(l1: string, l2: string): readonly number[] {
  let byL2 = PAIR_SCORES.get(l1);
  if (byL2 === undefined) {
    if (PAIR_SCORES.size >= 2000) PAIR_SCORES.clear();
    PAIR_SCORES.set(l1, (byL2 = new Map()));
  }
  let scores = byL2.get(l2);
  if (scores === undefined) {
    if (byL2.size >= 5000) byL2.clear();
    const p = { l1, l2 };
    byL2.set(l2, (scores = FRAMEWORK_LIST.map((fw) => pairScore(fw, p))));
  }
  return scores;
}

/** Adds the rows' recognised 一级 keys and their distinct pairs (`seen`: 一级 key → 二级 keys) to a shape. */
function addRows(shape: Shape, seen: Map<string, Set<string>>, rows: readonly IndicatorRow[]): void {
  for (const r of rows) {
    const l1 = categoryKey(r.level1.text);
    const l2 = categoryKey(r.level2.text);
    if (l1 && KNOWN_L1.has(l1)) shape.l1Keys.add(l1);
    if (!l2) continue;
    let l2s = seen.get(l1);
    if (l2s === undefined) seen.set(l1, (l2s = new Set()));
    if (l2s.has(l2)) continue;
    l2s.add(l2);
    shape.pairs.push({ l1, l2, scores: pairScores(l1, l2) });
  }
}

function shapeOf(rows: readonly IndicatorRow[]): Shape {
  const shape: Shape = { l1Keys: new Set(), pairs: [] };
  addRows(shape, new Map(), rows);
  return shape;
}

/**
 * +1 placed right under the official name, +0.5 under a customary alias (so a framework does not win detection
 * on names it merely tolerates), -1 placed under another 一级 of this framework, 0 unknown here.
 */
function pairScore(fw: Framework, p: Pair): number {
  const idx = indexOf(fw);
  const owners = idx.level2.get(p.l2);
  if (!owners) return 0;
  const l1 = idx.level1.get(p.l1);
  if (!l1) {
    if (p.l1 && KNOWN_L1.has(p.l1)) return -1;
    for (const o of owners) if (o.official) return 1;
    return 0.5;
  }
  for (const o of owners) if (o.level1 === l1) return o.official ? 1 : 0.5;
  return -1;
}

interface Scored {
  fw: Framework;
  /** Position in FRAMEWORK_LIST (and in a pair's scores). */
  index: number;
  score: number;
  fits: boolean;
}

function score(shape: Shape): Scored[] {
  return FRAMEWORK_LIST.map((fw, i) => {
    const idx = indexOf(fw);
    let hit = 0;
    let miss = 0;
    for (const k of shape.l1Keys) {
      if (idx.level1.has(k)) hit++;
      else miss++;
    }
    let pairs = 0;
    for (const p of shape.pairs) pairs += p.scores[i];
    return { fw, index: i, score: 3 * hit - 3 * miss + pairs, fits: miss === 0 };
  });
}

function best(scored: Scored[]): Scored {
  return scored.reduce((a, b) => (b.score > a.score ? b : a));
}

/** True when a and b judge some of the table's (一级, 二级) pairs differently. */
function disagree(a: Scored, b: Scored, shape: Shape): boolean {
  return shape.pairs.some((p) => (p.scores[a.index] > 0) !== (p.scores[b.index] > 0));
}

const WORKBOOK_OF = new WeakMap<ProjectTable, ParsedWorkbook>();
const DETECTION = new WeakMap<ProjectTable, FrameworkDetection>();

/** Lets detection consult the other tables of the workbook (called by the rule engine before the rules run). */
export function bindWorkbook(workbook: ParsedWorkbook): void {
  WORKBOOK_SCORES.delete(workbook);
  for (const t of workbook.tables) {
    WORKBOOK_OF.set(t, workbook);
    DETECTION.delete(t);
  }
}

const WORKBOOK_SCORES = new WeakMap<ParsedWorkbook, Scored[]>();

/** Framework scores of all the workbook's tables together, computed once per workbook (linear in tables). */
function workbookScores(wb: ParsedWorkbook): Scored[] {
  let scored = WORKBOOK_SCORES.get(wb);
  if (!scored) {
    const shape: Shape = { l1Keys: new Set(), pairs: [] };
    const seen = new Map<string, Set<string>>();
    for (const t of wb.tables) addRows(shape, seen, t.indicators);
    WORKBOOK_SCORES.set(wb, (scored = score(shape)));
  }
  return scored;
}

/** Detects the framework of a table from its whole indicator grid, and from its workbook when the table is unsure. */
export function frameworkDetection(table: Pick<ProjectTable, 'indicators'>, workbook?: ParsedWorkbook): FrameworkDetection {
  const cacheable = 'id' in table ? (table as ProjectTable) : undefined;
  const cached = cacheable && DETECTION.get(cacheable);
  if (cached) return cached;
  const wb = workbook ?? (cacheable ? WORKBOOK_OF.get(cacheable) : undefined);
  const shape = shapeOf(table.indicators);
  const scored = score(shape);
  const top = best(scored);
  let chosen = top;
  const tied = scored.filter((s) => s.score === top.score);
  const informative = shape.l1Keys.size > 0 || shape.pairs.some((p) => p.scores.some((x) => x !== 0));
  let ambiguous = !scored.some((s) => s.fits) && shape.l1Keys.size > 0;
  if ((tied.length > 1 || !informative) && wb && wb.tables.length > 1) {
    // The table alone does not decide: the workbook's tables usually follow one framework.
    const wbScored = workbookScores(wb);
    const candidates = informative ? tied : scored;
    chosen = candidates.reduce((a, b) =>
      (wbScored.find((s) => s.fw === b.fw)?.score ?? 0) > (wbScored.find((s) => s.fw === a.fw)?.score ?? 0) ? b : a,
    );
  }
  if (tied.length > 1 && tied.some((t) => t !== chosen && disagree(t, chosen, shape))) ambiguous = true;
  const fitting = [chosen.fw, ...scored.filter((s) => s.fits && s !== chosen).map((s) => s.fw)];
  const result: FrameworkDetection = { framework: chosen.fw, ambiguous, fitting: chosen.fits || !informative ? fitting : fitting.slice(0, 1) };
  if (cacheable) DETECTION.set(cacheable, result);
  return result;
}

/** The detected framework's key (see frameworkDetection). */
export function detectFramework(table: Pick<ProjectTable, 'indicators'>, workbook?: ParsedWorkbook): FrameworkKey {
  return frameworkDetection(table, workbook).framework.id;
}

/** The framework to check a table against: the setting when fixed, else the detected one. */
export function frameworkFor(table: Pick<ProjectTable, 'indicators'>, setting: FrameworkId): Framework {
  const id = setting === 'auto' ? undefined : resolveFrameworkId(setting);
  return id && id !== 'auto' ? FRAMEWORKS[id] : frameworkDetection(table).framework;
}

/**
 * True when the (一级, 二级) pair is correct in some framework the table fits. A name that is right in any
 * plausible framework is never an error, whichever framework detection picked.
 */
export function pairValidIn(frameworks: readonly Framework[], level1: string, level2: string): boolean {
  const p = { l1: categoryKey(level1), l2: categoryKey(level2) };
  if (!p.l2) return false;
  return frameworks.some((fw) => (!p.l1 || indexOf(fw).level1.has(p.l1)) && pairScore(fw, p) > 0);
}

/** True when the 一级 name belongs to one of the frameworks. */
export function level1In(frameworks: readonly Framework[], name: string): boolean {
  return frameworks.some((fw) => findLevel1(fw, name) !== undefined);
}

/** True when the 二级 name belongs to one of the frameworks (under any 一级). */
export function level2In(frameworks: readonly Framework[], name: string): boolean {
  return frameworks.some((fw) => findLevel2(fw, name) !== undefined);
}

/** True when the framework names 成本 as a 一级 category (财预〔2021〕101号 style). */
export function hasCostLevel1(fw: Framework): boolean {
  return indexOf(fw).level1.has('成本');
}

// ---------------------------------------------------------------------------------------------------------------

/** "Did you mean": the closest candidate by edit distance on keys, or by shared characters; undefined when none is close. */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const key = categoryKey(name);
  if (!key) return undefined;
  const keyBigrams = bigrams(key);
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
    const ckBigrams = bigrams(ck);
    const shared = [...keyBigrams].filter((b) => ckBigrams.has(b)).length;
    if (d <= limit || shared > 0) {
      const score = d - shared;
      if (!best || score < best.score) best = { name: c, score };
    }
  }
  return best?.name;
}
