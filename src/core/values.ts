/**
 * Value grammar for 指标值 cells: "≥90%", "不少于3次", "≤3100人/次", "2025年12月31日前", "较好", "**"…
 * Pure and total: never throws, always returns a kind.
 */
import { compact } from './text';
import { memoByString } from './memo';
import { SHORT_UNIT_PHRASE, YING_X_JIN_X } from './unicode';
import { own } from './own';

export type Operator = '≥' | '>' | '≤' | '<' | '=';
export type ValueKind = 'numeric' | 'date' | 'qualitative' | 'unparsed' | 'empty' | 'placeholder';
export type Grade = '好' | '较好' | '一般' | '较差' | '差';

export type Period = '日' | '周' | '月' | '季度' | '半年' | '年';

export interface ParsedDate {
  year?: number;
  /** Month of the deadline or date; absent for a recurring period ("每月") or a span ("30日内"). */
  month?: number;
  day?: number;
  /** True for deadlines ("…前", "≤…", "年底前", "年内"); false for a plain date. */
  before: boolean;
  /** A recurring deadline: "每月", "按季度", "每月10日前" (day 10 of each month). */
  recurring?: Period;
  /** A period that only names the whole budget year ("2025年", "2025年1月-12月", "全年"). */
  wholeYear?: boolean;
  /** First month of a span such as "2023.07-2024.01" or "2021年1月-12月". */
  fromMonth?: number;
  fromYear?: number;
}

export interface ParsedValue {
  kind: ValueKind;
  /** The compact, normalised text that was parsed. */
  text: string;
  operator?: Operator;
  number?: number;
  /** Upper bound of a range such as "90%-100%". */
  max?: number;
  unit?: string;
  /**
   * Denominator of a rate unit: "1600元/亩" → unit 元, per 亩; "≤620万/月" → unit 万元, per 月; "1次/月" → unit 次,
   * per 月. Money with per is a unit cost, not a total.
   */
  per?: string;
  date?: ParsedDate;
  grade?: Grade;
  /** zh-CN explanation when kind is 'unparsed' or 'placeholder'. */
  reason?: string;
}

/** Qualitative values of 101号 分级分档 that state a level ("显著提升", "基本达到", "优良"). */
const QUALITATIVE_LEVELS: [RegExp, Grade][] = [
  [/^(成效|效果|作用|提升|改善|提高|增强)?(显著|明显|突出)$/u, '好'],
  [/^(显著|大幅|明显)(提升|提高|改善|增强|增加|减少|降低|下降|好转|加强)$/u, '较好'],
  [/^(全部|完全)?达到(预期|目标|预期目标|要求)?$/u, '好'],
  [/^(基本达到|基本达成|基本实现)(预期|目标|预期目标|要求)?$/u, '一般'],
  [/^(未达到|未达成|未实现)(预期|目标|预期目标|要求)?$/u, '差'],
  [/^(有效|优良|良|优秀|达标|合格)$/u, '较好'],
];

