import type { CellRef } from '../grid';
import type { Criterion, Finding, Fix, Severity } from '../findings';
import type { ParsedWorkbook, ProjectTable, UncertainPart } from '../model';
import type { Settings } from '../settings';

export interface RuleMeta {
  /** Short zh-CN title, e.g. "满意度指标方向". */
  title: string;
  /** zh-CN paragraph for docs/rules.md: what the rule checks, why a reviewer cares, how to fix. */
  docs: string;
  criterion: Criterion;
  /** True when the rule can offer a Fix. */
  fixable?: boolean;
  /** Parts of the table the rule depends on: when the parser is unsure of one, the rule stays silent. */
  needs?: UncertainPart[];
}

export interface Report {
  ref: CellRef;
  message: string;
  fix?: Omit<Fix, 'ref'> & { ref?: CellRef };
  /** Overrides the rule's default severity for this one finding (e.g. a softer case). */
  severity?: Severity;
}

export interface RuleContext {
  table: ProjectTable;
  workbook: ParsedWorkbook;
  settings: Settings;
  report(r: Report): void;
}

/** One check, in one file under src/core/rules/, modelled on ESLint rule modules. */
export interface Rule {
  /** kebab-case, e.g. "satisfaction-direction". */
  id: string;
  severity: Severity;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Finding };
