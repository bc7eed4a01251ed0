import { hasServiceRecipients, rule } from '../../src/core/rules/required-categories';
import { BASE_SPEC, buildTable, ruleTester, spec } from '../helpers/ruleTester';
import { CAIYU_SPEC } from './frameworks-fixtures';

const without = (...drop: number[]) => spec({ indicators: BASE_SPEC.indicators.filter((_, i) => !drop.includes(i)) });

describe('hasServiceRecipients', () => {
  it('sees 老干部 in the reference table', () => expect(hasServiceRecipients(buildTable(BASE_SPEC))).toBe(true));
  it('sees none in an internal IT project', () =>
    expect(
      hasServiceRecipients(buildTable(spec({ title: '机房设备运维绩效目标表', name: '机房设备运维', fundUse: '用于机房服务器和网络设备维保', goal: '保障机房设备全年稳定运行，故障修复时间不超过4小时' }))),
    ).toBe(false));
});

ruleTester.run(rule, {
  valid: [
    spec(),
    CAIYU_SPEC,
    {
      name: 'no 满意度 needed without service recipients',
      spec: spec({
        name: '机房设备运维',
        title: '机房设备运维绩效目标表',
        fundUse: '用于机房服务器和网络设备维保',
        goal: '保障机房设备全年稳定运行，故障修复时间不超过4小时',
        indicators: BASE_SPEC.indicators.slice(0, 7),
      }),
    },
  ],
  invalid: [
    { spec: without(2), errors: [{ address: 'A10', message: '缺少产出指标下的“质量指标”' }] },
    { spec: without(0, 1), errors: [{ message: '“数量指标”' }] },
    { spec: without(4), errors: [{ message: '“成本指标”', severity: 'warning' }] },
    { spec: { ...without(5), indicators: without(5).indicators.map((r, i) => (i === 5 ? ['效益指标', ...r.slice(1)] : r)) }, errors: [{ message: '只有可持续影响指标', severity: 'warning' }] },
    { spec: without(7), errors: [{ message: '缺少满意度指标', severity: 'warning' }] },
    {
      name: '101号: missing 成本 is a warning',
      spec: { ...CAIYU_SPEC, indicators: CAIYU_SPEC.indicators.slice(1) },
      settings: { framework: 'caiyu101' },
      errors: [{ message: '一级指标“成本指标”', severity: 'warning' }],
    },
  ],
});
