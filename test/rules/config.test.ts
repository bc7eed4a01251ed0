import { loadConfigText, mergeConfig, toConfig } from '../../src/core/config';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

describe('config', () => {
  it('defaults when empty', () => {
    expect(mergeConfig(undefined)).toEqual({ settings: DEFAULT_SETTINGS, errors: [] });
    expect(mergeConfig({}).errors).toEqual([]);
  });

  it('merges valid values', () => {
    const { settings, errors } = mergeConfig({
      framework: 'caiyu101',
      schedule: 'per-period',
      midYearMinimum: 50,
      rules: { 'description-copy': 'off', 'basis-vague': 'info', 'value-outlier': '错误' },
    });
    expect(errors).toEqual([]);
    expect(settings).toEqual({
      framework: 'caiyu101',
      schedule: 'per-period',
      midYearMinimum: 50,
      rules: { 'description-copy': 'off', 'basis-vague': 'info', 'value-outlier': 'error' },
    });
  });

  it('reports unknown rule ids with a suggestion, bad values, unknown keys — in zh-CN', () => {
    const { settings, errors } = mergeConfig({
      framework: 'hebei',
      schedule: 'monthly',
      midYearMinimum: 150,
      colour: 'red',
      rules: { 'satisfaction-dir': 'off', 'count-unit': 'loud' },
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(errors).toHaveLength(6);
    expect(errors.join('\n')).toContain('未知的规则“satisfaction-dir”，已忽略。是否应为“satisfaction-direction”？');
    expect(errors.join('\n')).toContain('framework 的值“hebei”无效');
    expect(errors.join('\n')).toContain('规则“count-unit”的级别“loud”无效');
    expect(errors.join('\n')).toContain('未知的配置项“colour”');
  });

  it('rejects non-objects and bad JSON without throwing', () => {
    expect(mergeConfig([1]).errors[0]).toContain('数组');
    const r = loadConfigText('{ framework: auto }');
    expect(r.errors[0]).toContain('不是有效的 JSON');
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips through toConfig', () => {
    const { settings } = loadConfigText('\uFEFF{"schedule":"当期","rules":{"placeholder":"warning"}}');
    expect(mergeConfig(toConfig(settings)).settings).toEqual(settings);
    expect(toConfig(DEFAULT_SETTINGS)).toEqual({});
  });
});