/** Operators written as words. Longer phrases first so 不低于 wins over 低于. */
const WORD_OPERATORS: [string, Operator][] = [
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['不得低于', '≥'],
  ['不得少于', '≥'],
  ['至少', '≥'],
  ['达到', '≥'],
  ['大于等于', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不大于', '≤'],
  ['不多于', '≤'],
  ['不得超过', '≤'],
  ['不得高于', '≤'],
  ['至多', '≤'],
  ['控制在', '≤'],
  ['小于等于', '≤'],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['等于', '='],
];

const SYMBOL_OPERATORS: [string, Operator][] = [
  // "±3%以内": a tolerance, the deviation stays within 3%.
  ['±', '≤'],
  ['+/-', '≤'],
  ['≥', '≥'],
  ['≤', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['＞', '>'],
  ['＜', '<'],
];

/** Suffixes that carry operator meaning ("90%以上", "3天以内"). */
const SUFFIX_OPERATORS: [string, Operator][] = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['之上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['内', '≤'],
];

/** Unit spellings → canonical unit. */
const UNIT_ALIASES: Record<string, string> = {
  '%': '%',
  '％': '%',
  百分比: '%',
  万: '万元',
  人民币元: '元',
  '‰': '‰',
  人: '人',
  名: '人',
  位: '人',
  人次: '人次',
  '人/次': '人/次',
  次: '次',
  个: '个',
  项: '项',
  场: '场',
  场次: '场',
  期: '期',
  户: '户',
  村: '个村',
  个村: '个村',
  家: '家',
  所: '所',
  件: '件',
  份: '份',
  篇: '篇',
  册: '册',
  本: '本',
  台: '台',
  套: '套',
  批: '批',
  条: '条',
  处: '处',
  座: '座',
  辆: '辆',
  课时: '课时',
  学时: '学时',
  万元: '万元',
  元: '元',
  亿元: '亿元',
  千元: '千元',
  年: '年',
  个月: '月',
  月: '月',
  周: '周',
  天: '天',
  日: '天',
  个工作日: '工作日',
  工作日: '工作日',
  小时: '小时',
  分钟: '分钟',
  平米: '平米',
  平方米: '平米',
  '㎡': '平米',
  m2: '平米',
  'm²': '平米',
  亩: '亩',
  公里: '公里',
  千米: '公里',
  km: '公里',
  米: '米',
  吨: '吨',
  分: '分',
};

export const MONEY_UNITS = new Set(['元', '万元', '亿元', '千元']);
export const TIME_UNITS = new Set(['年', '月', '周', '天', '工作日', '小时', '分钟']);
/** Units that count discrete things or people. */
export const COUNT_UNITS = new Set([
  '人', '人次', '人/次', '次', '个', '项', '场', '期', '户', '个村', '家', '所', '件', '份', '篇', '册', '本', '台',
  '套', '批', '条', '处', '座', '辆', '课时', '学时',
]);

const GRADES: Record<string, Grade> = {
  好: '好',
  优: '好',
  优秀: '好',
  优良: '好',
  达到: '好',
  基本达到: '一般',
  未达到: '差',
  较好: '较好',
  良: '较好',
  良好: '较好',
  一般: '一般',
  中: '一般',
  合格: '一般',
  较差: '较差',
  差: '差',
};

/**
 * Template marks: "**", "XX", "×××", "待定"… A single "×" or "*" is left alone: descriptions use it in
 * formulas ("满意人数/调查总人数×100%").
 */
const PLACEHOLDER_PATTERN = /【请填写[^】]*】|\*{2,}|[xX]{2,}|[×✕╳]{2,}|某某|待定|待补充|待填|待核实|暂定|未定|^[*×?？]+$|[?？]{2,}/u;

const UNMEASURABLE_REASON =
  '不是可衡量的指标值：请写成带比较符、数值和单位的形式（如“≥90%”“≥4次”“≤85.5万元”），或写明完成时限（如“2025年12月底前”），定性指标可写等级“好/较好/一般”';

/** Removes decorative brackets and trailing full stops that do not change the meaning. */
function tidy(s: string): string {
  return s.replace(/[。.;；,，]+$/u, '').replace(/^[(（]|[)）]$/gu, '');
}

/**
 * A figure left for the clerk by an inserted template: "【请填写培训人次】". The label names what to fill in;
 * rule template-input reports each label once per table (the placeholder rule leaves these cells alone).
 */
export const TEMPLATE_INPUT_PATTERN = /【请填写([^】]*)】/gu;

// Readonly by type, not frozen: V8 iterates a frozen array several times slower, and every text without inputs gets this one.
const NO_INPUTS: readonly string[] = [];

/** Labels of the template inputs still present in a text, in order of appearance (shared when none: never change it). */
export function templateInputs(text: string): readonly string[] {
  const s = String(text ?? '');
  if (!s.includes('【')) return NO_INPUTS;
  return Array.from(s.matchAll(TEMPLATE_INPUT_PATTERN), (m) => m[1]);
}

/** True when the text contains a placeholder mark such as "**", "XX", "×××" or "待定". */
export const hasPlaceholder = memoByString((text: string): boolean => PLACEHOLDER_PATTERN.test(compact(text)));

/** Deep-frozen: one parsed value is shared by every cell with the same text. */
function frozen(v: ParsedValue): ParsedValue {
  if (v.date) Object.freeze(v.date);
  return Object.freeze(v);
}

// The same values recur in every table and workbook of a batch ("≥90%", "12月底前"): each text is parsed once.
const parseText = memoByString((text: string): ParsedValue => {
  try {
    return frozen(parseInner(text));
  } catch {
    return frozen({ kind: 'unparsed', text, reason: UNMEASURABLE_REASON });
  }
});

/** Parses one 指标值 cell. Never throws. The result is shared and frozen: copy it to change it. */
export function parseIndicatorValue(input: unknown): ParsedValue {
  return parseText(typeof input === 'string' ? input : input == null ? '' : String(input));
}

function parseInner(raw: string): ParsedValue {
  const text = tidy(compact(raw));
  if (text === '' || /^[-—–/\\]+$/.test(text)) return { kind: 'empty', text };
  if (PLACEHOLDER_PATTERN.test(text)) {
    return { kind: 'placeholder', text, reason: '指标值是占位符，尚未填写实际数值' };
  }
  const grade = parseGrade(text);
  if (grade) return { kind: 'qualitative', text, grade };
  if (/^(是|否|有|无|达标|完成|已完成|符合|合格|通过|长期|长效|持续|持续发挥作用|长期发挥作用)$/u.test(text)) {
    return { kind: 'qualitative', text };
  }
  // Full coverage, checkable at year end: "应保尽保", "应发尽发", "应助尽助", "全覆盖".
  if (YING_X_JIN_X.test(text) || /^(?:全|全部|100%)覆盖$/u.test(text)) return { kind: 'qualitative', text };
  if (/^(半年|六个月)(内|以内|之内)$/u.test(text)) return { kind: 'numeric', text, operator: '≤', number: 6, unit: '月' };

  const date = parseDate(text);
  if (date) return { kind: 'date', text, date, ...(date.before ? { operator: '≤' as Operator } : {}) };

  const numeric = parseNumeric(text);
  if (numeric) return numeric;

  return { kind: 'unparsed', text, reason: `“${text}”${UNMEASURABLE_REASON}` };
}

function parseGrade(text: string): Grade | undefined {
  const cleaned = text.replace(/(及以上|以上|等级|等次|水平)$/u, '');
  if (own(GRADES, cleaned)) return GRADES[cleaned];
  for (const [pattern, grade] of QUALITATIVE_LEVELS) if (pattern.test(cleaned)) return grade;
  // "好/较好/一般" or "达到/基本达到/未达到" lists the scale; the first entry is the target.
  const parts = cleaned.split(/[/、|]/u);
  if (parts.length > 1 && parts.every((p) => own(GRADES, p))) return GRADES[parts[0]];
  return undefined;
}

const PERIODS: Record<string, Period> = { 日: '日', 天: '日', 周: '周', 月: '月', 季: '季度', 季度: '季度', 半年: '半年', 年: '年' };

/** Words after a deadline that name what is done by then ("12月底前拨付到位", "11月底完成"). */
const DEADLINE_TAIL = /(前|内|以内|之内|之前|以前)?(全部|全额|100%)?(完成|到位|拨付到位|发放到位|兑付到位|拨付|发放|兑付|兑现|验收|开工|完工|办结|结束|截止|上线|投入使用|实施)?$/u;

/** One date: "2025年12月31日", "12月底", "2025.12.31", "2025-12". */
function parseOneDate(t: string): Omit<ParsedDate, 'before'> | undefined {
  let m = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|底|末|份|中旬|上旬|下旬)?$/u.exec(t);
  if (!m) m = /^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?$/u.exec(t);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : undefined;
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  return { ...(m[1] ? { year: Number(m[1]) } : {}), month, ...(day ? { day } : {}) };
}

function parseDate(text: string): ParsedDate | undefined {
  // Recurring deadlines: "每月", "按季度", "每月10日前", "每季度末".
  let m = /^(?:每|按|逐)(日|天|周|月|季度?|半年|年)度?(?:末|底)?(?:(\d{1,2})[日号])?(?:前|内|之前|以前)?(?:完成|开展|报送|发放|拨付|兑付|支付|结算|安排|落实|考核|检查|巡查|统计|上报|更新|调度|一次|1次)?$/u.exec(text);
  if (m) return { before: true, recurring: PERIODS[m[1]], ...(m[2] ? { day: Number(m[2]) } : {}) };
  // The whole budget year: "年内", "2025年内", "2025年", "2025年度", "全年".
  m = /^(\d{4})?(年内|年度内|年以内|全年|年底前|年末前|年底|年末)$/u.exec(text);
  if (m) return { ...(m[1] ? { year: Number(m[1]) } : {}), month: 12, before: true };
  if (/^(当年|本年度|本年|本年度内|当年内|全年|年度)$/u.test(text)) return { month: 12, before: true, wholeYear: true };
  m = /^(\d{4})年度?(全年)?$/u.exec(text);
  if (m) return { year: Number(m[1]), month: 12, before: false, wholeYear: true };

  let t = text.replace(/^(≤|<|在|于)/u, '');
  let before = t !== text;
  const tail = DEADLINE_TAIL.exec(t);
  if (tail && tail[0]) {
    if (tail[1]) before = true;
    t = t.slice(0, tail.index);
  }
  if (!t) return undefined;
  if (/(底|末)$/u.test(t)) before = before || /前|内/u.test(text);
  const one = parseOneDate(t);
  if (one) return { ...one, before };
  m = /^(\d{4})?年(?:底|末)$/u.exec(t);
  if (m) return { ...(m[1] ? { year: Number(m[1]) } : {}), month: 12, before: true };
  m = /^(\d{4})年度?$/u.exec(t);
  if (m && before) return { year: Number(m[1]), month: 12, before: true };
  return parseDateRange(t);
}

/** A span: "2021年1月-12月", "2023.07-2024.01", "2020年1月--2020年11月", "1-12月". */
function parseDateRange(t: string): ParsedDate | undefined {
  const short = /^(?:(\d{4})年)?(\d{1,2})[-~～至到](\d{1,2})月$/u.exec(t);
  if (short) {
    const from = Number(short[2]);
    const to = Number(short[3]);
    if (from < 1 || to > 12 || from > to) return undefined;
    const year = short[1] ? { year: Number(short[1]) } : {};
    return { ...year, month: to, fromMonth: from, before: true, ...(from === 1 && to === 12 ? { wholeYear: true } : {}) };
  }
  const seps = [...t.matchAll(/-{1,2}|—{1,2}|~|～|至|到/gu)];
  for (const sep of seps) {
    const a = parseOneDate(t.slice(0, sep.index));
    const b = parseOneDate(t.slice(sep.index! + sep[0].length));
    if (!a || !b) continue;
    const year = b.year ?? a.year;
    const whole = a.month === 1 && b.month === 12 && (a.year === undefined || a.year === year);
    return {
      ...(year !== undefined ? { year } : {}),
      month: b.month,
      ...(b.day ? { day: b.day } : {}),
      fromMonth: a.month,
      ...(a.year !== undefined ? { fromYear: a.year } : {}),
      before: true,
      ...(whole ? { wholeYear: true } : {}),
    };
  }
  return undefined;
}

function parseNumeric(text: string): ParsedValue | undefined {
  let t = text;
  let operator: Operator | undefined;
  for (const [word, op] of WORD_OPERATORS) {
    if (t.startsWith(word)) {
      operator = op;
      t = t.slice(word.length);
      break;
    }
  }
  if (!operator) {
    for (const [sym, op] of SYMBOL_OPERATORS) {
      if (t.startsWith(sym)) {
        operator = op;
        t = t.slice(sym.length);
        break;
      }
    }
  }
  for (const [suffix, op] of SUFFIX_OPERATORS) {
    if (t.endsWith(suffix) && t.length > suffix.length) {
      if (!operator) operator = op;
      t = t.slice(0, -suffix.length);
      break;
    }
  }
  // Currency marks in front of money: "￥12,000元", "¥1,234.50", "人民币12000元".
  t = t.replace(/^(?:￥|¥|人民币)/u, '');
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)([^\d]*?)(?:[-~～至到](\d+(?:\.\d+)?)([^\d]*))?$/u.exec(t);
  if (!m) return undefined;
  const number = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(number)) return undefined;
  const unit = normaliseUnit(m[2] || m[4] || '');
  if (unit === undefined) return undefined;
  const result: ParsedValue = { kind: 'numeric', text, operator: operator ?? (m[3] ? '≥' : '='), number };
  if (unit.unit) result.unit = unit.unit;
  if (unit.per) result.per = unit.per;
  if (m[3]) result.max = Number(m[3]);
  return result;
}

