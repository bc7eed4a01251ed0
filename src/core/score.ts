/**
 * A score per table, modelled on how a 财政局 reviewer grades a 绩效目标 table: four criteria
 * (完整性 / 相关性 / 适当性 / 可行性, as in 财预〔2015〕88号's 绩效目标审核), points deducted per problem, and
 * a grade 优 / 良 / 中 / 差. It is this tool's estimate, stated in the report and in docs/report.md, not an
 * official result.
 *
 * Rules of the estimate:
 * - 100 points: 25 for each criterion.
 * - Each rule that fires on a table deducts once from its criterion: 错误 6 points, 警告 2, 提示 0; every
 *   further occurrence of the same rule in the same table adds half that (3 / 1), up to twice the base
 *   (12 / 4), so one mistake copied down twenty rows does not sink the table on its own.
 * - A criterion never goes below 0.
 * - Grade: ≥ 90 优, ≥ 80 良, ≥ 60 中, otherwise 差.
 */
import type { Criterion, Finding, Severity } from './findings';
import { CRITERIA } from './findings';

export const CRITERION_POINTS = 25;
export const BASE_DEDUCTION: Record<Severity, number> = { error: 6, warning: 2, info: 0 };
export const MAX_REPEAT_FACTOR = 2;

export type Grade = '优' | '良' | '中' | '差';
export const GRADES: readonly { grade: Grade; min: number }[] = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
];

export interface TableScore {
  /** 0–100, integer. */
  total: number;
  grade: Grade;
  /** Points kept per criterion (0–25). */
  byCriterion: Record<Criterion, number>;
}

export function gradeOf(total: number): Grade {
  return (GRADES.find((g) => total >= g.min) ?? GRADES[GRADES.length - 1]).grade;
}

/** Deduction of one rule that fired `count` times on a table with the given (worst) severity. */
export function ruleDeduction(severity: Severity, count: number): number {
  const base = BASE_DEDUCTION[severity];
  if (count <= 0 || base === 0) return 0;
  return Math.min(base + (base / 2) * (count - 1), base * MAX_REPEAT_FACTOR);
}

/** Scores one table from its own findings (callers pass the findings whose tableId is the table's). */
export function scoreTable(findings: readonly Finding[]): TableScore {
  // Per rule: how often, worst severity (a rule may soften single findings), criterion.
  const perRule = new Map<string, { count: number; severity: Severity; criterion: Criterion }>();
  for (const f of findings) {
    const e = perRule.get(f.ruleId);
    if (!e) perRule.set(f.ruleId, { count: 1, severity: f.severity, criterion: f.criterion });
    else {
      e.count++;
      if (BASE_DEDUCTION[f.severity] > BASE_DEDUCTION[e.severity]) e.severity = f.severity;
    }
  }
  const lost: Record<Criterion, number> = { 完整性: 0, 相关性: 0, 适当性: 0, 可行性: 0 };
  for (const e of perRule.values()) lost[e.criterion] += ruleDeduction(e.severity, e.count);
  const byCriterion = {} as Record<Criterion, number>;
  let total = 0;
  for (const c of CRITERIA) {
    byCriterion[c] = Math.max(0, CRITERION_POINTS - lost[c]);
    total += byCriterion[c];
  }
  total = Math.round(total);
  return { total, grade: gradeOf(total), byCriterion };
}

/** The scoring rules in zh-CN, for the report and its docs. */
export const SCORING_TEXT: readonly string[] = [
  `满分 100 分，完整性、相关性、适当性、可行性各 ${CRITERION_POINTS} 分。`,
  `每条规则在一张表中发现问题即在其所属方面扣分一次：错误扣 ${BASE_DEDUCTION.error} 分，警告扣 ${BASE_DEDUCTION.warning} 分，提示不扣分；` +
    `同一规则在同一张表中重复出现，每多一处再扣一半（错误 ${BASE_DEDUCTION.error / 2} 分、警告 ${BASE_DEDUCTION.warning / 2} 分），` +
    `同一规则最多扣 ${BASE_DEDUCTION.error * MAX_REPEAT_FACTOR} 分（错误）或 ${BASE_DEDUCTION.warning * MAX_REPEAT_FACTOR} 分（警告）。`,
  `每个方面最低 0 分。`,
  '等级：90 分及以上为“优”，80–89 分为“良”，60–79 分为“中”，60 分以下为“差”。',
  '评分是本工具依据发现的问题给出的估算，便于排序和比较，不代替财政部门的正式审核结论。',
];
