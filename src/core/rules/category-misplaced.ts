import { FRAMEWORK_LIST, categoryKey, findLevel1, findLevel2, pairValidIn } from '../frameworks';
import type { Rule } from './types';
import { analyse, q } from './util';

export const rule: Rule = {
  id: 'category-misplaced',
  severity: 'error',
  meta: {
    title: '二级指标放错了一级指标',
    criterion: '完整性',
    docs:
      '每个二级指标只属于一个一级指标：数量、质量、时效（88号口径还有成本）属于产出指标，经济、社会、生态效益和可持续影响属于效益指标，服务对象满意度属于满意度指标；101号口径下成本指标是一级指标，下设经济成本、社会成本、生态环境成本。放错位置会让指标汇总和评分出错。修改方法：把该行移到正确的一级指标下，或改用本口径中的名称；也可以在设置中切换指标体系。',
  },
  check({ table, settings, report }) {
    const { framework, fitting, ambiguous, rows } = analyse(table, settings);
    // When detection cannot tell the framework apart, a placement finding is a hint (info), never an error.
    const severity = ambiguous ? ('info' as const) : undefined;
    const others = FRAMEWORK_LIST.filter((f) => f !== framework);
    for (const r of rows) {
      const { level1, level2 } = r.row;
      // Right in some framework the table's 一级 set fits: not an error, whichever framework detection chose.
      if (level2.text && pairValidIn(fitting, level1.text, level2.text)) continue;
      const other = others.find((f) => findLevel1(f, level1.text) || findLevel2(f, level2.text)) ?? others[0];
      const l1 = findLevel1(framework, level1.text);
      if (!r.row.level1Carried && level1.text && !l1) {
        const asL2 = findLevel2(framework, level1.text);
        if (asL2) {
          report({
            ref: level1.ref,
            message: `${q(level1.text)}是二级指标，不应填在一级指标列。一级指标应为“${asL2.level1.name}”，请把${q(level1.text)}移到二级指标列。`,
          });
        } else if (findLevel1(other, level1.text)) {
          // Mixed frameworks depend on detection: a warning at most, never an error.
          report({
            severity: severity ?? 'warning',
            ref: level1.ref,
            message: `一级指标${q(level1.text)}属于${other.label}，与本表按${framework.label}识别的其他指标混用。请统一口径，或在设置中选择指标体系。`,
          });
        }
      }
      if (!level2.text || r.row.level2Carried) continue;
      const l2 = findLevel2(framework, level2.text);
      if (l2 && l1 && l2.level1.name !== l1.name) {
        report({
          severity,
          ref: level2.ref,
          message: `二级指标${q(level2.text)}不属于一级指标${q(level1.text)}，应列于“${l2.level1.name}”下。请移动此行或更正一级指标。`,
        });
      } else if (!l2 && findLevel2(other, level2.text)) {
        const key = categoryKey(level2.text);
        const hint =
          key === '成本'
            ? `按${framework.label}，成本应作为一级指标“成本指标”，下设“经济成本指标”等`
            : `${q(level2.text)}是${other.label}的二级指标`;
        report({
          severity: severity ?? 'warning',
          ref: level2.ref,
          message: `${hint}。请按本表采用的口径调整，或在设置中选择“${other.label}”。`,
        });
      }
    }
  },
};
