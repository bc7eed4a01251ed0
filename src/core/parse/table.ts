import type { Field, MoneyField, ProjectTable } from '../model';
import { LABELS } from './labels';
import { parseMoney } from './numbers';
import { doubt, doubtsOf, readIndicators } from './indicators';
import { inlineField, isIdentityRow, isIndicatorHeaderRow, isLabel, labelKind } from './rows';
import { readSchedule } from './schedule';
import { readMoneyBlock } from './money';
import type { SheetView } from './sheet';
import { withoutTrailingColons } from '../text';

function readInlineField(view: SheetView, table: ProjectTable, row: number, col: number): void {
  const inline = inlineField(view.key(row, col));
  if (!inline) return;
  const cell = view.field(row, col, inline.kind === 'goal' || inline.kind === 'fundUse');
  // Drop the label with its colons ("其中：财政资金：30" → "30") from the text as shown.
  const labelPart = view.key(row, col).slice(0, -inline.value.length - 1);
  const colons = (labelPart.match(/:/g) ?? []).length + 1;
  let text = cell.text;
  for (let k = 0; k < colons; k++) text = text.replace(/^[^:：]*[:：]\s*/, '');
  const field: Field = { text, raw: text, ref: cell.ref };
  if (inline.kind === 'budget' || inline.kind === 'fiscal' || inline.kind === 'other') {
    table[inline.kind] = { text, raw: text, ref: cell.ref, amount: parseMoney(text, text) };
  } else {
    table[inline.kind] = field;
  }
}

/**
 * Column of the value that belongs to the label at (row, col): the first non-empty cell to its right
 * before the next label, or the first slot when the value is blank (so findings can point at it).
 */
function valueCol(view: SheetView, row: number, col: number): number | undefined {
  const first = view.nextSlotCol(row, col);
  // A blank merged box right of the label is the value's box (a blank form): never the next label's text.
  if (view.key(row, first) === '' && view.spanEnd(row, first) > first) return first;
  for (let c = first; c < view.cols; c++) {
    if (view.isMergeSlave(row, c)) continue;
    const k = view.key(row, c);
    if (k === '' || SUBTOTAL.test(k)) continue; // 资金来源 | 财政资金 | 小计 | 80: the amount is right of 小计
    return isLabel(k) ? first : c;
  }
  return first;
}

/**
 * The value of a label at (row, labelCol) read from `col`. When that slot holds the next label (a blank form:
 * "资金总额： | 财政拨款："), the value is blank and points at the label's own cell, where it would be typed.
 */
function valueField(view: SheetView, row: number, col: number, labelCol: number): Field {
  if (isLabel(view.key(row, col))) return { text: '', raw: null, ref: view.field(row, labelCol).ref };
  return view.field(row, col);
}

function moneyField(view: SheetView, row: number, col: number, labelCol: number): MoneyField {
  const f = valueField(view, row, col, labelCol);
  return { text: f.text, raw: f.raw, ref: f.ref, amount: parseMoney(f.raw, f.text) };
}

const SUBTOTAL = /^(?:小计|合计|计)[:]?$/;

export interface TableRegion {
  top: number;
  bottom: number;
}

