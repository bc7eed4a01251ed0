import type { Rule } from './types';
import { analyse } from './util';
import { isFillerName } from './filler-indicator';

export const rule: Rule = {
  id: 'indicator-count',
  severity: 'warning',
  meta: {
    title: '三级指标过少',
    criterion: '完整性',
    needs: ['indicators'],
    docs:
      '一个项目通常至少需要3个具体的三级指标，才能从产出、效益、满意度几个方面说明资金用在哪里、效果如何。只有一两个指标（不计“生态效益指标”这类凑数行）的表格难以支撑绩效评价。修改方法：围绕项目主要支出内容补充数量、质量、时效、成本及效益指标。',
  },
  check({ table, settings, report }) {
    const rows = analyse(table, settings).rows;
    if (rows.length === 0) return;
    const real = rows.filter((r) => r.name && !isFillerName(r.name));
    if (real.length >= 3) return;
    const ref = rows[0].row.level3.ref;
    report({ ref, message: `本表只有${real.length}个有效的三级指标，少于3个。请补充能反映产出和效果的具体指标。` });
  },
};
