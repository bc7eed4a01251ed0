import type { Grid } from '../grid';
import type { DepartmentOverview, ParseNote, ParsedWorkbook, ProjectTable } from '../model';
import { parseOverview } from './overview';
import { SheetView } from './sheet';
import { isFooterRow, isIdentityRow, isIndicatorHeaderRow, isListHeaderRow } from './rows';
import { type TableRegion, parseTable } from './table';
import { LABELS } from './labels';
import { opensPart } from './indicators';
import { isSummaryGrid } from '../summaryMark';

/** Rows (grid-local) where tables begin: identity rows (项目名称/项目编码) or headers of unlabeled tables. */
function findRegions(view: SheetView): TableRegion[] {
  const starts: number[] = [];
  let headerSeen = true; // no table open yet
  for (let r = 0; r < view.rows; r++) {
    if (isIdentityRow(view, r)) {
      if (headerSeen) starts.push(r);
      headerSeen = false;
    } else if (isIndicatorHeaderRow(view, r)) {
      // A second block of the same project (年度绩效指标 under 长期绩效指标) continues the open table.
      if (headerSeen && !(starts.length > 0 && opensPart(view, r))) starts.push(r);
      headerSeen = true;
    }
  }
  const regions: TableRegion[] = [];
  starts.forEach((start, i) => {
    const limit = i === 0 ? 0 : starts[i - 1] + 1;
    let top = start;
    // Title and unit lines sit just above the identity row (blank rows in between are tolerated).
    for (let r = start - 1, seen = 0; r >= limit && seen < 3; r--) {
      if (view.isRowEmpty(r)) continue;
      if (!looksLikeHeading(view, r)) break;
      top = r;
      seen++;
    }
    if (i > 0) regions[i - 1].bottom = Math.min(regions[i - 1].bottom, top - 1);
    regions.push({ top, bottom: view.rows - 1 });
  });
  for (const region of regions) {
    while (region.bottom > region.top && view.isRowEmpty(region.bottom)) region.bottom--;
  }
  return regions;
}

function looksLikeHeading(view: SheetView, row: number): boolean {
  // The previous table's footnote or 填报人/联系电话 line is not this table's heading.
  if (isFooterRow(view, row)) return false;
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(row, c);
    if (LABELS.title.test(k) || LABELS.unitLine.test(k)) return true;
  }
  // A short single line above the identity row (unit name, title without the usual suffix).
  let filled = 0;
  for (let c = 0; c < view.cols; c++) if (view.key(row, c) !== '' && !view.isMergeSlave(row, c)) filled++;
  return filled <= 2 && !isIndicatorHeaderRow(view, row);
}

/** A 自评 table right under the 申报/批复 table of the same project (same non-empty 项目名称). */
function isSelfEvalOf(table: ProjectTable, previous: ProjectTable): boolean {
  const name = table.projectName?.text.trim();
  return (
    table.kind === 'selfEval' &&
    previous.kind !== 'selfEval' &&
    !!name &&
    name === previous.projectName?.text.trim() &&
    table.sheet === previous.sheet
  );
}

/** Stacked 申报 + 自评 blocks of one project: one table, the 自评 indicators kept as a part. */
function joinSelfEval(into: ProjectTable, evaluation: ProjectTable): void {
  into.parts = [
    ...(into.parts ?? []),
    { kind: 'selfEval', ...(evaluation.title ? { label: evaluation.title } : {}), columns: evaluation.columns ?? [], indicators: evaluation.indicators },
    ...(evaluation.parts ?? []),
  ];
  into.bottom = evaluation.bottom;
  if (evaluation.left !== undefined) into.left = Math.min(into.left ?? evaluation.left, evaluation.left);
  if (evaluation.right !== undefined) into.right = Math.max(into.right ?? evaluation.right, evaluation.right);
  into.notes.push(...evaluation.notes);
}

/** Finds every 项目支出绩效目标表 and the 部门整体绩效目标 section in the grids. Never throws on odd input. */
export function parseWorkbook(grids: readonly Grid[]): ParsedWorkbook {
  const tables: ProjectTable[] = [];
  const notes: ParseNote[] = [];
  let overview: DepartmentOverview | undefined;
  if (grids.length === 0) notes.push({ sheet: '', message: '工作簿中没有工作表。' });

  for (const grid of grids) {
    if (isSummaryGrid(grid)) continue; // our own 汇总 sheet in a re-checked copy
    const view = new SheetView(grid);
    const regions = findRegions(view);
    const used = new Set<number>();
    let previous: ProjectTable | undefined;
    for (const region of regions) {
      const table = parseTable(view, region, tables.length);
      for (let r = region.top; r <= region.bottom; r++) used.add(r);
      if (previous && isSelfEvalOf(table, previous)) {
        joinSelfEval(previous, table);
        notes.push(...table.notes);
        continue;
      }
      tables.push(table);
      notes.push(...table.notes);
      previous = table;
    }
    const freeRows = Array.from({ length: view.rows }, (_, r) => r).filter((r) => !used.has(r));
    const sheetOverview = overview ? undefined : parseOverview(view, freeRows);
    if (sheetOverview) overview = sheetOverview;
    if (regions.length === 0 && !sheetOverview && freeRows.some((r) => !view.isRowEmpty(r))) {
      const listHeader = freeRows.find((r) => isListHeaderRow(view, r));
      notes.push({
        sheet: grid.sheetName,
        ...(listHeader === undefined ? {} : { ref: view.field(listHeader, 0).ref }),
        message:
          listHeader === undefined
            ? `未识别为绩效目标表：工作表“${grid.sheetName}”中没有找到“项目名称”“一级指标”等标签，已跳过。`
            : `未识别为绩效目标表：工作表“${grid.sheetName}”第 ${listHeader + (grid.origin?.row ?? 0) + 1} 行的“项目名称”等是列标题，这是项目清单或汇总表，不是绩效目标表，已跳过。`,
      });
    }
  }
  if (grids.length > 0 && tables.length === 0) {
    notes.push({
      sheet: grids[0].sheetName,
      message: '未在工作簿中找到项目支出绩效目标表。请确认表中有“项目名称”“一级指标/二级指标/三级指标”等标签。',
    });
  }
  return { tables, overview, notes };
}

export { SheetView } from './sheet';
export { hasColumn, isUncertain, partOfRef, refInTable } from './query';
