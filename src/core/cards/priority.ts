import type { Severity } from '../findings';
import { SEVERITY_ORDER } from '../findings';

/** zh-CN labels of the 先改这些 groups, most urgent first. */
export const PRIORITY_GROUPS: readonly string[] = [
  '内容不完整',
  '指标与项目无关或照搬',
  '指标值统一套用',
  '指标方向错误',
  '指标值不可衡量',
  '目标、资金用途和依据',
  '指标描述',
];

/**
 * Which group a rule's findings belong to: completeness defects first (missing values, truncated tables,
 * budget arithmetic), then unrelated or copied indicators, templated values, directions, cost/time values,
 * goal / 资金用途 / 依据, descriptions last. Rules not listed rank with the value checks.
 */
const RULE_GROUP: Record<string, number> = {
  placeholder: 0,
  'template-input': 0,
  'empty-cell': 0,
  'budget-sum': 0,
  'cost-budget': 0,
  'required-categories': 0,
  'indicator-count': 0,
  'schedule-values': 0,
  'schedule-cumulative': 0,
  'schedule-per-period': 0,
  'schedule-consistency': 0,
  'schedule-convention': 0,
  'unrelated-indicator': 1,
  'goal-copied': 1,
  'indicators-copied': 1,
  'annual-goal-copied': 1,
  'filler-indicator': 1,
  'duplicate-indicator': 1,
  'category-misplaced': 1,
  'unknown-category': 1,
  'input-as-result': 1,
  'same-value-everywhere': 2,
  'value-outlier': 2,
  'schedule-even': 2,
  'satisfaction-direction': 3,
  'value-direction': 3,
  'cost-money': 4,
  'timeliness-value': 4,
  'count-unit': 4,
  'quality-money': 4,
  'rate-range': 4,
  'percent-meaning': 4,
  'satisfaction-range': 4,
  'unmeasurable-value': 4,
  'schedule-pace': 4,
  'goal-vague': 5,
  'fund-use-vague': 5,
  'basis-vague': 5,
  'satisfaction-subject': 5,
  'description-copy': 6,
};

export function ruleGroup(ruleId: string): number {
  return RULE_GROUP[ruleId] ?? 4;
}

/** Lower = fix earlier. Errors and warnings by group then severity; infos after all of them. */
export function priorityOf(severity: Severity, group: number): number {
  return (severity === 'info' ? 100 : 0) + group * 10 + SEVERITY_ORDER[severity];
}
