/**
 * Label vocabulary, matched against compact text (width-folded, no spaces: "其中:财政资金").
 * Clerks' templates differ by province and year; every known variant is listed here.
 */
import { memoByString } from '../memo';
import { own } from '../own';

const MONEY_SUFFIX = '(?:\\((?:万元|元)\\))?';

export const LABELS = {
  projectCode: /^(?:项目编码|项目代码|项目编号)$/,
  projectName: /^(?:项目名称|项目名|项目全称|预算项目名称|专项名称|专项资金名称|项目\(专项\)名称)$/,
  budget: new RegExp(
    `^(?:预算数|预算资金|(?:当年|本年)?(?:年度|全年|当年|本年度?)预算数?|下达(?:中央|省级?|市级?|县级?)?(?:预算内)?(?:投资|资金)(?:预算)?|预算金额|项目预算|项目总预算|(?:年度|当年|本年度?)?资金总额|(?:本年度?|当年|年度)?申请(?:市|县|区|省)?(?:级)?财政预算(?:资金)?|申请(?:预算)?金额)${MONEY_SUFFIX}:?$`,
  ),
  fiscal: new RegExp(`^(?:其中:?)?(?:当年|本年度?)?(?:财政资金|财政拨款|一般公共预算(?:资金)?)${MONEY_SUFFIX}:?$`),
  /** 财预〔2021〕101号 central form: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金. */
  carryover: new RegExp(`^(?:其中:?)?(?:上年结转(?:结余)?(?:资金)?|结转(?:结余)?资金)${MONEY_SUFFIX}:?$`),
  other: new RegExp(`^(?:其中:?)?(?:当年|本年度?)?(?:其他资金|其它资金|自筹资金|其他来源资金)${MONEY_SUFFIX}:?$`),
  fundSection: /^预算(?:规模|资金)及资金用途$/,
  fundUse: /^(?:资金用途|主要用途|资金主要用途|项目资金用途|(?:项目)?主要内容|资金用途及主要内容|项目资金用途及主要内容)$/,
  /** 中长期 forms: money and goals for the whole 实施期 next to the 年度 ones; only the 年度 side is read. */
  midTermMoney: new RegExp(
    `^(?:实施期|中长期|中期|项目期)(?:资金总额|资金|预算数?|总预算|预算资金|(?:市|县|区|省)?财政预算(?:资金)?)${MONEY_SUFFIX}$`,
  ),
  midTermGoal: /^(?:实施期|中长期|长期|中期|项目期)(?:滚动)?(?:绩效)?目标(?:\(.*\))?$/,
  department: /^(?:(?:项目)?(?:业务)?主管部门|主管单位|主管部门(?:及|和)?(?:代码|编码)|主管部门名称|预算部门)$/,
  implementer: /^(?:(?:项目)?(?:实施|执行)单位|项目单位|实施主体|项目承担单位)(?:\(盖章\))?$/,
  manager: /^(?:项目)?负责人(?:及(?:联系)?电话)?$/,
  schedule: /^(?:资金支出计划|支出计划|资金支出进度|资金使用计划|分月支出计划)(?:\(%\)|%)?$/,
  goal: /^(?:年度|当年|本年度?)?(?:绩效目标|项目绩效目标|年度目标|总体目标|总体绩效目标)$|^项目(?:年度)?(?:绩效)?目标$|^年度主要目标(?:和|及)?(?:成果)?$/,
  level1: /^一级指标$/,
  level2: /^二级指标$/,
  level3: /^三级指标$/,
  description: /^(?:绩效指标描述|指标描述|指标解释|指标说明|指标内容)$/,
  value: /^(?:年度)?(?:绩效)?(?:指标值|目标值)(?:\(含单位\))?$/,
  basis: /^(?:指标值确定依据|指标值设定依据|确定依据|设定依据|指标值依据|指标来源)$/,
  unitLine: /单位:?(万元|元)/,
  title: /绩效目标(?:申报)?表(?:\(.*\))?$/,
  /** "附件2-1": the attachment mark printed above a table's title. */
  attachment: /^附件[\d一二三四五六七八九十]+(?:[-—–－.]\d+)*$/,
  /** Second header row under a merged 指标值 title: 实施期 | 年度 (中长期 forms). */
  subHeader: /^(?:实施期|中长期|项目期|年度|全年|当年|本年度?)(?:绩效)?(?:指标值|目标值|目标|值)?(?:\(含单位\))?$/,
  /** First column title of a list or summary sheet (序号 | 项目名称 | 预算数 …). */
  listIndex: /^(?:序号|编号|No\.?)$/i,
  /** Lines after a table: footnotes, signatures, phone numbers, dates. */
  footer: /^(?:注\d*|备注|说明|填报说明|填表说明|填报人|填表人|经办人|联系人|联系电话|电话|审核人|复核人|单位负责人|财务负责人|项目负责人|分管领导|填报日期|填表日期|填报时间)[:.、]/,
} as const;

/** Patterns for whole lines and list titles; every other entry of LABELS names a field of a table. */
export const LINE_PATTERNS = ['unitLine', 'title', 'attachment', 'footer', 'listIndex', 'subHeader'] as const;

/** Period label → month it ends at. Accepts 3月底/3月末/3月/截至3月底/1-3月/一季度/第一季度/上半年/前三季度/全年. */
export const periodMonth = memoByString((key: string): number | undefined => {
  // "3月底", "截至6月末", and cumulative spans from January: "1-3月", "1至6月".
  const m = /^(?:截至|截止|至|1月?[-~—–至到])?(\d{1,2})月(?:底|末|份|止)?(?:前)?$/.exec(key);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  const q = /^(?:第)?([一二三四1-4])季度(?:末|底)?$/.exec(key);
  if (q) return own(QUARTER_MONTHS, q[1]);
  return own(NAMED_PERIODS, key);
});

const QUARTER_MONTHS: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };
const NAMED_PERIODS: Record<string, number> = { 上半年: 6, 前三季度: 9, 全年: 12, 年底: 12, 年末: 12, 下半年: 12 };
