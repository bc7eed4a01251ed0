import type { Finding } from '../findings';
import type { ParsedWorkbook } from '../model';
import type { Settings } from '../settings';
import { runRuleSet } from './engine';
import type { Rule } from './types';
import { rule as placeholder } from './placeholder';
import { rule as templateInput } from './template-input';
import { rule as fillerIndicator } from './filler-indicator';
import { rule as emptyCell } from './empty-cell';
import { rule as unknownCategory } from './unknown-category';
import { rule as categoryMisplaced } from './category-misplaced';
import { rule as requiredCategories } from './required-categories';
import { rule as indicatorCount } from './indicator-count';
import { rule as duplicateIndicator } from './duplicate-indicator';
import { rule as descriptionCopy } from './description-copy';
import { rule as fundUseVague } from './fund-use-vague';
import { rule as budgetSum } from './budget-sum';
import { rule as scheduleValues } from './schedule-values';
import { rule as unrelatedIndicator } from './unrelated-indicator';
import { rule as inputAsResult } from './input-as-result';
import { rule as goalVague } from './goal-vague';
import { rule as goalCopied } from './goal-copied';
import { rule as satisfactionDirection } from './satisfaction-direction';
import { rule as countUnit } from './count-unit';
import { rule as rateRange } from './rate-range';
import { rule as valueDirection } from './value-direction';
import { rule as timelinessValue } from './timeliness-value';
import { rule as costMoney } from './cost-money';
import { rule as qualityMoney } from './quality-money';
import { rule as valueOutlier } from './value-outlier';
import { rule as unmeasurableValue } from './unmeasurable-value';
import { rule as percentMeaning } from './percent-meaning';
import { rule as sameValueEverywhere } from './same-value-everywhere';
import { rule as satisfactionSubject } from './satisfaction-subject';
import { rule as satisfactionRange } from './satisfaction-range';
import { rule as costBudget } from './cost-budget';
import { rule as basisVague } from './basis-vague';
import { rule as scheduleCumulative } from './schedule-cumulative';
import { rule as schedulePerPeriod } from './schedule-per-period';
import { rule as schedulePace } from './schedule-pace';
import { rule as scheduleConvention } from './schedule-convention';
import { rule as scheduleConsistency } from './schedule-consistency';
import { rule as scheduleEven } from './schedule-even';
import { rule as unitCostBudget } from './unit-cost-budget';
import { rule as costEqualsBudget } from './cost-equals-budget';
import { rule as annualGoalCopied } from './annual-goal-copied';
import { rule as unitColumnClash } from './unit-column-clash';
import { rule as indicatorsCopied } from './indicators-copied';

/** Every rule shipped with the product, in documentation order. */
export const ALL_RULES: readonly Rule[] = [
  placeholder,
  templateInput,
  fillerIndicator,
  emptyCell,
  unknownCategory,
  categoryMisplaced,
  requiredCategories,
  indicatorCount,
  duplicateIndicator,
  descriptionCopy,
  fundUseVague,
  budgetSum,
  scheduleValues,
  unrelatedIndicator,
  inputAsResult,
  goalVague,
  goalCopied,
  satisfactionDirection,
  countUnit,
  rateRange,
  valueDirection,
  timelinessValue,
  costMoney,
  qualityMoney,
  valueOutlier,
  unmeasurableValue,
  percentMeaning,
  sameValueEverywhere,
  satisfactionSubject,
  satisfactionRange,
  costBudget,
  basisVague,
  scheduleCumulative,
  schedulePerPeriod,
  schedulePace,
  scheduleConvention,
  scheduleConsistency,
  scheduleEven,
  unitCostBudget,
  costEqualsBudget,
  annualGoalCopied,
  unitColumnClash,
  indicatorsCopied,
];

export function runRules(workbook: ParsedWorkbook, settings: Settings): Finding[] {
  return runRuleSet(ALL_RULES, workbook, settings);
}

const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export function findRule(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}

export type { Rule } from './types';
