/** Shared helpers for rules: row classification against the framework, name heuristics, message bits. */
import { FRAMEWORKS, categoryKey, findLevel1, findLevel2, frameworkDetection, level1Key, resolveFrameworkId, type Framework } from '../frameworks';
import type { Field, IndicatorRow, ProjectTable } from '../model';
import type { Settings } from '../settings';
import { compact } from '../text';
import { parseIndicatorValue, type ParsedValue } from '../values';

/** Category key of a row's 二级 (e.g. "数量", "经济成本", "服务对象满意度"), from the framework when known. */
export type L2Key = string;

export interface RowInfo {
  row: IndicatorRow;
  /** Official 一级 name when recognised. */
  l1?: string;
  /** Official 二级 name when recognised. */
  l2?: string;
  /** categoryKey of l1 / l2 ("产出", "数量"…), '' when unknown. */
  l1Key: string;
  l2Key: L2Key;
  /** Compact 三级 name. */
  name: string;
  value: ParsedValue;
}

export interface TableInfo {
  framework: Framework;
  /** Frameworks the table's 一级 set fits (the chosen one first); a name right in any of them is not an error. */
  fitting: Framework[];
  /** Detection could not tell the framework apart: framework-dependent findings should be info at most. */
  ambiguous: boolean;
  rows: RowInfo[];
}

const cache = new WeakMap<ProjectTable, Map<string, TableInfo>>();

export function analyse(table: ProjectTable, settings: Settings): TableInfo {
  let byFw = cache.get(table);
  if (!byFw) cache.set(table, (byFw = new Map()));
  const hit = byFw.get(settings.framework);
  if (hit) return hit;
  const fixed = settings.framework === 'auto' ? undefined : resolveFrameworkId(settings.framework);
  const detection = frameworkDetection(table);
  const framework = fixed && fixed !== 'auto' ? FRAMEWORKS[fixed] : detection.framework;
  const fitting = fixed && fixed !== 'auto' ? [framework] : detection.fitting;
  const rows = table.indicators.map((row) => classify(framework, row));
  const info = { framework, fitting, ambiguous: !fixed && detection.ambiguous, rows };
  byFw.set(settings.framework, info);
  return info;
}

function classify(fw: Framework, row: IndicatorRow): RowInfo {
  const l1def = findLevel1(fw, row.level1.text);
  const l2hit = findLevel2(fw, row.level2.text, row.level1.text);
  const l1def2 = l1def ?? l2hit?.level1;
  const l1 = l1def2?.name;
  return {
    row,
    l1,
    l2: l2hit?.name,
    l1Key: l1def2 ? level1Key(l1def2) : '',
    l2Key: l2hit ? categoryKey(l2hit.name) : '',
    name: compact(row.level3.text),
    value: parseIndicatorValue(row.value.text),
  };
}

/** 成本-type row in either framework (88号 二级 成本, 101号 一级 成本 / 经济成本). */
export function isCostRow(r: RowInfo): boolean {
  return r.l2Key === '成本' || r.l1Key === '成本';
}

/** Cost rows that must be measured in money: 88号 成本指标 and 101号 经济成本指标. */
export function isMoneyCostRow(r: RowInfo): boolean {
  return r.l2Key === '成本' || r.l2Key === '经济成本';
}

export function isSatisfactionRow(r: RowInfo): boolean {
  return r.l1Key === '满意度' || /满意/.test(r.name);
}

const RATE_PATTERN = /率|比例|比重|占比|百分比|%|覆盖面|达标度/u;
export function isRateName(name: string): boolean {
  return RATE_PATTERN.test(compact(name));
}

const COUNT_PATTERN = /次数|人数|个数|数量|场次|期数|人次|户数|村数|家数|件数|项数|篇数|课时数|学时数|名额|（人）|\(人\)|（次）|\(次\)|（个）|\(个\)/u;
/** Names that count things or people ("培训活动次数", "聘用人员数量"), excluding rates. */
export function isCountName(name: string): boolean {
  const n = compact(name);
  return COUNT_PATTERN.test(n) && !isRateName(n);
}

/** Money words in a name ("成本", "费用", "金额"…). */
export function isMoneyName(name: string): boolean {
  return /成本|费用|金额|资金|经费|支出|预算|价款|造价/u.test(compact(name));
}

/** Cell address for messages, e.g. "E12". */
export function at(f: Field | undefined): string {
  return f?.ref.address ?? '';
}

/** Quote a cell value zh-CN style; blank shows as （空）. */
export function q(text: string | undefined): string {
  const t = (text ?? '').replace(/\s+/gu, ' ').trim();
  return t ? `“${t}”` : '（空）';
}

/** Money amount of a parsed value in the table's money unit (万元 by default); undefined when not money. */
export function moneyIn(value: ParsedValue, tableUnit: string): number | undefined {
  // A unit cost ("600元/人", per set) is not an amount that adds up to the budget.
  if (value.kind !== 'numeric' || value.number === undefined || !value.unit || value.per) return undefined;
  const yuan: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };
  const from = yuan[value.unit];
  const to = yuan[compact(tableUnit)] ?? 1e4;
  if (!from) return undefined;
  return (value.number * from) / to;
}

/** Project context text (name, goal, fund use, title) for relevance checks. */
export function projectContext(table: ProjectTable): string {
  return compact([table.title?.text, table.projectName?.text, table.goal?.text, table.fundUse?.text].filter(Boolean).join(' '));
}

export function fmtNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}
