/**
 * Writes an annotated copy of an .xlsx file: a fill by worst severity and a note per flagged cell.
 * Values change only for approved fixes (applyFixes). No Node APIs here (bundled for the web page).
 */
import ExcelJS from 'exceljs';
import type { CellRef } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { MARK_COLORS, groupByCell, noteText, worstSeverity } from '../../core/marks';
import { loadWorkbook, plainValue } from './legacyRead';
import { displayText } from './read';
import type { ParsedWorkbook } from '../../core/model';
import { buildCards } from '../../core/cards';
import { type SummarySheet, buildSummarySheet, linkTarget, summaryFill } from '../../core/cards/summarySheet';

export interface AnnotateOptions {
  /** Write each finding's fix into the copy (only where the cell still shows fix.from). */
  applyFixes?: boolean;
  /** The parsed tables behind the findings: adds the 汇总 sheet (先改这些, counts per table, colour legend). */
  summary?: ParsedWorkbook;
}

export interface CellChange {
  ref: CellRef;
  from: string;
  to: string;
}

export interface AnnotateResult {
  buffer: Uint8Array;
  changes: CellChange[];
  /** Findings whose cell could not be found (unknown sheet or bad address); nothing was marked for them. */
  skipped: Finding[];
}

function targetCell(wb: ExcelJS.Workbook, ref: CellRef): ExcelJS.Cell | undefined {
  const ws = wb.getWorksheet(ref.sheet);
  if (!ws) return undefined;
  try {
    const cell = ws.getCell(ref.address);
    // Marks on a merged area belong on its top-left cell, which is the one Excel shows.
    return cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
  } catch {
    return undefined;
  }
}

function cellText(cell: ExcelJS.Cell): string {
  return displayText(plainValue(cell.value), cell.numFmt).trim();
}

function existingNote(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return texts ? texts.map((t) => t.text ?? '').join('') : '';
}

export async function annotateBuffer(
  data: ArrayBuffer | Uint8Array,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): Promise<AnnotateResult> {
  const wb = await loadWorkbook(data);
  const changes: CellChange[] = [];
  const skipped: Finding[] = [];

  const applied = new Set<Finding>();
  if (options.applyFixes) {
    const done = new Set<string>();
    for (const f of findings) {
      if (!f.fix) continue;
      const key = `${f.fix.ref.sheet}!${f.fix.ref.address}`;
      if (done.has(key)) continue;
      const cell = targetCell(wb, f.fix.ref);
      if (!cell || cellText(cell) !== f.fix.from.trim()) continue;
      cell.value = f.fix.to === '' ? null : f.fix.to;
      done.add(key);
      applied.add(f);
      changes.push({ ref: f.fix.ref, from: f.fix.from, to: f.fix.to });
    }
  }

  // Group by the cell actually marked: findings on a merged area all land on its top-left cell.
  const byCell = new Map<ExcelJS.Cell, Finding[]>();
  for (const group of groupByCell(findings).values()) {
    const cell = targetCell(wb, group[0].ref);
    if (!cell) {
      skipped.push(...group);
      continue;
    }
    byCell.set(cell, [...(byCell.get(cell) ?? []), ...group]);
  }
  for (const [cell, group] of byCell) {
    const severity = worstSeverity(group)!;
    // Styles are shared between cells in ExcelJS: replace the style object rather than mutating it.
    cell.style = {
      ...cell.style,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_COLORS[severity].argb } },
    };
    const before = existingNote(cell);
    const ours = noteText(group, applied);
    cell.note = before ? `${before}\n\n绩效目标表助手：\n${ours}` : ours;
  }

  if (options.summary) {
    const cards = buildCards(options.summary, findings);
    writeSummarySheet(wb, buildSummarySheet(options.summary, findings, cards, wb.worksheets.map((w) => w.name)));
  }

  const out = await wb.xlsx.writeBuffer();
  return { buffer: new Uint8Array(out as ArrayBuffer), changes, skipped };
}

/** Writes the host-independent 汇总 sheet as a new, last worksheet; links become in-workbook hyperlinks. */
function writeSummarySheet(wb: ExcelJS.Workbook, sheet: SummarySheet): void {
  const ws = wb.addWorksheet(sheet.name);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.rows.forEach((row, r) => {
    row.cells.forEach((c, col) => {
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = c.link ? { text: String(c.text), hyperlink: `#${linkTarget(c.link)}` } : c.text;
      const font: Partial<ExcelJS.Font> = { name: '宋体', size: row.kind === 'title' ? 14 : 11 };
      if (c.bold) font.bold = true;
      if (c.link) Object.assign(font, { color: { argb: 'FF0563C1' }, underline: true });
      cell.font = font;
      cell.alignment = { vertical: 'top', wrapText: row.kind === 'row' };
      if (c.severity) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: summaryFill(c.severity) } };
    });
  });
}
