/**
 * Multi-column money blocks: a row of column titles (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, or
 * 金额 | 测算依据 | 2020年实际执行数) over rows labelled by source (年度资金总额 / 其中：财政拨款 / 上年结转 /
 * 其他资金). Each amount is read at the crossing of its row title and the budget column, never as "the first
 * cell right of the label" (that may be a prior-year, executed or "——" cell).
 */
import type { MoneyField, ProjectTable } from '../model';
import { memoByString } from '../memo';
import { coreTitle } from './columns';
import { doubt } from './indicators';
import { parseMoney } from './numbers';
import { labelKind } from './rows';
import type { SheetView } from './sheet';
import { withoutTrailingColons } from '../text';

type MoneyKind = 'budget' | 'fiscal' | 'other' | 'carryover';

/** Row titles of a total line in a money block (总额 | 238.93 …). */
const TOTAL_ROW = /^(?:总额|合计|总计|资金合计|资金总额|项目资金总额|年度资金总额|预算总额)$/;

/**
 * How good a column title is as "the budget": 3 this year's (adjusted) budget, 2 a budget amount, -1 a column
 * that is never the budget (executed, prior-year, score, rate, notes), undefined when it is no money title.
 */
export const moneyColumnRank = memoByString((key: string): number | undefined => {
  const k = coreTitle(key).replace(/:+$/, '');
  if (k === '') return undefined;
  if (/执行|实际|支出数|完成|结余|决算|分值|执行率|得分|权重|原因|备注|说明|测算|依据|上年|去年|前年|历史|实施期|中长期|中期|项目期|累计|单价|数量/.test(k)) {
    return -1;
  }
  if (/^(?:全年|调整后|年度|当年|本年度?)(?:预算|资金|金额)?(?:数|总额)?$|预算调整数|调整后(?:的)?预算/.test(k)) return 3;
  if (/预算|金额|资金|申请|批复|安排/.test(k)) return 2;
  return undefined;
});

function kindOfRowTitle(key: string): MoneyKind | undefined {
  const k = withoutTrailingColons(key);
  const kind = labelKind(k);
  if (kind === 'budget' || kind === 'fiscal' || kind === 'other' || kind === 'carryover') return kind;
  return TOTAL_ROW.test(coreTitle(k)) ? 'budget' : undefined;
}

/** A row of money column titles: two or more titles right of `fromCol`. Returns the titles' columns and ranks. */
function titleRow(view: SheetView, row: number, fromCol: number): Map<number, number> | undefined {
  let ranks: Map<number, number> | undefined;
  for (let c = fromCol; c < view.cols; c++) {
    const k = view.key(row, c);
    if (k === '' || view.isMergeSlave(row, c)) continue;
    const rank = moneyColumnRank(k);
    if (rank === undefined) {
      if (/^-?\d/.test(k)) return undefined; // a row of amounts, not titles
      continue;
    }
    (ranks ??= new Map()).set(c, rank);
  }
  return ranks && ranks.size >= 2 ? ranks : undefined;
}

/**
 * Re-reads the money fields of a table whose money block has column titles. `top`..`end` are the grid-local rows
 * above the indicator header. Leaves the table alone when there is no such block.
 */
export function readMoneyBlock(view: SheetView, table: ProjectTable, top: number, end: number): void {
  // Row titles of the block: the first money label of each row.
  const rowTitles: { row: number; col: number; kind: MoneyKind }[] = [];
  for (let r = top; r <= end; r++) {
    if (titleRow(view, r, 0)) continue; // a row of column titles (its corner may read "年度预算数（万元）")
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c)) continue;
      const kind = kindOfRowTitle(view.key(r, c));
      if (kind) {
        rowTitles.push({ row: r, col: c, kind });
        break;
      }
    }
  }
  if (rowTitles.length === 0) return;
  const labelCol = rowTitles[0].col;
  const firstRow = rowTitles[0].row;
  let titles: Map<number, number> | undefined;
  let titleAt = -1;
  for (let r = firstRow; r >= Math.max(top, firstRow - 3) && !titles; r--) {
    titles = titleRow(view, r, view.spanEnd(r, labelCol) + 1);
    if (titles) titleAt = r;
  }
  if (!titles) return;
  // The best-ranked budget column; among equals (2024年预算数 | 2025年预算数) the latest year.
  const year = (c: number) => Number(/(\d{4})年/.exec(view.key(titleAt, c))?.[1] ?? 0);
  let best: number | undefined;
  for (const [c, rank] of titles) {
    if (rank < 2) continue;
    const better = best === undefined || rank > titles.get(best)! || (rank === titles.get(best)! && year(c) > year(best));
    if (better) best = c;
  }
  const rows = rowTitles.filter((t) => t.row > titleAt && t.col === labelCol);
  if (rows.length === 0) return;
  if (best === undefined) {
    doubt(table, 'budget', '资金栏的各列（如执行数、上年数）中没有本年预算数列');
    return;
  }
  const seen = new Set<MoneyKind>();
  for (const t of rows) {
    if (seen.has(t.kind)) continue;
    seen.add(t.kind);
    const f = view.field(t.row, best);
    const field: MoneyField = { text: f.text, raw: f.raw, ref: f.ref, amount: parseMoney(f.raw, f.text) };
    table[t.kind] = field;
  }
}
