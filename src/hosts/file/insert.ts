/**
 * Writes template insertions and the 部门整体绩效目标 sheet into a copy of an .xlsx file (ExcelJS, like the
 * annotator's --fix path). Rows are inserted with content below shifted; only empty cells are written.
 * No Node APIs here (bundled for the web page).
 */
import ExcelJS from 'exceljs';
import type { CellRange } from '../../core/grid';
import { rangeToA1, toA1 } from '../../core/grid';
import { type OverviewDocument, overviewSheetRows, uniqueSheetName } from '../../core/overview';
import { type CellRole, type InsertPlan, formatSource } from '../../core/templates/plan';
import { loadWorkbook } from './legacyRead';
import { FileReadError } from './xlsxReader';

/** Light yellow for inputs the clerk must fill (conditional: it disappears once the mark is replaced). */
export const INPUT_FILL_ARGB = 'FFFFF2CC';
export const INPUT_MARK = '【请填写';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function roleStyle(role: CellRole): Partial<ExcelJS.Style> {
  const font = { name: '宋体', size: 10 };
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle' };
  switch (role) {
    case 'title':
      return { font: { ...font, size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
    case 'unit':
      return { font, alignment: { vertical: 'middle' } };
    case 'header':
      return { font: { ...font, bold: true }, alignment: { ...wrap, horizontal: 'center' }, border: THIN };
    case 'label':
      return { font, alignment: { ...wrap, horizontal: 'center' }, border: THIN };
    case 'money':
      return { font, alignment: { ...wrap, horizontal: 'right' }, border: THIN, numFmt: '0.00' };
    default:
      return { font, alignment: wrap, border: THIN };
  }
}

export function hasFormulas(wb: ExcelJS.Workbook): boolean {
  let found = false;
  wb.eachSheet((ws) => {
    if (found) return;
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) found = true;
      });
    });
  });
  return found;
}

function shift(range: CellRange, at: number, n: number): CellRange {
  if (range.top >= at) return { ...range, top: range.top + n, bottom: range.bottom + n };
  if (range.bottom >= at) return { ...range, bottom: range.bottom + n };
  return range;
}

function parseRef(a1: string): CellRange | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(a1.trim());
  if (!m) return undefined;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

