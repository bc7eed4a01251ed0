import { compact } from '../text';
import { foreignMark } from './domains';
import type { Rule } from './types';
import { analyse, projectContext, q } from './util';

export const rule: Rule = {
  id: 'unrelated-indicator',
  severity: 'warning',
  meta: {
    title: '指标疑似从无关项目复制',
    criterion: '相关性',
    docs:
      '指标应当反映本项目的产出和效果。三级指标或绩效指标描述中出现属于另一业务领域的专门内容（例如党建经费中出现“社区矫正”“地区生产总值核算”，卫生项目中出现“高标准农田”），通常是从其他单位或其他项目的表格复制后未作修改，评审会据此认定指标与项目不相关。本规则按教育、卫生健康、农业农村、交通运输、水利、生态环境、商贸流通、统计、司法行政、执法监管、社会保障、文化旅游、科研、招商、网信、党建组织等业务领域的通用词汇判断：只有项目名称、单位、绩效目标和资金用途能确定本项目所属领域，而且该指标既不属于这些领域、又使用了另一领域的专门词汇时才提示。修改方法：按本项目的实际内容重写该指标，或删除此行。',
  },
  check({ table, settings, report }) {
    const context = projectContext(table);
    for (const r of analyse(table, settings).rows) {
      for (const cell of [r.row.level3, r.row.description]) {
        const hit = foreignMark(compact(cell.text), context);
        if (!hit) continue;
        report({
          ref: cell.ref,
          message: `${q(cell.text)}中的“${hit.term}”属于${hit.domain}领域，与本项目${q(table.projectName?.text)}的内容不相关，疑似从其他项目复制。请按本项目实际内容改写此指标，或删除此行。`,
        });
        break;
      }
    }
  },
};
