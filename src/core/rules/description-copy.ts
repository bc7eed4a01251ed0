import type { ProjectTable } from '../model';
import { compact } from '../text';
import { COUNT_UNITS, TIME_UNITS } from '../values';
import { foreignMark } from './domains';
import { isFillerName } from './filler-indicator';
import type { Rule } from './types';
import { analyse, isCountName, isMoneyCostRow, isRateName, isSatisfactionRow, isUnitCost, moneyUnit, projectContext, q, type RowInfo } from './util';

/** Rates by what they count: numerator and denominator a reviewer expects in the description. */
const RATE_FORMULAS: [RegExp, string][] = [
  // Money rates first: "成本利用率" or "资金执行率" divide money by money, not counts.
  [/(?:成本|资金|经费|预算|费用).*(?:利用率|使用率|执行率|支出率|支付率)/u, '实际支出金额÷预算安排金额×100%'],
  [/完成率|执行率|实施率|落实率|办结率|兑现率/u, '实际完成数÷计划完成数×100%'],
  [/完好率|正常运行率|可用率/u, '完好（正常运行）的设施设备数÷设施设备总数×100%'],
  [/合格率|达标率|验收|通过率|优良率|优秀率|准确率|正确率/u, '检查（验收）合格的数量÷检查（验收）总数×100%'],
  [/覆盖率|普及率|参保率|建档率|入学率|受益率/u, '已覆盖的对象（区域）数÷应覆盖的对象（区域）总数×100%'],
  [/处置率|办理率|办结率|解决率|化解率|结案率|回复率/u, '妥善处置（办结）的事项数÷受理事项总数×100%'],
  [/配置率|配备率|到岗率|在岗率/u, '实际配置的岗位（人员）数÷核定岗位（人员）数×100%'],
  [/投诉率/u, '有效投诉件数÷服务总人次×100%'],
  [/知晓率|知晓度|认知率/u, '知晓的受访人数÷受访总人数×100%'],
  [/及时率|按时|准时率|按期/u, '按时完成的事项数÷应完成的事项总数×100%'],
  [/到位率|发放率|兑付率|拨付率|到账率/u, '实际发放（到位）金额或人数÷应发放金额或人数×100%'],
  [/参训率|参与率|出勤率|到课率|参会率|参加率/u, '实际参加人数÷应参加人数×100%'],
  [/使用率|利用率|运行率|开放率|在线率|上线率/u, '实际使用（运行）的数量÷可用总数×100%'],
  [/增长率|增幅|提高率|提升率/u, '（本年实际数－上年实际数）÷上年实际数×100%'],
  [/下降率|降低率|减少率/u, '（上年实际数－本年实际数）÷上年实际数×100%'],
];

/** What a count indicator counts, in words that fit its name ("培训次数": the sessions held). */
function countBasis(x: string, unit: string): string {
  if (/(?:人数|人次)$/u.test(x) || /^人/u.test(unit)) return '实际参加或服务的人数';
  if (/(?:次数|场次|期数|批次)$/u.test(x)) return '实际开展的次数';
  return '实际完成的数量';
}

/** The indicator name without a trailing unit note ("培训次数（次）", "完好率（%）"). */
function bareName(r: RowInfo): string {
  return r.row.level3.text.trim().replace(/\s+/gu, '').replace(/[（(][^（）()]*[）)]$/u, '').replace(/[%％]$/u, '');
}

/**
 * A grammatical, measurable description for a row, by the kind of indicator its name and value say it is
 * (survey, rate with numerator and denominator, count, money, deadline, grade); undefined when the kind is
 * not clear: then no rewrite is offered rather than a vague one.
 */
