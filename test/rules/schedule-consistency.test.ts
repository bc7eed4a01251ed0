import { rule } from '../../src/core/rules/schedule-consistency';
import { runRuleSet } from '../../src/core/rules/engine';
import { withDefaults } from '../../src/core/settings';
import { buildWorkbook, ruleTester, spec } from '../helpers/ruleTester';

const cumulative = (name: string) => spec({ name, title: `${name}绩效目标表`, schedule: [0.2, 0.5, 0.8, 1] });
const perPeriod = (name: string) => spec({ name, title: `${name}绩效目标表`, schedule: [0.25, 0.25, 0.25, 0.25] });

ruleTester.run(rule, {
  valid: [
    { name: 'all cumulative', spec: cumulative('甲项目'), others: [cumulative('乙项目'), cumulative('丙项目')] },
    { name: 'all per period', spec: perPeriod('甲项目'), others: [perPeriod('乙项目')] },
    {
      name: 'a table that fits both readings does not count',
      spec: spec({ schedule: [0, 0, 0, 1] }),
      others: [perPeriod('乙项目'), perPeriod('丙项目')],
    },
    { name: 'the majority is not the one to change', spec: perPeriod('甲项目'), others: [perPeriod('乙项目'), cumulative('丙项目')] },
    {
      name: 'a forced setting checks each table by it instead',
      spec: cumulative('甲项目'),
      others: [perPeriod('乙项目'), perPeriod('丙项目')],
      settings: { schedule: 'per-period' },
    },
  ],
  invalid: [
    {
      name: 'one finding for the workbook, on the first table of the minority',
      spec: cumulative('甲项目'),
      others: [perPeriod('乙项目'), perPeriod('丙项目')],
      errors: [
        {
          address: 'E7',
          severity: 'warning',
          message: '本工作簿的资金支出计划口径不一致：2张表按当期口径填写，1张表（“甲项目”）按累计口径填写。请按财政部门要求统一口径。',
        },
      ],
    },
  ],
});

describe('schedule-consistency across the workbook', () => {
  it('reports once however many tables disagree', () => {



    const wb = buildWorkbook([perPeriod('甲项目'), cumulative('乙项目'), perPeriod('丙项目'), cumulative('丁项目'), perPeriod('戊项目')]);
    const found = runRuleSet([rule], wb, withDefaults({}));
    expect(found).toHaveLength(1);
    expect(found[0].tableId).toBe(wb.tables[1].id);
    expect(found[0].message).toContain('2张表（“乙项目”、“丁项目”）按累计口径填写');
  });
});
