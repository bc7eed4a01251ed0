import type { Finding } from '../findings';
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
      if (r.fix) finding.fix = { ...r.fix, ref: r.fix.ref ?? r.ref };
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
  const keys = positionKeys(findings);
  if (!keys) return findings.sort(compareFindings);
  // Sorted through one number per finding (sheet, row, column, severity): the comparator reads two numbers
  // instead of five properties. Sort is stable, as with compareFindings.
  const order = findings.map((_, i) => i);
  order.sort((a, b) => keys[a] - keys[b] || compareRuleIds(findings[a].ruleId, findings[b].ruleId));
  const sorted = order.map((i) => findings[i]);
  for (let i = 0; i < sorted.length; i++) findings[i] = sorted[i];
  return findings;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    // Most findings share a sheet: skip the (slow) locale comparison then.
    (a.ref.sheet === b.ref.sheet ? 0 : a.ref.sheet.localeCompare(b.ref.sheet)) ||
    a.ref.row - b.ref.row ||
    a.ref.col - b.ref.col ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareRuleIds(a.ruleId, b.ruleId)
  );
}

// Rule ids are ASCII: code-unit order is their alphabetical order on every machine (localeCompare depends on the
// default locale and is slow).
const compareRuleIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * compareFindings' order up to the rule id as one exact number per finding; undefined when a position does not
 * fit (then the findings are sorted with compareFindings itself). Sheets that compare equal share a rank.
 */
function positionKeys(findings: readonly Finding[]): Float64Array | undefined {
  const sheets = [...new Set(findings.map((f) => f.ref.sheet))].sort((a, b) => a.localeCompare(b));
  if (sheets.length > 8192) return undefined;
  const rank = new Map<string, number>();
  let r = 0;
  sheets.forEach((sheet, i) => {
    if (i > 0 && sheets[i - 1].localeCompare(sheet) !== 0) r++;
    rank.set(sheet, r);
  });
  const keys = new Float64Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const { sheet, row, col } = findings[i].ref;
    if (!(row >= 0 && row < 2 ** 21 && col >= 0 && col < 2 ** 17)) return undefined;
    // 13 + 21 + 17 + 2 bits: exact in a double.
    keys[i] = ((rank.get(sheet)! * 2 ** 21 + row) * 2 ** 17 + col) * 4 + SEVERITY_ORDER[findings[i].severity];
  }
  return keys;
}
