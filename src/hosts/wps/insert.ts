/**
 * Template insertion in WPS 表格 (synchronous ET object model): executes a core InsertPlan. Optional features
 * (list validation, conditional highlight) are used when the build exposes them and skipped otherwise.
 */
import { rangeToA1 } from '../../core/grid';
import { MARK_COLORS } from '../../core/marks';
import { type CellRole, type InsertPlan, formatSource } from '../../core/templates/plan';
import { type EtRange, type EtWorksheet, get, hexToBgr, set } from './et';

export const INPUT_FILL = '#FFF2CC';
const XL_CENTER = -4108;
const XL_VALIDATE_LIST = 3;
const XL_TEXT_STRING = 9;
const XL_CONTAINS = 0;

type Any = Record<string, unknown>;

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

function call(obj: unknown, name: string, ...args: unknown[]): unknown {
  const fn = (obj as Any | null | undefined)?.[name];
  return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown).apply(obj, args) : undefined;
}

function style(range: EtRange, role: CellRole): void {
  const font = get<Any>(range, 'Font');
  set(font, 'Name', '宋体');
  set(font, 'Size', role === 'title' ? 14 : 10);
  set(font, 'Bold', role === 'title' || role === 'header');
  set(range, 'WrapText', role !== 'title' && role !== 'unit');
  if (role === 'title' || role === 'header' || role === 'label') set(range, 'HorizontalAlignment', XL_CENTER);
  if (role === 'money') set(range, 'NumberFormat', '0.00');
}

const XL_NONE = -4142;
const MARK_FILLS = new Set(Object.values(MARK_COLORS).map((c) => hexToBgr(c.hex)));
const FONT_PROPS = ['Name', 'Size', 'Bold', 'Italic', 'Color'];
const RANGE_PROPS = ['HorizontalAlignment', 'VerticalAlignment', 'WrapText', 'NumberFormat'];
const BORDER_PROPS = ['LineStyle', 'Weight'];

/** Copies one property when the source has a definite value (null: mixed, undefined: not on this build). */
function copyProp(from: unknown, to: unknown, name: string): void {
  try {
    const v = get<unknown>(from, name);
    if (v !== null && v !== undefined) set(to, name, v);
  } catch {
    // a property this build lacks or refuses: the standard look stays
  }
}

/** A cell's font, fill, borders, alignment and number format onto another cell, without the clipboard. */
function copyFormat(from: EtRange, to: EtRange): void {
  const part = (range: EtRange, name: string): unknown => {
    try {
      return get<unknown>(range, name);
    } catch {
      return undefined;
    }
  };
  const [fromFont, toFont] = [part(from, 'Font'), part(to, 'Font')];
  if (fromFont && toFont) for (const p of FONT_PROPS) copyProp(fromFont, toFont, p);
  for (const p of RANGE_PROPS) copyProp(from, to, p);
  const [fromBorders, toBorders] = [part(from, 'Borders'), part(to, 'Borders')];
  if (fromBorders && toBorders) for (const p of BORDER_PROPS) copyProp(fromBorders, toBorders, p);
  const [fromFill, toFill] = [part(from, 'Interior'), part(to, 'Interior')];
  if (!fromFill || !toFill) return;
  try {
    const color = get<unknown>(fromFill, 'Color');
    // A 校验 mark on the source is not the table's look: the new cell stays unfilled.
    if (get<unknown>(fromFill, 'ColorIndex') === XL_NONE || MARK_FILLS.has(Number(color))) set(toFill, 'ColorIndex', XL_NONE);
    else copyProp(fromFill, toFill, 'Color');
  } catch {
    // fills are cosmetic
  }
}

/** Executes the plan. Throws (zh-CN) before changing anything when a cell to write is no longer empty. */
export function insertPlanWps(ws: EtWorksheet, plan: InsertPlan): void {
  const busy = plan.writes.filter((w) => text(ws.Range(w.ref.address).Value2) !== '');
  if (busy.length) throw new Error(`单元格 ${busy.map((w) => w.ref.address).join('、')} 已有内容，未做任何修改，请重新预览`);
  const n = plan.rows.length;
  const at = plan.after + 1; // 0-based first new row
  if (n > 0) {
    get<{ Insert(shift?: number): unknown }>(ws.Range(`A${at + 1}:A${at + n}`), 'EntireRow').Insert();
    const completion = plan.roles.every((r) => r.every((x) => x === 'indicator')) && plan.after >= 0;
    const bordered = ws.Range(rangeToA1(completion ? plan.block : { ...plan.block, top: Math.min(plan.block.bottom, at + 2) }));
    set(get<Any>(bordered, 'Borders'), 'LineStyle', 1);
    plan.rows.forEach((row, i) => {
      // The standard look first; rows with a source then copy the surrounding table's formats (like Excel's copyFrom).
      const source = formatSource(plan, i);
      row.forEach((v, c) => {
        const cell = ws.Range(rangeToA1({ top: at + i, left: plan.left + c, bottom: at + i, right: plan.left + c }));
        style(cell, plan.roles[i][c]);
        if (source) copyFormat(ws.Range(rangeToA1({ top: source.row, left: source.left + c, bottom: source.row, right: source.left + c })), cell);
        if (v !== null && v !== '') cell.Value2 = typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
      });
    });
  }
  for (const m of plan.merges) call(ws.Range(rangeToA1(m)), 'Merge');
  for (const w of plan.writes) ws.Range(w.ref.address).Value2 = w.text.startsWith('=') ? `'${w.text}` : w.text;
  for (const v of plan.validations) {
    const validation = get<Any | undefined>(ws.Range(rangeToA1(v.range)), 'Validation');
    if (!validation || typeof validation.Add !== 'function') continue;
    call(validation, 'Delete');
    call(validation, 'Add', XL_VALIDATE_LIST, 1, 1, v.list.join(','));
    set(validation, 'ShowError', false);
  }
  const areas = [...(n > 0 ? [plan.block] : []), ...plan.writes.map((w) => ({ top: w.ref.row, left: w.ref.col, bottom: w.ref.row, right: w.ref.col }))];
  for (const a of areas) {
    const conditions = get<Any | undefined>(ws.Range(rangeToA1(a)), 'FormatConditions');
    if (!conditions || typeof conditions.Add !== 'function') continue;
    const fc = call(conditions, 'Add', XL_TEXT_STRING, undefined, undefined, undefined, '【请填写', XL_CONTAINS);
    if (fc) set(get<Any>(fc, 'Interior'), 'Color', hexToBgr(INPUT_FILL));
  }
  const first = plan.inputs[0]?.ref;
  call(ws.Range(first ? first.address : rangeToA1({ top: Math.max(at, 0), left: plan.left, bottom: Math.max(at, 0), right: plan.left })), 'Select');
}
