import type { Grid } from './grid';
import type { Finding } from './findings';
import type { ParsedWorkbook } from './model';
import { parseWorkbook } from './parse';
import { runRules } from './rules';
import { type Settings, withDefaults } from './settings';

export interface ValidationResult {
  parsed: ParsedWorkbook;
  findings: Finding[];
}

/** The whole brain in one call: grids → parsed tables → findings (sorted by sheet, row, col). */
export function validateGrids(grids: readonly Grid[], settings?: Partial<Settings>): ValidationResult {
  const parsed = parseWorkbook(grids);
  const findings = runRules(parsed, withDefaults(settings));
  return { parsed, findings };
}
