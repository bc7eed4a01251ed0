/**
 * Label vocabulary, matched against compact text (width-folded, no spaces: "其中:财政资金").
 * Clerks' templates differ by province and year; every known variant is listed here.
 */

const MONEY_SUFFIX = '(?:\\((?:万元|元)\\))?';

export const LABELS = {
  projectCode: /^(?:项目编码|项目代码|项目编号)$/,
  projectName: /^(?:项目名称|项目名)$/,
  budget: new RegExp(`^(?:预算数|预算资金|年度预算数?|预算金额|项目预算|项目总预算|资金总额|年度资金总额)${MONEY_SUFFIX}:?$`),
  fiscal: new RegExp(`^(?:其中:?)?(?:财政资金|财政拨款|一般公共预算(?:资金)?)${MONEY_SUFFIX}:?$`),
  other: new RegExp(`^(?:其中:?)?(?:其他资金|其它资金|自筹资金|其他来源资金)${MONEY_SUFFIX}:?$`),
  fundSection: /^预算(?:规模|资金)及资金用途$/,
  fundUse: /^(?:资金用途|主要用途|资金主要用途|项目资金用途)$/,
  schedule: /^(?:资金支出计划|支出计划|资金支出进度|资金使用计划|分月支出计划)(?:\(%\)|%)?$/,
  goal: /^(?:年度)?(?:绩效目标|项目绩效目标|年度目标|总体目标)$/,
  level1: /^一级指标$/,
  level2: /^二级指标$/,
  level3: /^三级指标$/,
  description: /^(?:绩效指标描述|指标描述|指标解释|指标说明|指标内容)$/,
  value: /^(?:指标值|目标值|指标值\(含单位\)|绩效指标值|年度指标值)$/,
  basis: /^(?:指标值确定依据|指标值设定依据|确定依据|设定依据|指标值依据|指标来源)$/,
  unitLine: /单位:?(万元|元)/,
  title: /绩效目标(?:申报)?表$/,
} as const;

/** Period label → month it ends at. Accepts 3月底/3月末/3月/一季度/第一季度/上半年/前三季度/全年. */
export function periodMonth(key: string): number | undefined {
  const m = /^(\d{1,2})月(?:底|末|份|止)?(?:前)?$/.exec(key);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  const quarters: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };
  const q = /^(?:第)?([一二三四1-4])季度(?:末|底)?$/.exec(key);
  if (q) return quarters[q[1]];
  const named: Record<string, number> = { 上半年: 6, 前三季度: 9, 全年: 12, 年底: 12, 年末: 12, 下半年: 12 };
  return named[key];
}

export type IndicatorHeaderKey = 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'basis';

export const INDICATOR_HEADERS: IndicatorHeaderKey[] = ['level1', 'level2', 'level3', 'description', 'value', 'basis'];
