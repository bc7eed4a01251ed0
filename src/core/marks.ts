import type { Finding, Severity } from './findings';
import { SEVERITY_LABEL, SEVERITY_ORDER } from './findings';

/** Mark colours shared by every host (Excel, WPS, .xlsx file). */
export const MARK_COLORS: Record<Severity, { argb: string; hex: string }> = {
  error: { argb: 'FFF4CCCC', hex: '#F4CCCC' },
  warning: { argb: 'FFFFE699', hex: '#FFE699' },
  info: { argb: 'FFDDEBF7', hex: '#DDEBF7' },
};

/** Most severe severity among findings (error > warning > info). */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) {
    if (worst === undefined || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  }
  return worst;
}

/**
 * Text of the cell note: one "[错误] rule-id：message" line per finding, plus the suggested fix
 * (or, for fixes already written into the cell, what was changed).
 */
export function noteText(findings: readonly Finding[], applied?: ReadonlySet<Finding>): string {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const lines: string[] = [];
  for (const f of sorted) {
    lines.push(`[${SEVERITY_LABEL[f.severity]}] ${f.ruleId}：${f.message}`);
    if (f.fix && applied?.has(f)) lines.push(`  已自动修改：“${f.fix.from}” → “${f.fix.to}”`);
    else if (f.fix) lines.push(`  建议修改：${f.fix.description || `“${f.fix.from}” → “${f.fix.to}”`}`);
  }
  return lines.join('\n');
}

/** Groups findings by "sheet!address" so each cell is marked once. */
export function groupByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.ref.sheet}!${f.ref.address}`;
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }
  return map;
}