/** Parses one table in rows top..bottom (grid-local, inclusive). */
export function parseTable(view: SheetView, region: TableRegion, index: number): ProjectTable {
  const origin = view.grid.origin?.row ?? 0;
  const table: ProjectTable = {
    id: `${view.sheet}!A${region.top + origin + 1}`,
    sheet: view.sheet,
    index,
    top: region.top + origin,
    bottom: region.bottom + origin,
    moneyUnit: '万元',
    schedule: [],
    indicators: [],
    notes: [],
  };
  let headerRow: number | undefined;
  let firstIdentityRow: number | undefined;
  let budgetRow: number | undefined;
  let fundSection: { row: number; col: number } | undefined;
  // 中长期 forms: columns holding 实施期 money labels (the 财政拨款/其他资金 labels under them belong to 实施期 too).
  const midTermCols = new Set<number>();
  let goalFromColumns = false;
  let carryover: MoneyField | undefined;
  const moneyRank = new Map<string, number>();

  for (let r = region.top; r <= region.bottom && headerRow === undefined; r++) {
    if (isIndicatorHeaderRow(view, r)) {
      headerRow = r;
      break;
    }
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const key = view.key(r, c);
      const kind = labelKind(key);
      if (!kind) {
        readInlineField(view, table, r, c);
        if (inlineField(key)?.kind === 'projectName' || inlineField(key)?.kind === 'projectCode') firstIdentityRow ??= r;
        continue;
      }
      const vc = () => valueCol(view, r, c);
      switch (kind) {
        case 'projectCode':
        case 'projectName': {
          firstIdentityRow ??= r;
          const col = vc();
          if (col !== undefined) table[kind] = valueField(view, r, col, c);
          break;
        }
        case 'midTermMoney':
          midTermCols.add(c);
          break;
        case 'carryover': {
          if (midTermCols.has(c)) break;
          const col = vc();
          if (col !== undefined) carryover = moneyField(view, r, col, c);
          break;
        }
        case 'budget':
        case 'fiscal':
        case 'other': {
          if (midTermCols.has(c)) break;
          // "当年资金总额" beats a plain "资金总额" beside it (the whole 实施期 on 中长期 forms).
          const rank = /^(?:其中:?)?(?:当年|本年度?|年度|全年)/.test(key) ? 2 : 1;
          if ((moneyRank.get(kind) ?? 0) > rank) break;
          const col = vc();
          if (col !== undefined) table[kind] = moneyField(view, r, col, c);
          moneyRank.set(kind, rank);
          if (kind === 'budget') budgetRow = r;
          break;
        }
        case 'department':
        case 'implementer':
        case 'manager': {
          const col = vc();
          if (col !== undefined && !table[kind]) table[kind] = valueField(view, r, col, c);
          break;
        }
        case 'fundUse': {
          const col = vc();
          if (col !== undefined) table.fundUse = view.field(r, col, true);
          break;
        }
        case 'fundSection':
          fundSection = { row: r, col: c };
          break;
        case 'schedule':
          table.schedule = readSchedule(view, r, c, region.bottom);
          if (table.schedule.length === 0) doubt(table, 'schedule', '资金支出计划栏中没有可识别的时间节点（如“3月底”“一季度”）');
          break;
        case 'midTermGoal':
        case 'goal': {
          if (goalFromColumns) break;
          const under = goalsUnderColumnTitles(view, r, c, region.bottom);
          if (under) {
            // 总体目标 | 实施期目标 | 年度目标 with the texts in the row below: read each column.
            Object.assign(table, under);
            goalFromColumns = true;
            break;
          }
          const col = vc();
          if (col === undefined) break;
          if (kind === 'midTermGoal') table.midTermGoal = view.field(r, col, true);
          else table.goal = readGoal(view, r, col, c, region.bottom);
          break;
        }
        default:
          break;
      }
    }
  }

  if (carryover) table.carryover = carryover;
  readMoneyBlock(view, table, region.top, (headerRow ?? region.bottom + 1) - 1);
  if (!table.fundUse && (fundSection || budgetRow !== undefined)) {
    table.fundUse = findImplicitFundUse(view, fundSection, budgetRow, region.bottom);
  }
  readHeading(view, table, region.top, firstIdentityRow ?? headerRow ?? region.top);

  if (headerRow === undefined) {
    table.notes.push({
      sheet: view.sheet,
      ref: table.projectName?.ref,
      message: '未找到指标表头（一级指标、二级指标、三级指标……），本表的绩效指标未能读取。',
    });
  } else {
    readIndicators(view, table, headerRow, region.bottom);
  }
  usedColumns(view, table, region);
  const why = doubtsOf(table);
  if (why.length) {
    table.notes.push({
      sheet: view.sheet,
      ref: table.projectName?.ref ?? table.title?.ref,
      message: `本表部分内容未能可靠读取：${why.join('；')}。相关检查已跳过，请人工核对。`,
    });
  }
  return table;
}

/** The widest extent of the table's non-empty cells (and merged areas), in sheet columns. */
function usedColumns(view: SheetView, table: ProjectTable, region: TableRegion): void {
  let left = Infinity;
  let right = -Infinity;
  for (let r = region.top; r <= region.bottom; r++) {
    for (let c = 0; c < view.cols; c++) {
      if (view.key(r, c) === '') continue;
      left = Math.min(left, c);
      right = Math.max(right, view.spanEnd(r, c));
    }
  }
  if (!Number.isFinite(left)) return;
  const dc = view.grid.origin?.col ?? 0;
  table.left = left + dc;
  table.right = right + dc;
}

const ANNUAL_GOAL_TITLE = /^(?:(?:年度|当年|本年度?)(?:绩效)?目标|项目年度(?:绩效)?目标|预期目标|年初设定目标|年度绩效目标)$/;
const ACTUAL_GOAL_TITLE = /^(?:实际完成情况|(?:年度)?(?:总体)?目标完成情况(?:综述)?|年度总体目标完成情况(?:综述)?|实际完成|完成情况)$/;

/**
 * Goals laid out as column titles with the texts in the row below: 总体目标 | 实施期目标 | 年度目标 (中长期),
 * 年度总体目标 | 预期目标 | 实际完成情况 (自评), 项目年度目标 | 年度目标完成情况. undefined when the row is not
 * laid out that way (a label with its text beside it).
 */
