/**
 * Template insertion in Excel: executes a core InsertPlan with a constant number of context.sync calls (two:
 * one to check that the cells to write are still empty, one to insert and format). Features missing from older
 * Excel builds (data validation 1.8, copyFrom 1.9, conditional formats 1.6) are skipped, never fatal.
 */
import { rangeToA1, toA1, type CellRange } from '../../core/grid';
import { type CellRole, type InsertPlan, formatSource } from '../../core/templates/plan';
import type { ExcelRun, SupportsFn } from './excelHost';

export const INPUT_FILL = '#FFF2CC';
export const INPUT_MARK = '【请填写';

/** A leading "=" would turn text into a formula; the apostrophe keeps it text. */
const safe = (v: string | number | null): string | number => (v === null ? '' : typeof v === 'string' && v.startsWith('=') ? `'${v}` : v);

function applyRole(range: Excel.Range, role: CellRole): void {
  const f = range.format;
  f.font.name = '宋体';
  f.font.size = role === 'title' ? 14 : 10;
  f.font.bold = role === 'title' || role === 'header';
  f.wrapText = role !== 'title' && role !== 'unit';
  f.verticalAlignment = 'Center';
  if (role === 'title' || role === 'header' || role === 'label') f.horizontalAlignment = 'Center';
  if (role === 'money') range.numberFormat = [['0.00']];
}

/** Contiguous runs of one role in a row, so formats are set per run, not per cell. */
function roleRuns(roles: CellRole[]): { start: number; end: number; role: CellRole }[] {
  const runs: { start: number; end: number; role: CellRole }[] = [];
  roles.forEach((role, i) => {
    const last = runs[runs.length - 1];
    if (last && last.role === role && last.end === i - 1) last.end = i;
    else runs.push({ start: i, end: i, role });
  });
  return runs;
}

const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

/** Executes the plan. Throws (zh-CN) before changing anything when a cell to write is no longer empty. */
export async function insertPlanExcel(run: ExcelRun, supports: SupportsFn, plan: InsertPlan): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    const checks = plan.writes.map((w) => {
      const r = ws.getRange(w.ref.address);
      r.load('values');
      return { w, r };
    });
    await context.sync();
    const busy = checks.filter(({ r }) => r.values.some((row) => row.some((v) => v !== '' && v !== null)));
    if (busy.length) throw new Error(`单元格 ${busy.map((b) => b.w.ref.address).join('、')} 已有内容，未做任何修改，请重新预览`);

    const n = plan.rows.length;
    const width = Math.max(1, ...plan.rows.map((r) => r.length));
    const at = plan.after + 1;
    if (n > 0) {
      ws.getRange(`${at + 1}:${at + n}`).insert('Down');
      const block = ws.getRangeByIndexes(at, plan.left, n, width);
      block.values = plan.rows.map((r) => Array.from({ length: width }, (_, c) => safe(r[c] ?? null)));
      // Rows with a source copy the surrounding table's formats (completion: its last indicator row; a new table:
      // the neighbouring table's title, field, header and indicator rows); the standard look goes first.
      const sources = supports('ExcelApi', '1.9') ? plan.rows.map((_, i) => formatSource(plan, i)) : [];
      if (!sources.length || sources.some((x) => !x)) {
        plan.roles.forEach((roles, i) => {
          for (const run of roleRuns(roles)) applyRole(ws.getRangeByIndexes(at + i, plan.left + run.start, 1, run.end - run.start + 1), run.role);
        });
        const bordered = ws.getRange(rangeToA1({ ...plan.block, top: Math.max(plan.block.top, at + 2) }));
        for (const edge of BORDERS) bordered.format.borders.getItem(edge).style = 'Continuous';
      }
      sources.forEach((src, i) => {
        if (src) ws.getRangeByIndexes(at + i, plan.left, 1, width).copyFrom(ws.getRangeByIndexes(src.row, src.left, 1, width), 'Formats');
      });
    }
    for (const m of plan.merges) ws.getRange(rangeToA1(m)).merge(false);
    for (const w of plan.writes) ws.getRange(w.ref.address).values = [[safe(w.text)]];
    if (supports('ExcelApi', '1.8')) {
      for (const v of plan.validations) {
        // dataValidation is a navigation property (no load needed); the rule's load check cannot tell.
        // eslint-disable-next-line office-addins/load-object-before-read
        const dv = ws.getRange(rangeToA1(v.range)).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
        dv.errorAlert = { showAlert: false, message: '', style: 'Information', title: '' };
      }
    }
    if (supports('ExcelApi', '1.6')) {
      const areas: CellRange[] = [...(n > 0 ? [plan.block] : []), ...plan.writes.map((w) => ({ top: w.ref.row, left: w.ref.col, bottom: w.ref.row, right: w.ref.col }))];
      for (const a of areas) {
        const cf = ws.getRange(rangeToA1(a)).conditionalFormats.add('ContainsText');
        cf.textComparison.format.fill.color = INPUT_FILL;
        cf.textComparison.rule = { operator: 'Contains', text: INPUT_MARK };
      }
    }
    const first = plan.inputs[0]?.ref;
    ws.getRange(first ? first.address : toA1(Math.max(at, 0), plan.left)).select();
    await context.sync();
  });
}