export function describeTemplate(r: RowInfo): string | undefined {
  const x = bareName(r);
  const v = r.value;
  if (!x) return undefined;
  if (isSatisfactionRow(r) && /满意/u.test(x)) {
    const who = x.replace(/(满意度|满意率|满意程度|满意)$/u, '');
    return `通过问卷调查了解${who || '服务对象'}的满意程度，满意度=表示满意和较满意的人数÷有效问卷总数×100%。`;
  }
  if (isRateName(x)) {
    if (isMoneyCostRow(r)) return undefined;
    const formula = RATE_FORMULAS.find(([re]) => re.test(x))?.[1];
    return formula ? `${x}=${formula}，按年度统计数据计算。` : undefined;
  }
  if (v.kind === 'numeric' && v.unit && COUNT_UNITS.has(v.unit) && (isCountName(x) || r.l2Key === '数量')) {
    return `${x}按年度内${countBasis(x, v.unit)}统计（单位：${v.unit}），以工作台账、签到表或验收记录为准。`;
  }
  if (isMoneyCostRow(r) && v.kind === 'numeric' && v.number !== undefined) {
    const mu = moneyUnit(v);
    if (!mu) return undefined;
    if (isUnitCost(v)) return `${x}按实际支出金额除以实际${mu.per}数计算，不超过${v.number}${mu.base}/${mu.per}，以财务账目和支付凭证为准。`;
    return `${x}按实际支出金额核算，不超过${v.number}${v.unit}，以财务账目和支付凭证为准。`;
  }
  if (r.l2Key === '时效') {
    if (v.kind === 'date') return `${x}以验收单或工作记录上的实际完成日期为准，应在${r.row.value.text.trim()}完成。`;
    if (v.kind === 'numeric' && v.unit && TIME_UNITS.has(v.unit) && (v.operator === '≤' || v.operator === '<') && !/^\d{4}$/.test(String(v.number))) {
      return `${x}按实际所用时间计算，不超过${v.number}${v.unit}，以工作记录为准。`;
    }
    return undefined;
  }
  if (v.kind === 'qualitative') return `${x}按“好、较好、一般、较差、差”五档评定，以年度考核或验收结论为准。`;
  return undefined;
}

/** Rows the checker itself calls filler or unrelated get no description rewrite: they should go. */
function rewritable(r: RowInfo, context: string): boolean {
  return !isFillerName(r.name) && !foreignMark(compact(r.row.level3.text), context) && !foreignMark(compact(r.row.description.text), context);
}

export const rule: Rule = {
  id: 'description-copy',
  severity: 'warning',
  meta: {
    title: '绩效指标描述照抄指标名称',
    criterion: '完整性',
    fixable: true,
    docs:
      '绩效指标描述要说明这个指标衡量什么、如何计算或统计，例如“维修次数”的描述写“全年对两座大楼开展维修维护的次数，按维修记录统计”。描述与三级指标名称完全相同，等同于没有描述，年底考核时无法统一口径。能从名称和指标值确定指标类型时，本规则给出相应的改写建议：满意度写明调查方式和计算公式，比率写明分子和分母，数量写明计量单位和统计依据，金额写明核算口径和上限，时限写明完成日期，等级写明评定档次；类型不明确的，以及本规则判定为凑数或与项目无关的行，不提供改写建议。',
  },
  check({ table, settings, report }) {
    const context = projectContext(table);
    for (const r of analyse(table, settings).rows) {
      if (!r.name || isFillerName(r.name)) continue;
      if (compact(r.row.description.text) !== r.name) continue;
      const to = rewritable(r, context) ? describeTemplate(r) : undefined;
      report({
        ref: r.row.description.ref,
        message: `绩效指标描述与三级指标名称${q(r.row.level3.text)}相同，未说明如何衡量。请写明统计口径或计算方法${to ? `，如“${to.replace(/。$/u, '')}”` : '，如“……=……÷……×100%”或“按……记录统计”'}。`,
        fix: to ? { from: r.row.description.text, to, description: `将描述改写为“${to}”` } : undefined,
      });
    }
  },
};

export type { ProjectTable };
