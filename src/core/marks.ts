import { groupBy } from './groupBy';
import type { Finding, Severity } from './findings';
import { SEVERITY_LABEL, SEVERITY_ORDER } from './findings';
import { withoutAddress } from './cards/text';

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
 * Text of the cell note, in the register a clerk reads: one "【警告】message" paragraph per finding (no rule
 * ids; the cell's own address is not repeated, the note sits on it), plus the suggested fix (or, for fixes
 * already written into the cell, what was changed).
 */
export function noteText(findings: readonly Finding[], applied?: ReadonlySet<Finding>): string {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const lines: string[] = [];
  for (const f of sorted) {
    lines.push(`【${SEVERITY_LABEL[f.severity]}】${withoutAddress(f.message, f.ref.address)}`);
    if (f.fix && applied?.has(f)) lines.push(`已自动修改：“${f.fix.from}” → “${f.fix.to}”`);
    else if (f.fix) lines.push(`建议修改：${f.fix.description || `“${f.fix.from}” → “${f.fix.to}”`}`);
  }
  return lines.join('\n');
}

/** Width of a character in a note, in units of one CJK character (ASCII and digits count half). */
function charWidth(ch: string): number {
  return ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
}

/** Lines a text takes when wrapped at `perLine` CJK characters (each paragraph at least one line). */
export function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let w = 0;
    for (const ch of para) w += charWidth(ch);
    lines += Math.max(1, Math.ceil(w / Math.max(1, perLine)));
  }
  return lines;
}

/** Note box size in points for a text: a fixed readable width, as many lines as the text wraps to. */
export interface NoteSize {
  width: number;
  height: number;
  /** The same box in default columns (≈ 54 pt) and rows (15 pt), for VML anchors. */
  cols: number;
  rows: number;
}

/** Sized to the text: up to 20 CJK characters a line at 11 pt, 16 pt a line, between 3 and 40 lines. */
export function noteSize(text: string): NoteSize {
  const perLine = 20;
  const lines = Math.min(40, Math.max(3, wrappedLines(text, perLine)));
  const width = perLine * 11 + 24;
  const height = lines * 16 + 12;
  return { width, height, cols: Math.ceil(width / 54), rows: Math.ceil(height / 15) };
}

/** Groups findings by "sheet!address" so each cell is marked once. */
export function groupByCell(findings: readonly Finding[]): Map<string, Finding[]> {
  return groupBy(findings, (f) => `${f.ref.sheet}!${f.ref.address}`);
}
