/** Row and label classification shared by the table, schedule and indicator readers. */
import { classifyTitle, coreTitle, GRADE_TITLE } from './columns';
import { LABELS, LINE_PATTERNS, periodMonth } from './labels';
import { memoByRow, memoByString } from '../memo';
import type { SheetView } from './sheet';

export type LabelKind = Exclude<keyof typeof LABELS, (typeof LINE_PATTERNS)[number]>;

const LABEL_KINDS = Object.keys(LABELS).filter((k) => !(LINE_PATTERNS as readonly string[]).includes(k)) as LabelKind[];

/** Kind of a label cell. A trailing colon ("项目编号：") and a leading star are how labels are typed, not the name. */
export const labelKind = memoByString((key: string): LabelKind | undefined => {
  // A leading star marks a required field on many forms ("*年度总体绩效目标"); it is not part of the name.
  const k = key.replace(/^[*★☆※]+/u, '').replace(/:+$/, '');
  if (k === '') return undefined;
  return LABEL_KINDS.find((kind) => LABELS[kind].test(k));
});

/** First non-empty, visible cell of a row (grid-local column), if any. */
export function firstFilledCol(view: SheetView, row: number): number | undefined {
  for (let c = 0; c < view.cols; c++) {
    if (!view.isMergeSlave(row, c) && view.key(row, c) !== '') return c;
  }
  return undefined;
}

/** A line after a table: "注：…", "填报人：…", "联系电话：…", "填报日期：…". */
export function isFooterRow(view: SheetView, row: number): boolean {
  const c = firstFilledCol(view, row);
  return c !== undefined && LABELS.footer.test(view.key(row, c));
}

export function isLabel(key: string): boolean {
  return labelKind(key) !== undefined || periodMonth(key) !== undefined;
}

const LEVEL_KEYS: ReadonlySet<string> = new Set(['level1', 'level2', 'level3', 'midTermLevel2', 'midTermLevel3']);
/** Name column of a graded table: 指标 | 优 | 良 | 中 | 差. */
const GRADED_NAME = /^(?:三级指标|(?:绩效|考核|评价)?指标(?:名称)?|(?:考核|评价)(?:内容|项目))$/;

/**
 * True for the header row of an indicator grid: two level titles (一级指标 | 二级指标 | 三级指标, however
 * decorated: "★三级指标", "二级指标（长期）"), or a graded table's header (指标 | 优 | 良 | 中 | 差).
 */
export const isIndicatorHeaderRow = memoByRow((view: SheetView, row: number): boolean => {
  let levels = 0;
  let grades = 0;
  let name = false;
  let value = false;
  let named = false;
  let detail = 0;
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(row, c);
    if (k === '' || view.isMergeSlave(row, c)) continue;
    const t = titleTraits(k);
    if (t.level) levels++;
    if (t.key === 'value') value = true;
    if (t.key === 'level3') named = true;
    if (t.detail) detail++;
    if (t.grade) grades++;
    else if (t.gradedName) name = true;
  }
  // A flat list without 一级/二级 columns (指标 | 指标权重 | 计量单位 | 指标性质 | 指标值, 重庆's 一般性项目表). The
  // name title must be a name column's own ("指标", "指标名称"), not a group title such as "绩效指标" over the
  // 一级 | 二级 | 三级 titles of a two-row header.
  // Nor the upper row of a two-row header whose lower row holds the level titles (指标名称 over 二级 | 三级).
  const flat = named && value && detail >= 1 && !(row + 1 < view.rows && levelTitles(view, row + 1) >= 2);
  return levels >= 2 || (name && grades >= 3) || flat;
});

/** How many level titles (一级/二级/三级, 实施期 ones included) a row holds. */
function levelTitles(view: SheetView, row: number): number {
  let levels = 0;
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(row, c);
    if (k === '' || view.isMergeSlave(row, c)) continue;
    if (titleTraits(k).level) levels++;
  }
  return levels;
}

/** What the row classifiers need to know of one cell's text as a column title, worked out once per text. */
const titleTraits = memoByString((k: string) => {
  const key = classifyTitle(k);
  const grade = GRADE_TITLE.test(k);
  return {
    key,
    level: !!key && LEVEL_KEYS.has(key),
    detail: !!key && DETAIL_KEYS.has(key),
    grade,
    gradedName: !grade && GRADED_NAME.test(coreTitle(k)),
  };
});

/** Columns that only an indicator grid has next to its name and value columns. */
const DETAIL_KEYS: ReadonlySet<string> = new Set(['weight', 'unit', 'valueType', 'description', 'basis', 'standard']);

/** Columns of 项目名称/项目编码 labels in a row. */
function identityLabelCols(view: SheetView, row: number): number[] {
  const cols: number[] = [];
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(row, c);
    if (k === '' || view.isMergeSlave(row, c)) continue;
    const kind = labelKind(k);
    if (kind === 'projectName' || kind === 'projectCode') cols.push(c);
  }
  return cols;
}

type InlineKind = 'projectCode' | 'projectName' | 'budget' | 'fiscal' | 'other' | 'fundUse' | 'goal';

const INLINE_KINDS: readonly string[] = ['projectCode', 'projectName', 'budget', 'fiscal', 'other', 'fundUse', 'goal'];

/** "项目名称：干部培训" — a label and its value typed in one cell (the answer is shared: read it, never change it). */
export function inlineField(key: string): { kind: InlineKind; value: string } | undefined {
  // Most cells hold no colon near their start: answered without the memo (every cell of a row is asked).
  const colon = key.indexOf(':');
  return colon < 0 || colon > 16 ? undefined : inlineFieldOf(key);
}

const inlineFieldOf = memoByString((key: string): { kind: InlineKind; value: string } | undefined => {
  // Try each colon: "其中:财政资金:30" is labelled by "其中:财政资金".
  for (let i = key.indexOf(':'); i >= 0 && i <= 16; i = key.indexOf(':', i + 1)) {
    if (i < 2 || i === key.length - 1) continue;
    const kind = labelKind(key.slice(0, i));
    if (kind && INLINE_KINDS.includes(kind)) return { kind: kind as InlineKind, value: key.slice(i + 1) };
  }
  return undefined;
});

function hasInlineIdentity(view: SheetView, row: number): boolean {
  for (let c = 0; c < view.cols; c++) {
    const kind = inlineField(view.key(row, c))?.kind;
    if (kind === 'projectName' || kind === 'projectCode') return true;
  }
  return false;
}

/**
 * True for the row that opens a target table: a 项目名称/项目编码 label followed by its value (or a blank slot).
 * In a list or summary sheet the same words are column titles followed by more column titles
 * (序号 | 项目名称 | 预算数 | 财政资金…): that is a list header, not a table.
 */
export const isIdentityRow = memoByRow((view: SheetView, row: number): boolean => {
  const cols = identityLabelCols(view, row);
  if (cols.length === 0) return hasInlineIdentity(view, row);
  const first = firstFilledCol(view, row);
  if (first !== undefined && LABELS.listIndex.test(view.key(row, first))) return false;
  return cols.some((c) => !isLabel(view.key(row, view.nextSlotCol(row, c))));
});

/** A row of column titles (项目名称 next to 预算数, 项目编码…) heading a list of projects rather than one table. */
export function isListHeaderRow(view: SheetView, row: number): boolean {
  const cols = identityLabelCols(view, row);
  return cols.length > 0 && !isIdentityRow(view, row);
}
