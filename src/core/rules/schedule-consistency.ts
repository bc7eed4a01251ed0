import type { ParsedWorkbook, ProjectTable } from '../model';
import type { Rule } from './types';
import { MODE_LABEL, detectedConvention, periodRef } from './schedule-util';

interface Split {
  /** Tables per convention, in workbook order. */
  cumulative: ProjectTable[];
  perPeriod: ProjectTable[];
}

const cache = new WeakMap<ParsedWorkbook, Split>();

function split(workbook: ParsedWorkbook): Split {
  const hit = cache.get(workbook);
  if (hit) return hit;
  const out: Split = { cumulative: [], perPeriod: [] };
  for (const t of workbook.tables) {
    const c = detectedConvention(t);
    if (c === 'cumulative') out.cumulative.push(t);
    else if (c === 'per-period') out.perPeriod.push(t);
  }
  cache.set(workbook, out);
  return out;
}

const nameOf = (t: ProjectTable): string => `“${(t.projectName?.text || t.title?.text || '').replace(/\s+/g, ' ').trim()}”`;

export const rule: Rule = {
  id: 'schedule-consistency',
  severity: 'warning',
  meta: {
    title: '各表资金支出计划口径不一致',
    criterion: '可行性',
    docs:
      '同一单位报送的各张绩效目标表，资金支出计划应采用同一口径：要么都按累计（逐期不减，12月底为100%），要么都按当期（各期合计100%）。在默认的“自动识别”设置下，助手逐表识别口径；若有的表按累计、有的表按当期填写，整个工作簿只提示一次，指向少数一方的第一张表并列出这些表。修改方法：按财政部门要求的口径统一改写少数一方的表。',
  },
  check({ table, workbook, settings, report }) {
    if (settings.schedule !== 'auto') return;
    const { cumulative, perPeriod } = split(workbook);
    if (cumulative.length === 0 || perPeriod.length === 0) return;
    // The minority is what to change; on a tie, the cumulative tables are named (the usual 财政 convention
    // is per-period in some provinces and cumulative in others: either way, one finding).
    const [minority, majority, minorityMode, majorityMode] =
      cumulative.length <= perPeriod.length
        ? [cumulative, perPeriod, 'cumulative', 'per-period'] as const
        : [perPeriod, cumulative, 'per-period', 'cumulative'] as const;
    if (minority[0] !== table) return;
    const ref = periodRef(table.schedule[table.schedule.length - 1]);
    const names = minority.slice(0, 3).map(nameOf).join('、') + (minority.length > 3 ? `等${minority.length}张表` : '');
    report({
      ref,
      message: `本工作簿的资金支出计划口径不一致：${majority.length}张表按${MODE_LABEL[majorityMode]}口径填写，${minority.length}张表（${names}）按${MODE_LABEL[minorityMode]}口径填写。请按财政部门要求统一口径。`,
    });
  },
};
