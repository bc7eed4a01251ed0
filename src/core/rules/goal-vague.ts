import { compact } from '../text';
import { memoByString } from '../memo';
import type { Rule } from './types';
import { q } from './util';

/** Goal text with list numbering and punctuation removed, for length and copy checks (memoised: goal-copied
 * compares every table's goal with every other one's). */
export const goalCore = memoByString((text: string): string =>
  compact(text)
    .replace(/(^|[；;。，,])\s*[（(]?[0-9一二三四五六七八九十]+[）).、．]/gu, '$1')
    .replace(/[，,。；;、：:“”"'|\s]/gu, ''),
);

const BOILERPLATE = /^(按照?|根据)?年初(工作|计划)?(计划|安排)+/u;

export const rule: Rule = {
  id: 'goal-vague',
  severity: 'warning',
  meta: {
    title: '绩效目标过于笼统',
    criterion: '相关性',
    docs:
      '绩效目标要概括说明项目年度内做什么、做多少、达到什么效果，最好含有数量或时间，并与下面的指标相对应。只写“按年初计划安排完成本年度工作”“完成本年度工作”之类，既未说明做什么，也无法与指标对应，评审会认为目标不明确。修改方法：写成“2025年完成……不少于×次，覆盖……人，……率达到×%”的形式。',
  },
  check({ table, report }) {
    const goal = table.goal;
    if (!goal || !goal.text.trim()) return;
    const core = goalCore(goal.text);
    const parts = compact(goal.text).split(/[；;。]|(?=\d[.、．])/u).map(goalCore).filter(Boolean);
    const boiler = parts.length > 0 && parts.every((p) => BOILERPLATE.test(p) && p.replace(BOILERPLATE, '').length < 14);
    const digits = /\d/.test(core.replace(/20\d\d年?/gu, ''));
    if (boiler || core.length < 12) {
      report({
        ref: goal.ref,
        message: `绩效目标${q(goal.text)}过于笼统，未说明年度任务和预期效果。请写明年度任务和预期效果，如“全年开展××培训不少于4次，覆盖××人，满意度达到90%以上”。`,
      });
    } else if (!digits) {
      report({
        ref: goal.ref,
        severity: 'info',
        message: `绩效目标未包含数量或比例。建议写明主要任务的数量和预期达到的比例，便于与绩效指标对应。`,
      });
    }
  },
};