function goalsUnderColumnTitles(
  view: SheetView,
  row: number,
  labelCol: number,
  bottom: number,
): Pick<ProjectTable, 'goal' | 'midTermGoal' | 'goalActual'> | undefined {
  const found: { goal?: number; midTermGoal?: number; goalActual?: number } = {};
  let titles = 0;
  for (let c = labelCol; c < view.cols; c++) {
    if (view.isMergeSlave(row, c)) continue;
    const k = withoutTrailingColons(view.key(row, c));
    if (k === '') continue;
    let slot: keyof typeof found | undefined;
    if (LABELS.midTermGoal.test(k)) slot = 'midTermGoal';
    else if (ANNUAL_GOAL_TITLE.test(k)) slot = 'goal';
    else if (ACTUAL_GOAL_TITLE.test(k)) slot = 'goalActual';
    else if (c !== labelCol) return undefined; // a text beside the label: not a row of titles
    if (slot && found[slot] === undefined) {
      titles++;
      found[slot] = c;
    }
  }
  // Two titles (实施期目标 | 年度目标, 预期目标 | 实际完成情况), or a group label over one 年度 title.
  const groupOverAnnual = titles === 1 && found.goal !== undefined && found.goal !== labelCol;
  if (titles < 2 && !groupOverAnnual) return undefined;
  if (found.goal === undefined && found.midTermGoal === undefined) return undefined;
  const out: Pick<ProjectTable, 'goal' | 'midTermGoal' | 'goalActual'> = {};
  for (const slot of ['goal', 'midTermGoal', 'goalActual'] as const) {
    const c = found[slot];
    if (c === undefined) continue;
    const m = view.merge(row, c);
    const below = (m ? m.bottom - (view.grid.origin?.row ?? 0) : row) + 1;
    if (below > bottom || isIndicatorHeaderRow(view, below)) return undefined;
    out[slot] = view.field(below, c, true);
  }
  return out;
}

function readGoal(view: SheetView, row: number, valueColumn: number, labelColumn: number, bottom: number): Field {
  const field = view.field(row, valueColumn, true);
  const lines = field.text ? [field.text] : [];
  // Some sheets put each goal line in its own row under a vertically merged or blank label.
  for (let r = row + 1; r <= bottom; r++) {
    if (isIndicatorHeaderRow(view, r) || isIdentityRow(view, r)) break;
    const labelBlank = view.key(r, labelColumn) === '' || view.isMergeSlave(r, labelColumn);
    const next = view.rawText(r, valueColumn);
    if (!labelBlank || next === '' || isLabel(view.key(r, valueColumn))) break;
    lines.push(next);
  }
  return { ...field, text: lines.join('\n') };
}

/** 资金用途 without its own label: the text row under 预算数 inside the 预算规模及资金用途 block. */
function findImplicitFundUse(
  view: SheetView,
  section: { row: number; col: number } | undefined,
  budgetRow: number | undefined,
  bottom: number,
): Field | undefined {
  const startRow = section?.row ?? budgetRow!;
  const endRow = Math.min(section ? (view.merge(section.row, section.col)?.bottom ?? section.row + 1) : startRow + 1, bottom);
  const fromCol = section ? view.spanEnd(section.row, section.col) + 1 : 1;
  for (let r = startRow; r <= endRow; r++) {
    if (r === budgetRow) continue;
    let hasLabel = false;
    let textCol: number | undefined;
    for (let c = fromCol; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const k = view.key(r, c);
      if (k === '') continue;
      if (labelKind(k)) hasLabel = true;
      else textCol ??= c;
    }
    if (!hasLabel && textCol !== undefined) return view.field(r, textCol, true);
    if (!hasLabel && r !== startRow) return view.field(r, fromCol, true);
  }
  return undefined;
}

function readHeading(view: SheetView, table: ProjectTable, top: number, identityRow: number): void {
  const lines: { row: number; col: number; key: string }[] = [];
  for (let r = top; r < identityRow; r++) {
    // A row with labels (绩效目标 | …) holds fields, not the title or the unit name.
    let labelled = false;
    for (let c = 0; c < view.cols && !labelled; c++) labelled = !!labelKind(view.key(r, c)) || !!inlineField(view.key(r, c));
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const key = view.key(r, c);
      if (key === '' || LABELS.attachment.test(key) || LABELS.footer.test(key)) continue;
      const unit = LABELS.unitLine.exec(key);
      if (unit) {
        table.moneyUnit = unit[1];
        continue;
      }
      if (!labelled) lines.push({ row: r, col: c, key });
    }
  }
  // The title is the line that says 绩效目标表; failing that, the first line of the heading.
  const title = lines.find((l) => LABELS.title.test(l.key)) ?? lines.find((l) => !labelKind(l.key) && !inlineField(l.key));
  if (title) table.title = view.field(title.row, title.col);
  const heading = lines.map((l) => l.key).join(' ');
  if (/自评/.test(heading)) table.kind = 'selfEval';
  else if (/批复|审核|审批/.test(heading)) table.kind = 'approve';
  else if (title) table.kind = 'declare';
  const unitName = lines.find((l) => l !== title && !labelKind(l.key) && !inlineField(l.key));
  if (unitName) table.unitName = view.field(unitName.row, unitName.col);
}
