/**
 * The 汇总 sheet of the annotated copy, host-independent: rows of plain cells, each row that points at a
 * problem carrying the cell it links to. A host (ExcelJS annotator, zip annotator, Excel, WPS) only has to
 * write the texts, fill the severity cells and turn `link` into an in-workbook hyperlink.
 */
import { groupBy } from '../groupBy';
import type { CellRef } from '../grid';
import { SUMMARY_TITLE } from '../summaryMark';
export { SUMMARY_TITLE, isSummaryGrid, isSummarySheetName } from '../summaryMark';
import type { Finding, Severity } from '../findings';
import { CRITERIA, SEVERITY_LABEL, countByCriterion, countBySeverity } from '../findings';
import { MARK_COLORS } from '../marks';
import type { ParsedWorkbook } from '../model';
import { cardsOfTable, fixFirst } from './build';
import type { Card } from './types';

export interface SummaryCell {
  text: string | number;
  /** Fill the cell with this severity's mark colour. */
  severity?: Severity;
  bold?: boolean;
  /** Make the cell an in-workbook hyperlink to this cell. */
  link?: CellRef;
}

export interface SummaryRow {
  cells: SummaryCell[];
  kind?: 'title' | 'heading' | 'header' | 'row' | 'note';
}

export interface SummarySheet {
  name: string;
  /** Column widths in characters. */
  widths: number[];
  rows: SummaryRow[];
}

export const SUMMARY_SHEET_NAME = '汇总';

/** "汇总", or "汇总（校验）", "汇总（校验2）"… when the workbook already has a sheet of that name. */
export function summarySheetName(existing: readonly string[]): string {
  const taken = new Set(existing.map((s) => s.trim()));
  if (!taken.has(SUMMARY_SHEET_NAME)) return SUMMARY_SHEET_NAME;
  for (let i = 1; ; i++) {
    const name = `${SUMMARY_SHEET_NAME}（校验${i === 1 ? '' : i}）`;
    if (!taken.has(name)) return name;
  }
}

/** "'项目支出绩效目标表'!E10": the target of an in-workbook hyperlink (prefix "#" where a URL is expected). */
export function linkTarget(ref: CellRef): string {
  return `'${ref.sheet.replace(/'/g, "''")}'!${ref.address}`;
}

const SEVERITY_NOTE: Record<Severity, string> = {
  error: '评审会退回的问题，必须修改',
  warning: '很可能需要修改，请逐条核对',
  info: '建议改进，可结合实际决定',
};

/** "项目支出绩效目标表!E10" for people. */
const where = (ref: CellRef): string => `${ref.sheet}!${ref.address}`;

const tableLabel = (t: ParsedWorkbook['tables'][number]): string =>
  (t.projectName?.text || t.title?.text || '（未填项目名称）').replace(/\s+/g, ' ').trim();

/**
 * Builds the 汇总 sheet: overall counts, the ranked 先改这些 list, counts by severity and by review criterion
 * per table, and the colour legend. Every problem and every table row links to its cell.
 */
export function buildSummarySheet(
  workbook: ParsedWorkbook,
  findings: readonly Finding[],
  cards: readonly Card[],
  existingSheets: readonly string[] = [],
): SummarySheet {
  const rows: SummaryRow[] = [];
  const total = countBySeverity(findings);
  const text = (t: string | number, extra: Partial<SummaryCell> = {}): SummaryCell => ({ text: t, ...extra });
  rows.push({ kind: 'title', cells: [text(SUMMARY_TITLE, { bold: true })] });
  rows.push({
    kind: 'note',
    cells: [
      text(
        `共 ${workbook.tables.length} 张表；错误 ${total.error} 处，警告 ${total.warning} 处，提示 ${total.info} 处，按问题根源合并为 ${cards.length} 项。点击“位置”列可跳转到对应单元格。`,
      ),
    ],
  });
  rows.push({ cells: [] });

  const top = fixFirst(cards);
  if (top.length) {
    rows.push({ kind: 'heading', cells: [text('先改这些（按轻重排列）', { bold: true })] });
    rows.push({ kind: 'header', cells: ['序号', '问题', '位置', '级别', '说明'].map((h) => text(h, { bold: true })) });
    top.forEach((c, i) =>
      rows.push({
        kind: 'row',
        cells: [
          text(i + 1),
          text(c.title),
          text(where(c.ref), { link: c.ref }),
          text(SEVERITY_LABEL[c.severity], { severity: c.severity }),
          text(c.message),
        ],
      }),
    );
    rows.push({ cells: [] });
  }

  if (workbook.tables.length) {
    rows.push({ kind: 'heading', cells: [text('各表问题统计', { bold: true })] });
    rows.push({ kind: 'header', cells: ['序号', '项目名称', '位置', '问题项数', '按级别和评审标准统计'].map((h) => text(h, { bold: true })) });
    const tally = (own: readonly Finding[]): SummaryCell => {
      const s = countBySeverity(own);
      const c = countByCriterion(own);
      const worst = s.error ? 'error' : s.warning ? 'warning' : s.info ? 'info' : undefined;
      return text(
        own.length
          ? `错误 ${s.error}，警告 ${s.warning}，提示 ${s.info}；${CRITERIA.map((k) => `${k} ${c[k]}`).join(' · ')}`
          : '未发现问题',
        worst ? { severity: worst } : {},
      );
    };
    const ids = new Set(workbook.tables.map((t) => t.id));
    const byTable = groupBy(findings, (f) => f.tableId);
    workbook.tables.forEach((t, i) => {
      const own = byTable.get(t.id) ?? [];
      const ref = t.title?.ref ?? t.projectName?.ref ?? own[0]?.ref;
      rows.push({
        kind: 'row',
        cells: [
          text(i + 1),
          text(tableLabel(t)),
          ref ? text(where(ref), { link: ref }) : text(t.sheet),
          text(cardsOfTable(cards, t.id).length),
          tally(own),
        ],
      });
    });
    const loose = findings.filter((f) => !f.tableId || !ids.has(f.tableId));
    if (loose.length) {
      rows.push({
        kind: 'row',
        cells: [text(''), text('（表外）'), text(where(loose[0].ref), { link: loose[0].ref }), text(''), tally(loose)],
      });
    }
    rows.push({ cells: [] });
  }

  rows.push({ kind: 'heading', cells: [text('颜色说明', { bold: true })] });
  for (const sev of ['error', 'warning', 'info'] as const) {
    rows.push({ kind: 'row', cells: [text(''), text(SEVERITY_LABEL[sev], { severity: sev }), text(SEVERITY_NOTE[sev])] });
  }
  rows.push({
    kind: 'note',
    cells: [text('有问题的单元格按最严重的级别填色，并附批注说明问题和修改建议；使用“清除标记”可恢复原来的底色。')],
  });

  return { name: summarySheetName(existingSheets), widths: [6, 34, 26, 10, 80], rows };
}

/** ARGB fill for a severity cell of the sheet (same colours as the marks). */
export function summaryFill(severity: Severity): string {
  return MARK_COLORS[severity].argb;
}
