/** Shared helpers for rules: row classification against the framework, name heuristics, message bits. */
import { FRAMEWORKS, categoryKey, findLevel1, findLevel2, frameworkDetection, level1Key, resolveFrameworkId, type Framework } from '../frameworks';
import type { Field, IndicatorRow, ProjectTable } from '../model';
export { hasColumn, isUncertain } from '../parse/query';
import type { Settings } from '../settings';
import { memoByString } from '../memo';
import { compact } from '../text';
import { parseIndicatorValue, type ParsedValue } from '../values';
import { own } from '../own';

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

/** Operators a separate 指标性质 / 指标值类型 column may hold ("=", "≥", "≤", "＞"). */
const OPERATOR_CELL = /^(?:[≥≤=<>＞＜]|>=|<=|大于等于|小于等于|等于|不低于|不高于|不少于|不超过)$/u;

/**
 * The value as a reviewer reads it: on forms with a separate 计量单位 column and an operator in 指标性质, the
 * value cell holds only the number ("100" with "%" and "=" beside it).
 */
function readValue(row: IndicatorRow): ParsedValue {
  const own = parseIndicatorValue(row.value.text);
  if (own.kind !== 'numeric') return own;
  const unit = row.extra?.unit?.text.trim() ?? '';
  const op = row.extra?.valueType?.text.trim() ?? '';
  const opFromColumn = OPERATOR_CELL.test(compact(op)) && !/^[≥≤=<>＞＜]|^(不|大于|小于|等于)/u.test(compact(row.value.text));
  if ((own.unit || !unit || unit.length > 6) && !opFromColumn) return own;
  const combined = `${opFromColumn ? compact(op) : ''}${compact(row.value.text)}${own.unit || !unit ? '' : compact(unit)}`;
  const parsed = parseIndicatorValue(combined);
  return parsed.kind === 'numeric' ? parsed : own;
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
    value: readValue(row),
  };
}

/** Sub-categories official forms print as optional ("根据实际设置"): a blank row under one is unused, not empty. */
const OPTIONAL_L2 = new Set(['社会成本', '生态环境成本', '可持续影响']);

/** A row the form printed for an optional category and the unit left wholly blank. */
export function isUnusedOptionalRow(r: RowInfo): boolean {
  const { level2, level3, description, value, basis } = r.row;
  const key = r.l2Key || categoryKey(level2.text);
  return OPTIONAL_L2.has(key) && [level3, description, value, basis].every((f) => f.text.trim() === '');
}

/** 成本-type row in either framework (88号 二级 成本, 101号 一级 成本 / 经济成本). */
export function isCostRow(r: RowInfo): boolean {
  return r.l2Key === '成本' || r.l1Key === '成本';
}

/** Cost rows that must be measured in money: 88号 成本指标 and 101号 经济成本指标. */
export function isMoneyCostRow(r: RowInfo): boolean {
  return r.l2Key === '成本' || r.l2Key === '经济成本';
}

const SATISFACTION = /满意/;
export function isSatisfactionRow(r: RowInfo): boolean {
  return r.l1Key === '满意度' || SATISFACTION.test(r.name);
}

const RATE_PATTERN = /率|比例|比重|占比|百分比|%|覆盖面|达标度/u;
/** 频率, 效率, 功率 and the like end in 率 but are not percentages ("巡查频率 ≥2次/月"). */
const NOT_A_RATE = /频率|效率|功率|速率|概率(?!%)/gu;
export const isRateName = memoByString((name: string): boolean => RATE_PATTERN.test(compact(name).replace(NOT_A_RATE, '')));

const COUNT_PATTERN =
  /次数|人数|个数|数量|场次|期数|人次|户数|村数|家数|件数|项数|篇数|课时数|学时数|名额|（人）|\(人\)|（次）|\(次\)|（个）|\(个\)|(?![指系分倍基参函总均])[\u3400-\u4DBF\u4E00-\u9FFF]数$/u;
/** Names that count things or people ("培训活动次数", "聘用人员数量"), excluding rates. */
export const isCountName = memoByString((name: string): boolean => {
  const n = compact(name);
  return COUNT_PATTERN.test(n) && !isRateName(n);
});

/**
 * The unit a count name itself determines ("培训次数" → 次, "参训人数" → 人), or undefined when the name does not
 * say (then no unit is proposed: a wrong unit is worse than none).
 */
export const countUnitOf = memoByString((name: string): string | undefined => {
  const n = compact(name).replace(/[（(][^）)]*[）)]$/u, '');
  const m = /(人次|人数|场次|次数|期数|户数|个数|家数|件数|项数|篇数|村数|课时数|学时数)$/u.exec(n);
  if (!m) return undefined;
  const units: Record<string, string> = {
    人次: '人次', 人数: '人', 场次: '场', 次数: '次', 期数: '期', 户数: '户', 个数: '个', 家数: '家', 件数: '件',
    项数: '项', 篇数: '篇', 村数: '个村', 课时数: '课时', 学时数: '学时',
  };
  return units[m[1]];
});

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

const YUAN: Record<string, number> = { 元: 1, 千元: 1e3, 万: 1e4, 万元: 1e4, 亿: 1e8, 亿元: 1e8 };

/**
 * The money unit of a parsed value, whole ("万元") or per unit ("元" per "人", or a unit written "元/人"): the base
 * money unit and what it is per, or undefined when the value is not money.
 */
export function moneyUnit(value: ParsedValue): { base: string; per?: string } | undefined {
  if (value.kind !== 'numeric' || !value.unit) return undefined;
  const m = /^(元|千元|万元|万|亿元|亿)(?:\s*[/／每]\s*(.+))?$/u.exec(compact(value.unit));
  if (!m) return undefined;
  const per = value.per ?? m[2];
  return per ? { base: m[1], per } : { base: m[1] };
}

/** True for a per-unit money value ("≤200元/人"): a unit cost, not a total. */
export function isUnitCost(value: ParsedValue): boolean {
  return moneyUnit(value)?.per !== undefined;
}

/** Total money amount of a parsed value in the table's money unit (万元 by default); undefined when not a total. */
export function moneyIn(value: ParsedValue, tableUnit: string): number | undefined {
  // A unit cost ("600元/人", per set) is not an amount that adds up to the budget.
  const mu = moneyUnit(value);
  if (!mu || mu.per || value.number === undefined) return undefined;
  return convertMoney(value.number, mu.base, tableUnit);
}

/** Converts an amount between money units ("元" → "万元"); the table unit defaults to 万元. */
export function convertMoney(n: number, from: string, to: string): number | undefined {
  const f = own(YUAN, compact(from));
  const t = own(YUAN, compact(to)) ?? 1e4;
  return f ? (n * f) / t : undefined;
}

/** Project context text (name, goal, fund use, title) for relevance checks. */
export function projectContext(table: ProjectTable): string {
  return compact(
    [table.title?.text, table.unitName?.text, table.projectName?.text, table.goal?.text, table.fundUse?.text].filter(Boolean).join(' '),
  );
}

export function fmtNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}