/** "人·次", "人.次" → "人次" in a denominator. */
function tidyUnit(u: string): string {
  return u.replace(/[·•・.]/gu, '');
}

function aliasUnit(u: string): string | undefined {
  if (UNIT_ALIASES[u] !== undefined) return UNIT_ALIASES[u];
  // "个村", "个社区", "万平方米": short unit phrases are accepted as written.
  if (SHORT_UNIT_PHRASE.test(u) && !/[，。；的]/u.test(u)) return u;
  return undefined;
}

/**
 * { unit: '' } for no unit, { unit, per } for a rate unit ("元/人·次" → 元 per 人次, "万/月" → 万元 per 月),
 * undefined when the tail is not a unit (e.g. "3次以上完成培训").
 */
function normaliseUnit(raw: string): { unit: string; per?: string } | undefined {
  if (raw === '') return { unit: '' };
  if (UNIT_ALIASES[raw] !== undefined) return { unit: UNIT_ALIASES[raw] };
  const slash = /^([^/]*)\/([^/]{1,6})$/u.exec(tidyUnit(raw));
  if (slash) {
    const unit = slash[1] === '' ? undefined : aliasUnit(slash[1]);
    const per = aliasUnit(slash[2]);
    if (unit !== undefined && per !== undefined) return { unit, per };
    return undefined;
  }
  const unit = aliasUnit(raw);
  return unit === undefined ? undefined : { unit };
}

