import { promises as fs } from 'fs';
import * as path from 'path';
import type { Severity } from '../core/findings';
import type { FrameworkId, ScheduleMode, Settings } from '../core/settings';
import { withDefaults } from '../core/settings';

export const CONFIG_FILE = 'jixiao.config.json';
export const FRAMEWORKS: readonly FrameworkId[] = ['auto', 'hebei88', 'caiyu101'];
export const SCHEDULES: readonly ScheduleMode[] = ['cumulative', 'per-period'];
const RULE_LEVELS: readonly (Severity | 'off')[] = ['off', 'error', 'warning', 'info'];

export class ConfigError extends Error {}

export interface SettingOptions {
  config?: string;
  framework?: string;
  schedule?: string;
}

function checkChoice<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${what}的值“${String(value)}”无效，可选值：${allowed.join('、')}`);
}

/** Validates a parsed jixiao.config.json; unknown keys are reported as warnings, bad values as errors. */
export function settingsFromConfig(json: unknown, source: string, warn: (msg: string) => void): Partial<Settings> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new ConfigError(`配置文件 ${source} 的内容应为一个 JSON 对象`);
  }
  const obj = json as Record<string, unknown>;
  const out: Partial<Settings> = {};
  for (const key of Object.keys(obj)) {
    if (!['framework', 'schedule', 'rules', 'midYearMinimum'].includes(key)) {
      warn(`配置文件 ${source} 中的“${key}”无法识别，已忽略`);
    }
  }
  if (obj.framework !== undefined) out.framework = checkChoice(obj.framework, FRAMEWORKS, `配置项 framework `);
  if (obj.schedule !== undefined) out.schedule = checkChoice(obj.schedule, SCHEDULES, `配置项 schedule `);
  if (obj.midYearMinimum !== undefined) {
    const n = obj.midYearMinimum;
    if (typeof n !== 'number' || !(n >= 0 && n <= 100)) {
      throw new ConfigError(`配置项 midYearMinimum 应为 0–100 之间的数字（6月底最低累计支出百分比）`);
    }
    out.midYearMinimum = n;
  }
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      throw new ConfigError(`配置项 rules 应为对象，例如 { "satisfaction-direction": "off" }`);
    }
    const rules: Record<string, Severity | 'off'> = {};
    for (const [id, level] of Object.entries(obj.rules as Record<string, unknown>)) {
      rules[id] = checkChoice(level, RULE_LEVELS, `规则 ${id} `);
    }
    out.rules = rules;
  }
  return out;
}

/** Settings from --config (or ./jixiao.config.json when present) overlaid with command-line options. */
export async function loadSettings(opts: SettingOptions, cwd: string, warn: (msg: string) => void): Promise<Settings> {
  let fromFile: Partial<Settings> = {};
  const explicit = opts.config !== undefined;
  const file = path.resolve(cwd, opts.config ?? CONFIG_FILE);
  let text: string | undefined;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (explicit) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ConfigError(
        code === 'ENOENT' ? `找不到配置文件 ${opts.config}` : `无法读取配置文件 ${opts.config}：${(err as Error).message}`,
      );
    }
  }
  if (text !== undefined) {
    const source = explicit ? opts.config! : CONFIG_FILE;
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new ConfigError(`配置文件 ${source} 不是有效的 JSON：${(err as Error).message}`);
    }
    fromFile = settingsFromConfig(json, source, warn);
  }
  const settings = withDefaults(fromFile);
  if (opts.framework !== undefined) settings.framework = checkChoice(opts.framework, FRAMEWORKS, '--framework ');
  if (opts.schedule !== undefined) settings.schedule = checkChoice(opts.schedule, SCHEDULES, '--schedule ');
  return settings;
}
