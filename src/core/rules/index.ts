import type { Finding } from '../findings';
import type { ParsedWorkbook } from '../model';
import type { Settings } from '../settings';
import { runRuleSet } from './engine';
import type { Rule } from './types';

/** Every rule shipped with the product, in documentation order. */
export const ALL_RULES: readonly Rule[] = [];

export function runRules(workbook: ParsedWorkbook, settings: Settings): Finding[] {
  return runRuleSet(ALL_RULES, workbook, settings);
}

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

export type { Rule } from './types';
