/**
 * jixiao.config.json: user/project settings, validated with zh-CN errors.
 *
 *   { "framework": "auto" | "caiyu88" | "caiyu101" | "zhuanyi163" | "shenbao-touru" | "gongxing53" | "pingjia10"
 *                  ("hebei88" is still accepted for caiyu88),
 *     "schedule": "auto" | "cumulative" | "per-period",
 *     "midYearMinimum": 50,
 *     "rules": { "description-copy": "off", "basis-vague": "info" } }
 */
import type { Severity } from './findings';
import { FRAMEWORK_LIST, resolveFrameworkId } from './frameworks';
import { ALL_RULES } from './rules';
import { DEFAULT_SETTINGS, type ScheduleMode, type Settings } from './settings';
import { own } from './own';

export const CONFIG_FILE_NAME = 'jixiao.config.json';

export interface ConfigResult {
  settings: Settings;
  /** zh-CN problems; invalid entries are ignored, the rest still applies. */
  errors: string[];
}

const SCHEDULES: Record<string, ScheduleMode> = {
  auto: 'auto',
  自动: 'auto',
  自动识别: 'auto',
  cumulative: 'cumulative',
  'per-period': 'per-period',
  累计: 'cumulative',
  当期: 'per-period',
};
const LEVELS: Record<string, Severity | 'off'> = {
  off: 'off',
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  关闭: 'off',
  错误: 'error',
  警告: 'warning',
  提示: 'info',
};
const KNOWN_KEYS = new Set(['framework', 'schedule', 'midYearMinimum', 'rules', '$schema']);

function closestRuleId(id: string, ids: readonly string[]): string | undefined {
  const parts = id.toLowerCase().split(/[-_\s]+/);
  let best: { id: string; score: number } | undefined;
  for (const candidate of ids) {
    const score = parts.filter((p) => p && candidate.includes(p)).length;
    if (score > 0 && (!best || score > best.score)) best = { id: candidate, score };
  }
  return best?.id;
}

/**
 * Merges a parsed config object onto base settings (defaults when omitted).
 * Never throws: unknown keys, unknown rule ids and bad values are reported and skipped.
 */
export function mergeConfig(config: unknown, base: Settings = DEFAULT_SETTINGS): ConfigResult {
  const errors: string[] = [];
  const settings: Settings = { ...base, rules: { ...base.rules } };
  if (config === undefined || config === null) return { settings, errors };
  if (typeof config !== 'object' || Array.isArray(config)) {
    return { settings, errors: [`配置文件的内容应是一个对象（用 { } 括起来），当前是${Array.isArray(config) ? '数组' : typeof config}。`] };
  }
  // Own properties only: a key such as "constructor" must not reach Object.prototype.
  const c: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(config)) c[key] = (config as Record<string, unknown>)[key];
  for (const key of Object.keys(c)) {
    if (!KNOWN_KEYS.has(key)) errors.push(`未知的配置项“${key}”，已忽略。可用的配置项：framework、schedule、midYearMinimum、rules。`);
  }
  if (c.framework !== undefined) {
    const fw = typeof c.framework === 'string' ? resolveFrameworkId(c.framework) : undefined;
    if (fw) settings.framework = fw;
    else {
      const choices = FRAMEWORK_LIST.map((f) => `${f.id}（${f.label}）`).join('、');
      errors.push(`framework 的值“${String(c.framework)}”无效，应为 auto（自动识别）或 ${choices}。`);
    }
  }
  if (c.schedule !== undefined) {
    const s = typeof c.schedule === 'string' ? own(SCHEDULES, c.schedule) : undefined;
    if (s) settings.schedule = s;
    else errors.push(`schedule 的值“${String(c.schedule)}”无效，应为 auto（自动识别）、cumulative（累计）或 per-period（当期）。`);
  }
  if (c.midYearMinimum !== undefined) {
    const m = c.midYearMinimum;
    if (m === null || m === false) delete settings.midYearMinimum;
    else if (typeof m === 'number' && Number.isFinite(m) && m >= 0 && m <= 100) settings.midYearMinimum = m;
    else errors.push(`midYearMinimum 的值“${String(m)}”无效，应为0～100之间的数字（6月底最低累计支出百分比），不启用请删除此项。`);
  }
  if (c.rules !== undefined) {
    if (typeof c.rules !== 'object' || c.rules === null || Array.isArray(c.rules)) {
      errors.push('rules 应是一个对象，如 { "description-copy": "off" }。');
    } else {
      const ids = ALL_RULES.map((r) => r.id);
      for (const [id, level] of Object.entries(c.rules as Record<string, unknown>)) {
        if (!ids.includes(id)) {
          const hint = closestRuleId(id, ids);
          errors.push(`未知的规则“${id}”，已忽略。${hint ? `是否应为“${hint}”？` : '规则列表见 docs/rules.md。'}`);
          continue;
        }
        const l = typeof level === 'string' ? own(LEVELS, level) : undefined;
        if (l) settings.rules[id] = l;
        else errors.push(`规则“${id}”的级别“${String(level)}”无效，应为 off、error、warning 或 info。`);
      }
    }
  }
  return { settings, errors };
}

/** Parses jixiao.config.json text; a JSON syntax error is reported in zh-CN, defaults apply. */
export function loadConfigText(text: string, base: Settings = DEFAULT_SETTINGS): ConfigResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      settings: { ...base, rules: { ...base.rules } },
      errors: [`配置文件 ${CONFIG_FILE_NAME} 不是有效的 JSON（${(err as Error).message}），已使用默认设置。`],
    };
  }
  return mergeConfig(parsed, base);
}

/** The inverse of mergeConfig: only what differs from the defaults, ready to save. */
export function toConfig(settings: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (settings.framework !== DEFAULT_SETTINGS.framework) out.framework = settings.framework;
  if (settings.schedule !== DEFAULT_SETTINGS.schedule) out.schedule = settings.schedule;
  if (settings.midYearMinimum !== undefined) out.midYearMinimum = settings.midYearMinimum;
  if (Object.keys(settings.rules).length) out.rules = { ...settings.rules };
  return out;
}