/**
 * A value read as a percentage 0–100, for names that are rates: "95%", a bare 95 (number without a % format)
 * and a bare 0.95 (a fraction) all give 95. Undefined when the value has another unit or is not a number.
 */
export function percentOf(v: ParsedValue): number | undefined {
  if (v.kind !== 'numeric' || v.number === undefined || v.per) return undefined;
  if (v.unit === '%') return v.number;
  if (v.unit) return undefined;
  if (v.number > 0 && v.number <= 1 && !Number.isInteger(v.number)) return round(v.number * 100);
  return v.number <= 100 ? v.number : undefined;
}

/**
 * Reads a 资金支出计划 cell as a percentage 0–100.
 * Returns null for a blank cell and undefined when the cell is not a percentage.
 */
export function parsePercent(raw: unknown, text?: string): number | null | undefined {
  const shown = compact(text ?? (raw == null ? '' : String(raw)));
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    if (/%$/.test(shown)) {
      const fromText = Number(shown.slice(0, -1));
      if (Number.isFinite(fromText)) return round(fromText);
    }
    return round(Math.abs(raw) <= 1 ? raw * 100 : raw);
  }
  if (shown === '' || /^[-—–/\\]+$/.test(shown)) return null;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(shown);
  if (!m) return undefined;
  return round(Number(m[1]));
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** Human text of a parsed numeric value, e.g. "≥90%". */
export function formatValue(v: Pick<ParsedValue, 'operator' | 'number' | 'unit' | 'per'>): string {
  return `${v.operator && v.operator !== '=' ? v.operator : ''}${v.number ?? ''}${v.unit ?? ''}${v.per ? `/${v.per}` : ''}`;
}
