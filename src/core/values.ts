/**
 * Value grammar for 指标值 cells: "≥90%", "不少于3次", "≤3100人/次", "2025年12月31日前", "较好", "**"…
 * Pure and total: never throws, always returns a kind.
 */
import { compact } from './text';

export type Operator = '≥' | '>' | '≤' | '<' | '=';
export type ValueKind = 'numeric' | 'date' | 'qualitative' | 'unparsed' | 'empty' | 'placeholder';
export type Grade = '好' | '较好' | '一般' | '较差' | '差';

export interface ParsedDate {
  year?: number;
  month: number;
  day?: number;
  /** True for deadlines ("…前", "≤…", "年底前"); false for a plain date. */
  before: boolean;
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
  date?: ParsedDate;
  grade?: Grade;
  /** zh-CN explanation when kind is 'unparsed' or 'placeholder'. */
  reason?: string;
}

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

/** Labels of the template inputs still present in a text, in order of appearance. */
export function templateInputs(text: string): string[] {
  return Array.from(String(text ?? '').matchAll(TEMPLATE_INPUT_PATTERN), (m) => m[1]);
}

/** True when the text contains a placeholder mark such as "**", "XX", "×××" or "待定". */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER_PATTERN.test(compact(text));
}

/** Parses one 指标值 cell. Never throws. */
export function parseIndicatorValue(input: unknown): ParsedValue {
  try {
    return parseInner(typeof input === 'string' ? input : input == null ? '' : String(input));
  } catch {
    return { kind: 'unparsed', text: String(input), reason: UNMEASURABLE_REASON };
  }
}

function parseInner(raw: string): ParsedValue {
  const text = tidy(compact(raw));
  if (text === '' || /^[-—–/\\]+$/.test(text)) return { kind: 'empty', text };
  if (PLACEHOLDER_PATTERN.test(text)) {
    return { kind: 'placeholder', text, reason: '指标值是占位符，尚未填写实际数值' };
  }
  const grade = parseGrade(text);
  if (grade) return { kind: 'qualitative', text, grade };
  if (/^(是|否|有|无|达标|完成|已完成|符合|合格|通过)$/.test(text)) return { kind: 'qualitative', text };

  const date = parseDate(text);
  if (date) return { kind: 'date', text, date, ...(date.before ? { operator: '≤' as Operator } : {}) };

  const numeric = parseNumeric(text);
  if (numeric) return numeric;

  return { kind: 'unparsed', text, reason: `“${text}”${UNMEASURABLE_REASON}` };
}

function parseGrade(text: string): Grade | undefined {
  const cleaned = text.replace(/(及以上|以上|等级|等次|水平)$/u, '');
  if (GRADES[cleaned]) return GRADES[cleaned];
  // "好/较好/一般" lists the scale; the first entry is the target.
  const parts = cleaned.split(/[/、|]/u);
  if (parts.length > 1 && parts.every((p) => GRADES[p])) return GRADES[parts[0]];
  return undefined;
}

function parseDate(text: string): ParsedDate | undefined {
  let t = text.replace(/^(≤|<|在|于)/u, '');
  const hadOperator = t !== text;
  let before = hadOperator;
  const tail = /(之前|以前|前|内|以内|之内|完成|截止)+$/u.exec(t);
  if (tail) {
    if (/前|内/.test(tail[0])) before = true;
    t = t.slice(0, tail.index);
  }
  let m = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末|份|中旬|上旬|下旬)?$/u.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    const day = m[3] ? Number(m[3]) : undefined;
    if (day !== undefined && (day < 1 || day > 31)) return undefined;
    return { ...(m[1] ? { year: Number(m[1]) } : {}), month, ...(day ? { day } : {}), before };
  }
  m = /^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?$/u.exec(t);
  if (m) {
    const month = Number(m[2]);
    const day = m[3] ? Number(m[3]) : undefined;
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
    return { year: Number(m[1]), month, ...(day ? { day } : {}), before };
  }
  m = /^(\d{4})?年(?:底|末)$/u.exec(t);
  if (m) return { ...(m[1] ? { year: Number(m[1]) } : {}), month: 12, before: true };
  m = /^(\d{4})年度?$/u.exec(t);
  if (m && before) return { year: Number(m[1]), month: 12, before: true };
  if (/^(年内|当年|本年度|年度内|本年|本年度内|当年内)$/u.test(text)) return { month: 12, before: true };
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
  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)([^\d]*?)(?:[-~～至到](\d+(?:\.\d+)?)([^\d]*))?$/u.exec(t);
  if (!m) return undefined;
  const number = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(number)) return undefined;
  const unitText = m[2] || m[4] || '';
  const unit = normaliseUnit(unitText);
  if (unit === undefined) return undefined;
  const result: ParsedValue = { kind: 'numeric', text, operator: operator ?? (m[3] ? '≥' : '='), number };
  if (unit) result.unit = unit;
  if (m[3]) result.max = Number(m[3]);
  return result;
}

/** '' for no unit, undefined when the tail is not a unit (e.g. "3次以上完成培训"). */
function normaliseUnit(u: string): string | undefined {
  if (u === '') return '';
  if (UNIT_ALIASES[u] !== undefined) return UNIT_ALIASES[u];
  // "个村", "个社区", "人/年": short unit phrases are accepted as written.
  if (/^(个|人|次|万|元)?[\p{Script=Han}a-zA-Z/]{1,3}$/u.test(u) && !/[，。；的]/u.test(u)) return u;
  return undefined;
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
export function formatValue(v: Pick<ParsedValue, 'operator' | 'number' | 'unit'>): string {
  return `${v.operator && v.operator !== '=' ? v.operator : ''}${v.number ?? ''}${v.unit ?? ''}`;
}
