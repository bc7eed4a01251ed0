/**
 * Writes an annotated copy of an .xlsx/.xlsm file: a fill by worst severity and a note per flagged cell,
 * surgically (see surgical.ts: every part we do not need to touch is copied byte for byte), plus the 汇总
 * sheet when the parsed tables are given. Values change only for approved fixes (applyFixes).
 * No Node APIs here (bundled for the web page).
 */
import { buildCards } from '../../core/cards';
import { buildSummarySheet, linkTarget } from '../../core/cards/summarySheet';
import type { Finding } from '../../core/findings';
import type { ParsedWorkbook } from '../../core/model';
import { type AnnotateOptions as SurgicalOptions, type AnnotateResult, type ExtraSheet, annotateXlsx, sheetNamesOf } from './surgical';

export {
  type AnnotateResult,
  type CellChange,
  type CellEdit,
  type ExtraSheet,
  NOTE_AUTHOR,
  NOTE_PREFIX,
  annotateXlsx,
  applyCellTexts,
  clearMarksXlsx,
} from './surgical';

export interface AnnotateOptions extends SurgicalOptions {
  /** The parsed tables behind the findings: adds the 汇总 sheet (先改这些, counts per table, colour legend). */
  summary?: ParsedWorkbook;
}

export async function annotateBuffer(
  data: ArrayBuffer | Uint8Array,
  findings: readonly Finding[],
  options: AnnotateOptions = {},
): Promise<AnnotateResult> {
  const { summary, ...rest } = options;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const extraSheets: ExtraSheet[] = [...(rest.extraSheets ?? [])];
  if (summary) {
    const sheet = buildSummarySheet(summary, findings, buildCards(summary, findings), sheetNamesOf(bytes));
    extraSheets.push({
      name: sheet.name,
      widths: sheet.widths,
      printFitToWidth: true,
      rows: sheet.rows.map((row) =>
        row.cells.map((c) => ({
          text: c.text,
          severity: c.severity,
          link: c.link ? linkTarget(c.link) : undefined,
          bold: c.bold || row.kind === 'title' || row.kind === 'heading' || row.kind === 'header',
          // Long explanations wrap inside their column; the one-line title and notes may run on.
          wrap: row.kind === 'row' || row.kind === 'header',
        })),
      ),
    });
  }
  return annotateXlsx(bytes, findings, { ...rest, extraSheets });
}
