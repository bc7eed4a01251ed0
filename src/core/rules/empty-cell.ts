import type { Field, IndicatorColumn } from '../model';
import type { Rule } from './types';
import { deletionFix } from './required-categories';
import { isFillerName } from './filler-indicator';
import { analyse, hasColumn, isUnusedOptionalRow } from './util';

export const rule: Rule = {
  id: 'empty-cell',
  severity: 'error',
  meta: {
    title: '必填项为空',
    criterion: '完整性',
    fixable: true,
    docs:
      '项目名称、资金用途、绩效目标，以及每个指标行的一级、二级、三级指标、绩效指标描述和指标值确定依据都是必填项（指标值是否为空由“占位符或空指标值”规则检查）。表头本来就没有的列（如简式表格没有“绩效指标描述”或“指标值确定依据”列）不逐行报告，只在解析说明中提示一次。官方表样印出的可选类别行（社会成本、生态环境成本、可持续影响）整行留空的，视为不适用，不报告。空白项会让表格无法审核。修改方法：逐项补齐；描述写明指标怎么计算、依据写明数值从哪来。',
  },
  check({ table, settings, report }) {
    const need = (f: Field | undefined, label: string, hint: string, severity?: 'warning') => {
      if (f && !f.text.trim()) report({ ref: f.ref, severity, message: `${label}为空。${hint}` });
    };
    need(table.projectName, '项目名称', '请填写与预算批复一致的项目名称。');
    need(table.fundUse, '资金用途', '请写明资金具体用于哪些支出。');
    need(table.goal, '绩效目标', '请写明年度内要完成的任务和达到的效果，尽量包含数量和时间。');
    // A header without a 描述 or 依据 column (一级指标 | 二级指标 | 三级指标 | 指标值): the parser notes it once;
    // its empty fields are not reported row by row.
    // A column the header does not have (no 一级, no 描述 …) is a parse fact, never an empty cell.
    const has = (h: IndicatorColumn) => hasColumn(table, h);
    const rows = analyse(table, settings).rows;
    // A blank form (no 三级 filled anywhere) is to be filled in, not thinned out.
    const filled = table.indicators.some((r) => r.level3.text.trim());
    table.indicators.forEach((row, i) => {
      // A 社会成本 / 生态环境成本 / 可持续影响 row the form prints and the unit left blank is not used, not empty.
      if (isUnusedOptionalRow(rows[i])) return;
      if (has('level1') && (i === 0 || !row.level1Carried)) need(row.level1, '一级指标', '请填写“产出指标”“效益指标”或“满意度指标”。');
      if (has('level2') && !row.level2Carried) need(row.level2, '二级指标', '请填写如“数量指标”“质量指标”的二级指标。');
      // A row whose 三级 was cleared by the filler-indicator fix: what is left is a category name only.
      // Deleting it is the advice only when the table keeps its required categories without it.
      const leftover = !row.level3.text.trim() && (!row.description.text.trim() || isFillerName(row.description.text));
      const fix = leftover && filled ? deletionFix(table, settings, row) : undefined;
      if (fix) {
        report({ ref: row.level3.ref, severity: 'warning', message: `此行三级指标为空，其余内容只是类别名称。请删除整行。`, fix });
        return;
      }
      if (leftover && has('level3')) {
        need(row.level3, '三级指标', '请填写具体的指标名称，并补齐描述、指标值和依据。');
        return;
      }
      if (has('level3')) need(row.level3, '三级指标', '请填写具体的指标名称，或删除此行。');
      if (has('description')) need(row.description, '绩效指标描述', '请说明该指标衡量什么、如何计算。', 'warning');
      if (has('basis')) need(row.basis, '指标值确定依据', '请写明依据，如“计划标准：年度工作计划”“历史标准：上年实际值”。', 'warning');
    });
  },
};
