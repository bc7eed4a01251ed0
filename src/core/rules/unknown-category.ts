import { ALL_CATEGORY_NAMES, categoryKey, findLevel1, findLevel2, level1In, suggestName } from '../frameworks';
import type { Field, IndicatorRow } from '../model';
import type { Rule } from './types';
import { analyse, q } from './util';
import { compact } from '../text';

const KNOWN_KEYS = new Set(ALL_CATEGORY_NAMES.map(categoryKey));

/** The first 一级/二级 name of a table none of whose category names is known in any framework, else undefined. */
function firstUnknownSet(rows: readonly IndicatorRow[]): Field | undefined {
  let first: Field | undefined;
  for (const r of rows) {
    for (const f of [r.level1, r.level2]) {
      if (f.absent || compact(f.text) === '') continue;
      if (KNOWN_KEYS.has(categoryKey(f.text))) return undefined;
      first ??= f;
    }
  }
  return first;
}

export const rule: Rule = {
  id: 'unknown-category',
  severity: 'error',
  meta: {
    title: '一级、二级指标名称不规范',
    criterion: '完整性',
    fixable: true,
    docs:
      '一级、二级指标必须使用指标体系中的规范名称：一级为产出指标、效益指标、满意度指标（101号口径另有成本指标），二级为数量、质量、时效、成本、经济效益、社会效益、生态效益、可持续影响、服务对象满意度等。自拟的类别名称无法汇总，评审会要求按规范体系重填。本规则对写法差异（缺少“指标”二字、全角半角、空格）是宽容的，只提示确实不在体系中的名称，并给出最接近的规范名称：有相近规范名称的为错误，没有相近名称的（可能是另一套官方指标体系）给出警告；整张表的类别名称都不在任何已收录的体系中时（地方表样自有的一套类别），只提示一次，不逐项报告。',
  },
  check({ table, settings, report }) {
    const { framework, fitting, ambiguous, rows } = analyse(table, settings);
    const l1Names = framework.level1.map((l) => l.name);
    // Not one category name of the table is known in any framework: the form prints a set this tool does not
    // know (大庆's 目标完成程度 / 项目实施效益). Said once; its names are not called wrong one by one.
    const first = firstUnknownSet(rows.map((r) => r.row));
    if (first) {
      report({
        severity: 'info',
        ref: first.ref,
        message: `本表的指标类别（如${q(first.text)}）不属于已知的指标体系，未逐项核对类别名称。如本地有规定的指标体系，请按其核对。`,
      });
      return;
    }
    for (const r of rows) {
      const { level1, level2 } = r.row;
      if (!r.row.level1Carried && level1.text && !level1In(fitting, level1.text)) {
        const s = suggestName(level1.text, l1Names);
        // A 一级 of another official framework mixed into this table's set: worth a look, not an outright error.
        const elsewhere = KNOWN_KEYS.has(categoryKey(level1.text));
        report({
          severity: elsewhere || !s ? (ambiguous ? ('info' as const) : ('warning' as const)) : undefined,
          ref: level1.ref,
          message: `一级指标${q(level1.text)}不在${framework.label}指标体系中。${s ? `是否应为“${s}”？` : `请改为${l1Names.map((n) => `“${n}”`).join('、')}之一。`}`,
          fix: s ? { from: level1.text, to: s, description: `将${q(level1.text)}改为“${s}”` } : undefined,
        });
      }
      if (!r.row.level2Carried && level2.text && !findLevel2(framework, level2.text) && !KNOWN_KEYS.has(categoryKey(level2.text))) {
        const owner = findLevel1(framework, level1.text);
        const candidates = (owner ? [owner] : framework.level1).flatMap((l) => l.level2.map((x) => x.name));
        const s = suggestName(level2.text, candidates);
        // Without a close official name it may be another province's set: a warning, not an error.
        report({
          severity: s ? undefined : ('warning' as const),
          ref: level2.ref,
          message: `二级指标${q(level2.text)}不在${framework.label}指标体系中。${s ? `是否应为“${s}”？` : `请改为${candidates.map((n) => `“${n}”`).join('、')}之一。`}`,
          fix: s ? { from: level2.text, to: s, description: `将${q(level2.text)}改为“${s}”` } : undefined,
        });
      }
    }
  },
};
