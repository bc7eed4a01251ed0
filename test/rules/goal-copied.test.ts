import type { ParsedWorkbook, ProjectTable } from '../../src/core/model';
import { runRuleSet } from '../../src/core/rules/engine';
import { rule } from '../../src/core/rules/goal-copied';
import * as goalVague from '../../src/core/rules/goal-vague';
import { withDefaults } from '../../src/core/settings';
import { ruleTester, spec } from '../helpers/ruleTester';

const other = spec({ name: '干部工作专项经费', title: '干部工作专项经费绩效目标表', code: '13020925P00008110002F', goal: '全年组织干部调训不少于6期，培训科级干部300人次。' });

ruleTester.run(rule, {
  valid: [{ spec: spec(), others: [other] }],
  invalid: [
    {
      spec: spec({ goal: '1.按年初计划安排 完成本年度工作' }),
      others: [{ ...other, goal: '1.按年初计划安排，完成本年度工作。' }],
      errors: [{ address: 'B8', message: '与“干部工作专项经费”的绩效目标相同' }],
    },
  ],
});

describe('goal-copied on a 5,000-table workbook', () => {
  // Hand-built tables (the rule reads only the goal and the project name): 2,000 pairs sharing a goal, one
  // group of 5 sharing another, and 995 tables with a goal of their own.
  const N = 5000;
  const field = (text: string, row: number) => ({ text, ref: { sheet: 'S', row, col: 1, address: `B${row + 1}` } });
  const goalOf = (i: number): string => (i < 4000 ? `全年完成第${Math.floor(i / 2)}组任务不少于6次` : i < 4005 ? '全年完成共同任务不少于6次' : `全年完成第${i}项任务不少于6次`);
  const tables: ProjectTable[] = Array.from({ length: N }, (_, i) => ({
    id: `S!A${i * 10 + 1}`, sheet: 'S', index: i, top: i * 10, bottom: i * 10 + 9, left: 0, right: 6, moneyUnit: '万元',
    projectName: field(`项目${i}`, i * 10), goal: field(goalOf(i), i * 10 + 1), schedule: [], indicators: [], notes: [],
  }));
  const workbook: ParsedWorkbook = { tables, notes: [] };

  it('finds every copy and computes each goal core a linear number of times', () => {
    const spy = jest.spyOn(goalVague, 'goalCore');
    const findings = runRuleSet([rule], workbook, withDefaults({}));
    // One core per table for its own goal plus one per table for the workbook index: 2n, never n².
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2 * N);
    spy.mockRestore();
    expect(findings).toHaveLength(4005);
    const group = findings.filter((f) => f.message.includes('共同任务'));
    expect(group).toHaveLength(5);
    expect(group[0].message).toContain('等4个项目');
    expect(findings.find((f) => f.tableId === 'S!A1')?.message).toContain('与“项目1”的绩效目标相同');
  });
});