/** Applies an InsertPlan to a loaded workbook; throws FileReadError with a zh-CN message when it cannot be done safely. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: InsertPlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new FileReadError('corrupt', `找不到工作表“${plan.sheet}”`);
  const n = plan.rows.length;
  const at = plan.after + 1; // 0-based first inserted row
  if (n > 0 && at < ws.rowCount && hasFormulas(wb)) {
    throw new FileReadError(
      'corrupt',
      '该工作簿含有公式，插入行后公式引用需要由电子表格程序调整：请在 Excel 或 WPS 中使用加载项插入模板，或选择表格下方的空白位置',
    );
  }
  for (const w of plan.writes) {
    const cell = ws.getCell(w.ref.address);
    const v = cell.value;
    if (v !== null && v !== undefined && String(v).trim() !== '') throw new FileReadError('corrupt', `单元格 ${w.ref.address} 已有内容，未做任何修改`);
  }
  if (n > 0) {
    // ExcelJS does not move merges, validations or conditional formats with spliced rows: move them here.
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRef).filter((m): m is CellRange => !!m);
    const moving = merges.filter((m) => m.bottom >= at);
    for (const m of moving) ws.unMergeCells(rangeToA1(m));
    const dv = (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;
    const oldDv = dv ? { ...dv.model } : {};
    ws.spliceRows(at + 1, 0, ...plan.rows.map(() => []));
    for (const m of moving) ws.mergeCells(rangeToA1(shift(m, at, n)));
    if (dv) {
      dv.model = {};
      for (const [addr, rule] of Object.entries(oldDv)) {
        const r = parseRef(addr);
        dv.model[r ? rangeToA1(shift(r, at, n)) : addr] = rule;
      }
    }
    for (const cf of (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? []) {
      cf.ref = cf.ref
        .split(/\s+/)
        .map((part: string) => {
          const r = parseRef(part);
          return r ? rangeToA1(shift(r, at, n)) : part;
        })
        .join(' ');
    }
  }
  plan.rows.forEach((values, i) => {
    const row = ws.getRow(at + i + 1);
    // Rows with a source (the surrounding table's matching row) copy its formats; the others get the standard look.
    const source = formatSource(plan, i);
    values.forEach((v, c) => {
      const cell = row.getCell(plan.left + c + 1);
      const like = source === undefined ? undefined : ws.getRow(source.row + 1).getCell(source.left + c + 1);
      cell.style = like && like.style && Object.keys(like.style).length ? { ...like.style } : roleStyle(plan.roles[i][c]);
      if (v !== null && v !== '') cell.value = v;
    });
  });
  for (const m of plan.merges) ws.mergeCells(rangeToA1(m));
  for (const w of plan.writes) ws.getCell(w.ref.address).value = w.text;
  for (const v of plan.validations) {
    for (let r = v.range.top; r <= v.range.bottom; r++) {
      for (let c = v.range.left; c <= v.range.right; c++) {
        ws.getCell(toA1(r, c)).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${v.list.join(',')}"`],
          showErrorMessage: false,
        };
      }
    }
  }
  const blocks = [plan.block, ...plan.writes.map((w) => ({ top: w.ref.row, left: w.ref.col, bottom: w.ref.row, right: w.ref.col }))];
  ws.addConditionalFormatting({
    ref: blocks.map(rangeToA1).join(' '),
    rules: [
      {
        type: 'containsText',
        operator: 'containsText',
        text: INPUT_MARK,
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: INPUT_FILL_ARGB } } },
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
}

export async function insertPlanIntoBuffer(data: ArrayBuffer | Uint8Array, plan: InsertPlan): Promise<Uint8Array> {
  const wb = await loadWorkbook(data);
  applyPlanToWorkbook(wb, plan);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Adds the generated section as a new sheet (suffixed name when taken), formatted for A4 printing, sources in column B. */
export function addOverviewSheet(wb: ExcelJS.Workbook, doc: OverviewDocument, base = '部门整体绩效目标'): string {
  const name = uniqueSheetName(base, wb.worksheets.map((w) => w.name));
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  ws.columns = [{ width: 90 }, { width: 48 }];
  const rows = overviewSheetRows(doc);
  ws.getRow(1).getCell(2).value = '数据来源（单元格）';
  ws.getRow(1).getCell(2).font = { name: '宋体', size: 9, color: { argb: 'FF666666' } };
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    const a = row.getCell(1);
    if (r.text) a.value = r.text;
    const fonts: Record<string, Partial<ExcelJS.Font>> = {
      title: { name: '方正小标宋简体', size: 18 },
      heading: { name: '黑体', size: 14 },
      subheading: { name: '楷体', size: 14, bold: true },
      body: { name: '仿宋', size: 14 },
    };
    a.font = fonts[r.style] ?? fonts.body;
    a.alignment = { wrapText: true, vertical: 'top', horizontal: r.style === 'title' ? 'center' : 'left', indent: r.style === 'body' ? 2 : 0 };
    if (i > 0 && r.sources) {
      const b = row.getCell(2);
      b.value = r.sources;
      b.font = { name: '宋体', size: 9, color: { argb: 'FF666666' } };
      b.alignment = { wrapText: true, vertical: 'top' };
      // A note on the text cell keeps the trace when column B is hidden or not printed.
      a.note = `数据来源：\n${r.sources}`;
    }
    if (r.style === 'body') row.height = Math.max(20, Math.ceil(r.text.length / 40) * 20);
  });
  ws.pageSetup.printArea = `A1:A${rows.length}`;
  return name;
}

export async function overviewIntoBuffer(data: ArrayBuffer | Uint8Array, doc: OverviewDocument): Promise<{ buffer: Uint8Array; sheet: string }> {
  const wb = await loadWorkbook(data);
  const sheet = addOverviewSheet(wb, doc);
  return { buffer: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), sheet };
}
