/**
 * Column titles of an indicator grid. Real forms decorate titles — a required-field star ("★三级指标"), a note
 * in brackets ("指标值（含单位）", "三级指标（必填）"), a unit or score suffix ("分值(100分)", "指标值(%)") — and
 * name the same column many ways. A title is first reduced to its core, then matched against the vocabulary
 * below as a whole word: a title that merely contains a hint character is never taken for a column.
 */
import { memoByString } from '../memo';
import type { ColumnKey } from '../model';
import { compact } from '../text';

/** Period qualifier of a title: "指标值（长期）", "实施期指标值", "二级指标(年度)". */
export type TitlePeriod = 'midTerm' | 'annual' | undefined;

const MID_TERM = /^(?:实施期|中长期|长期|中期|项目期|项目实施期|整体)/;
const ANNUAL = /^(?:年度|全年|当年|本年度?|今年)/;
const QUALIFIER_IN_BRACKETS = /\((实施期|中长期|长期|中期|项目期|年度|全年|当年|本年度?)\)/;

/** Reduces a header text to its core title (width-folded, no spaces): no stars, no bracketed notes, no trailing colon. */
export const coreTitle = memoByString((key: string): string =>
  compact(key)
    .replace(/^[★☆*※#▲]+/, '')
    .replace(/[([【〔《<][^)\]】〕》>]*[)\]】〕》>]/g, '')
    .replace(/[([【〔][^)\]】〕]*$/, '')
    .replace(/[★☆*※:]+$/, '')
    .replace(/^\d+[.、]/, ''),
);

/** The period a title names, in brackets or as a prefix. */
export function titlePeriod(key: string): TitlePeriod {
  const inBrackets = QUALIFIER_IN_BRACKETS.exec(compact(key))?.[1];
  const word = inBrackets ?? coreTitle(key);
  if (MID_TERM.test(word)) return 'midTerm';
  if (ANNUAL.test(word)) return 'annual';
  return undefined;
}

/** Core title without a leading period word ("实施期指标值" → "指标值", "年度指标值" → "指标值"). */
function unqualified(core: string): string {
  return core.replace(MID_TERM, '').replace(ANNUAL, '') || core;
}

/** Vocabulary on unqualified core titles. Order matters only where two patterns could both match. */
const VOCABULARY: [ColumnKey, RegExp][] = [
  ['level1', /^一级(?:指标)?(?:名称)?$/],
  ['level2', /^二级(?:指标)?(?:名称)?$/],
  ['level3', /^(?:三级(?:指标)?(?:名称)?|(?:绩效)?指标名称|指标|具体指标|考核指标|评价指标)$/],
  ['description', /^(?:绩效)?指标(?:描述|解释|说明|内涵|定义|口径|计算方法|计算公式)$|^指标(?:解释|说明)及计算方法$|^指标内容[/及和或]计算(?:公式|方法)$|^绩效标准$/],
  [
    'value',
    /^(?:绩效)?(?:指标值|目标值|计划指标值|指标目标值|目标值?设定|预期(?:目标)?值|预期实现值|计划值|计划水平|标准值|绩效目标值|指标值设定|指标值及单位|指标值\/目标值)$/,
  ],
  ['basis', /^(?:指标值?)?(?:确定|设定|设置|取值)?依据(?:及说明)?$|^指标(?:值)?(?:来源|出处)$|^(?:指标值)?(?:设定|确定)说明$/],
  ['weight', /^(?:指标)?(?:分值|权重|权数|分数|标准分|满分)(?:分值)?$/],
  ['valueType', /^(?:指标值?(?:类型|性质|属性)|定量\/定性|定性\/定量|定量或定性|指标方向|目标值类型|指标类别)$/],
  ['unit', /^(?:计量|度量|指标|数值)?单位$/],
  ['standard', /^(?:度量|评价|考核|评分|计分|评判)(?:标准|办法|方法|规则)$/],
  ['priorActual', /^上(?:一)?年(?:度)?(?:实际|完成|实现)?(?:值|数|水平|完成值|实际值|指标值|执行数)?$|^历史(?:值|标准值|实际值)$|^上年同期$/],
  ['actual', /^(?:实际(?:完成|达成|实现)?值|实际完成(?:情况|数)?|完成值|完成情况|实际值|实现值|实际达成|执行情况|实际执行|完成数)$/],
  ['score', /^(?:自评)?(?:得分|评分|实得分|评价得分)$/],
  ['deviation', /^(?:偏差|未完成|未达标)?原因(?:分析)?(?:及|和|与)?(?:拟采取的)?(?:改进)?(?:措施)?$|^偏差原因分析及改进措施$|^偏差(?:分析|说明)$/],
  ['remark', /^(?:备注|说明|其他说明)$/],
];

/** Column key of a header title, or undefined when it is not one we know. */
export const classifyTitle = memoByString(classifyTitleOnce);

function classifyTitleOnce(key: string): ColumnKey | undefined {
  const core = coreTitle(key);
  if (core === '') return undefined;
  const period = titlePeriod(key);
  const bare = unqualified(core);
  for (const [column, re] of VOCABULARY) {
    if (!re.test(bare) && !re.test(core)) continue;
    if (period === 'midTerm') return midTermOf(column);
    return column;
  }
  return undefined;
}

/** The 实施期 counterpart of a column ("指标值（长期）" → midTermValue); other columns keep their key. */
function midTermOf(column: ColumnKey): ColumnKey | undefined {
  switch (column) {
    case 'value':
      return 'midTermValue';
    case 'level2':
      return 'midTermLevel2';
    case 'level3':
      return 'midTermLevel3';
    case 'level1':
    case 'description':
    case 'basis':
    case 'remark':
      return column;
    default:
      return undefined;
  }
}

/**
 * A title in the second row of a two-row header, read together with the title above it:
 * 指标值 over 实施期 | 年度; 年度指标值 over 目标值 | 实际值; 绩效指标 over 一级 | 二级 | 三级.
 */
export function classifyStacked(upper: string, lower: string): ColumnKey | undefined {
  if (lower === '') return classifyTitle(upper);
  const own = classifyTitle(lower);
  const above = upper === '' ? undefined : classifyTitle(upper);
  const lowerCore = coreTitle(lower);
  const lowerPeriod = titlePeriod(lower);
  if (above === 'value' || above === 'midTermValue') {
    if (/实际|完成|实现/.test(lowerCore)) return 'actual';
    if (lowerPeriod === 'midTerm') return 'midTermValue';
    if (lowerPeriod === 'annual' || /目标|指标值|^值$/.test(lowerCore)) return above;
    if (own === 'unit' || own === 'valueType' || own === 'weight') return own;
    return undefined;
  }
  if (own) return own;
  // "年度" alone under a group title that names no column.
  return undefined;
}

/** Grade titles of a graded table (thresholds per indicator for 优/良/中/差). */
export const GRADE_TITLE = /^(?:优|良|中|差|优秀|良好|中等|合格|及格|一般|较差|不合格|好|较好)(?:\(.*\))?$/;

export const COLUMN_TITLES: Record<ColumnKey, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
  basis: '指标值确定依据',
  weight: '分值',
  valueType: '指标值类型',
  unit: '计量单位',
  standard: '度量标准',
  priorActual: '上年实际值',
  actual: '实际完成值',
  score: '得分',
  deviation: '偏差原因及改进措施',
  midTermValue: '实施期指标值',
  midTermLevel2: '实施期二级指标',
  midTermLevel3: '实施期三级指标',
  remark: '备注',
  grade: '评价等级',
};
