import { promises as fs } from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, loadConfigText, mergeConfig } from '../core/config';
import type { Settings } from '../core/settings';
import { DEFAULT_SETTINGS } from '../core/settings';

/** A problem that stops the run (exit 2): a missing --config file or a bad option value. */
export class ConfigError extends Error {}

export interface SettingOptions {
  config?: string;
  framework?: string;
  schedule?: string;
}

/**
 * Settings from --config (or ./jixiao.config.json when present) overlaid with command-line options.
 * Problems inside the config file are warnings (the rest of the file still applies, as in the task
 * pane); a missing --config file or a bad --framework/--schedule value is a ConfigError.
 */
export async function loadSettings(
  opts: SettingOptions,
  cwd: string,
  warn: (msg: string) => void,
  announce?: (msg: string) => void,
): Promise<Settings> {
  let settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  const explicit = opts.config !== undefined;
  const file = path.resolve(cwd, opts.config ?? CONFIG_FILE_NAME);
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
    const source = explicit ? opts.config! : CONFIG_FILE_NAME;
    const result = loadConfigText(text, settings);
    for (const e of result.errors) warn(`配置文件 ${source}：${e}`);
    settings = result.settings;
    announce?.(configSummary(explicit ? opts.config! : file, settings));
  }
  const fromFlags: Record<string, string> = {};
  if (opts.framework !== undefined) fromFlags.framework = opts.framework;
  if (opts.schedule !== undefined) fromFlags.schedule = opts.schedule;
  const merged = mergeConfig(fromFlags, settings);
  if (merged.errors.length) {
    throw new ConfigError(merged.errors.map((e) => `--${e}`).join('\n'));
  }
  return merged.settings;
}

/** "使用配置文件 …：已关闭 N 条规则" — said in every report, so a config found in the folder is never silent. */
export function configSummary(file: string, settings: Settings): string {
  const levels = Object.values(settings.rules);
  const off = levels.filter((l) => l === 'off').length;
  const changed = levels.length - off;
  const parts = [`已关闭 ${off} 条规则`];
  if (changed) parts.push(`${changed} 条规则改了级别`);
  if (settings.framework !== DEFAULT_SETTINGS.framework) parts.push(`指标体系 ${settings.framework}`);
  if (settings.schedule !== DEFAULT_SETTINGS.schedule) parts.push('资金支出计划按当期口径');
  if (settings.midYearMinimum !== undefined) parts.push(`6月底序时进度不低于 ${settings.midYearMinimum}%`);
  return `使用配置文件 ${file}：${parts.join('，')}`;
}
