import type { ProjectTable } from '../model';
import { TIME_UNITS, type ParsedValue } from '../values';
import type { Rule } from './types';
import { analyse, hasColumn, isRateName, q } from './util';

/** A one-year project: no 实施期 goal, block or targets beside the annual ones. */
function isAnnual(table: ProjectTable): boolean {
  return !table.midTermGoal && !(table.parts ?? []).some((p) => p.kind === 'midTerm') && !hasColumn(table, 'midTermValue');
}

/**
 * True when a date value only names the budget year ("2025年", "当年", "2021年1月-12月") on a one-year project: it
 * restates the year instead of setting a deadline. A year the table itself never names (a later year) is a
 * deadline, not a restatement.
 */
function restatesYear(v: ParsedValue, table: ProjectTable): boolean {
  if (v.kind !== 'date' || !v.date?.wholeYear || !isAnnual(table)) return false;
  const year = v.date.year;
  if (year === undefined) return true;
  const named: string[] = [table.title?.text, table.projectName?.text, table.goal?.text, table.fundUse?.text].join(' ').match(/20\d\d(?=年)/gu) ?? [];
  return named.length === 0 || named.includes(String(year));
}

/** Names that ask for a date or a duration. */
const TIME_NAME = /时间|时限|日期|期限|工期|周期|天数|时长|用时|完成时|截止/u;

export const rule: Rule = {
  id: 'timeliness-value',
  severity: 'error',
  meta: {
    title: '时效指标应有时限',
    criterion: '适当性',
    docs:
      '时效指标考核“什么时候完成”，指标值应是完成时限或时长，如“2025年12月底前”“≤3天”，或者是“及时率”“按时完成率”这类比率（用%）。名称是“完成时间”“持续周期”而指标值却是“≥90%”，无法判断时间要求，为错误；名称没有要求时间的（如把“巡查次数”放在时效指标下）给出警告；只写“及时”“按时”也无法考核，给出警告。一年期项目的时效指标只写“2025年1月-12月”，只是重复预算年度，没有完成时限，给出警告；只写“2025年”“当年”的给出提示。修改方法：写明截止日期或天数，或把指标改为“……及时率”并用百分比。',
  },
  check({ table, settings, report }) {
    for (const r of analyse(table, settings).rows) {
      if (r.l2Key !== '时效') continue;
      const v = r.value;
      const name = q(r.row.level3.text);
      if (restatesYear(v, table)) {
        // A span over the whole year ("1月-12月") states no deadline at all; a bare "2025年" reads as "within 2025".
        report({
          ref: r.row.value.ref,
          severity: v.date?.fromMonth !== undefined ? 'warning' : 'info',
          message: `时效指标${name}的指标值${q(r.row.value.text)}只重复了预算年度，未规定完成时限。请写明具体完成时间，如“12月底前完成”“每季度末前”或“≤3天”。`,
        });
        continue;
      }
      if (v.kind === 'date' || v.kind === 'empty' || v.kind === 'placeholder') continue;
      if (v.kind === 'numeric') {
        if (v.unit && TIME_UNITS.has(v.unit)) continue;
        // A frequency ("1次/月", "考核1次/季度") states the time requirement of a recurring task.
        if (v.per && /^(日|天|周|旬|月|季|季度|半年|年)$/u.test(v.per)) continue;
        // "按时参加各次会议 ≥90%" reads as an on-time rate even without the 率.
        if (v.unit === '%' && (isRateName(r.name) || /按时|及时|准时|按期/u.test(r.name))) continue;
        // A name that asks for a time ("完成时间") valued in % or in things is certainly wrong; anything else
        // (a frequency such as "巡查次数 ≥4次" filed under 时效) is a judgement call.
        const timeName = TIME_NAME.test(r.name);
        if (v.unit === '%') {
          report({
            ref: r.row.value.ref,
            severity: timeName ? undefined : 'warning',
            message: `时效指标${name}的指标值${q(r.row.value.text)}为百分比，未规定完成时限。请填写完成时限（如“2025年12月底前”“≤3天”），或将指标改为“……按时完成率”。`,
          });
        } else {
          report({
            ref: r.row.value.ref,
            severity: timeName ? undefined : 'warning',
            message: `时效指标${name}的指标值${q(r.row.value.text)}不是时间。请填写完成时限，如“2025年12月底前”或“≤3天”。`,
          });
        }
        continue;
      }
      report({
        ref: r.row.value.ref,
        severity: 'warning',
        message: `时效指标${name}的指标值${q(r.row.value.text)}未规定具体时限，无法考核。请写明截止日期（如“2025年12月底前”）或时长（如“≤3天”）。`,
      });
    }
  },
};
