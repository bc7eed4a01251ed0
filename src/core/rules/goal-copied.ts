import type { Rule } from './types';
import { q } from './util';
import { goalCore } from './goal-vague';
import { othersIn, tableName, tablesBy, type TableIndex } from './by-workbook';

/** Tables by goal core, one index per workbook (linear in the tables, not pairwise). */
const byGoal = new WeakMap<object, TableIndex>();

export const rule: Rule = {
  id: 'goal-copied',
  severity: 'warning',
  meta: {
    title: '绩效目标在多张表中雷同',
    criterion: '相关性',
    docs:
      '每个项目的绩效目标应当针对本项目的内容。同一工作簿中不同项目的绩效目标一字不差，说明是复制的套话，既无法体现项目差别，也无法据此评价。修改方法：按本项目的资金用途写出具体任务和预期效果。',
  },
  check({ table, workbook, report }) {
    const goal = table.goal;
    if (!goal) return;
    const core = goalCore(goal.text);
    if (core.length < 4) return;
    const group = tablesBy(byGoal, workbook, (t) => (t.goal ? goalCore(t.goal.text) : undefined)).get(core);
    const count = (group?.length ?? 1) - 1;
    if (count <= 0) return;
    const names = othersIn(group, table, 3).map((t) => q(tableName(t)));
    report({
      ref: goal.ref,
      message: `绩效目标${q(goal.text)}与${names.join('、')}${count > 3 ? `等${count}个项目` : ''}的绩效目标相同。请按本项目的具体内容改写。`,
    });
  },
};
