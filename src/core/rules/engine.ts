import type { Finding, Fix } from '../findings';
import { SEVERITY_ORDER } from '../findings';
import { bindWorkbook } from '../frameworks';
import type { ParsedWorkbook } from '../model';
import { isUncertain, partOfRef, refInTable } from '../parse/query';
import type { Settings } from '../settings';
import type { Report, Rule, RuleContext } from './types';

/** Runs every enabled rule on every table; a rule that throws becomes an info finding, never a crash. */
export function runRuleSet(rules: readonly Rule[], workbook: ParsedWorkbook, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  bindWorkbook(workbook);
  // Most runs override no rule: no keyed lookup per rule then.
  const overrides = Object.keys(settings.rules).length > 0 ? settings.rules : undefined;
  for (const rule of rules) {
    const override = overrides?.[rule.id];
    if (override === 'off') continue;
    const severity = override ?? rule.severity;
    // One reporter and one context per rule, pointed at each table in turn (not one pair per rule and table).
    let table = workbook.tables[0];
    const report = (r: Report): void => {
      // Never a finding outside the table (a column the form does not have) or on a part read with doubt.
      if (!refInTable(table, r.ref)) return;
      if (table.uncertain?.length) {
        const part = partOfRef(table, r.ref);
        if (part && isUncertain(table, part)) return;
      }
      const finding: Finding = {
        ruleId: rule.id,
        severity: r.severity && !override ? r.severity : severity,
        criterion: rule.meta.criterion,
        tableId: table.id,
        ref: r.ref,
        message: r.message,
      };
      if (r.fix) {
        // Copied with Object.assign rather than spread: the same keys in the same order (the JSON output's), and
        // a spread over the rules' many fix shapes costs V8 ten times as much.
        const fix = Object.assign({}, r.fix) as Fix;
        fix.ref = r.fix.ref ?? r.ref;
        finding.fix = fix;
      }
      findings.push(finding);
    };
    const context: RuleContext = { table, workbook, settings, report };
    for (const t of workbook.tables) {
      // A rule that depends on a part the parser could not read stays silent on this table.
      if (t.uncertain?.length && rule.meta.needs?.some((part) => isUncertain(t, part))) continue;
      table = t;
      context.table = t;
      try {
        rule.check(context);
      } catch (err) {
        findings.push({
          ruleId: rule.id,
          severity: 'info',
          criterion: rule.meta.criterion,
          tableId: t.id,
          ref: t.projectName?.ref ?? { sheet: t.sheet, row: t.top, col: 0, address: `A${t.top + 1}` },
          message: `规则“${rule.meta.title}”在检查本表时出错，已跳过（${(err as Error).message}）。请将此表反馈给开发者。`,
        });
      }
    }
  }
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      // Most findings share a sheet: skip the (slow) locale comparison then.
      (a.ref.sheet === b.ref.sheet ? 0 : a.ref.sheet.localeCompare(b.ref.sheet)) ||
      a.ref.row - b.ref.row ||
      a.ref.col - b.ref.col ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      // Rule ids are ASCII: code-unit order is their alphabetical order on every machine (localeCompare depends
      // on the default locale and is slow).
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
