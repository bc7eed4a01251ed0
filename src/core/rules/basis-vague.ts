import { compact } from '../text';
import type { Rule } from './types';
import { analyse, isCostRow, q } from './util';

/** A basis names a standard, a document, or historical data. */
const GOOD_BASIS = new RegExp(
  [
    '计划标准', '历史标准', '行业标准', '预算支出标准', '其他标准', '国家标准', '地方标准',
    '《', '〔', '\\[\\d{4}\\]', '\\d{4}〕', '号', '文件', '规定', '办法', '方案', '通知', '意见', '规划', '条例', '细则', '合同', '协议',
    '上年', '去年', '近[三3两2五5几]年', '历年', '往年', '以前年度', '历史', '实际数据', '统计数据', '台账', '测算',
    '预算批复', '部门预算', '预算数', '批复', '定额', '标准',
  ].join('|'),
  'u',
);

export function isVagueBasis(text: string): boolean {
  const t = compact(text);
  return t !== '' && !GOOD_BASIS.test(t);
}

export const rule: Rule = {
  id: 'basis-vague',
  severity: 'warning',
  meta: {
    title: '指标值确定依据不明确',
    criterion: '可行性',
    docs:
      '指标值确定依据要说明目标值从哪里来，常用的是：计划标准（写明哪个计划或文件）、历史标准（上年实际值或近三年平均值）、行业标准（写明标准名称）、预算支出标准（成本指标）、其他标准（须说明）。只写“年初计划安排”“按年初计划”这类话，没有指出具体计划或数据，评审无法判断目标值是否合理。一张表中多行使用同一个含糊依据时，本规则只在第一行提示一次。修改方法：写成“计划标准：2025年度××工作计划”“历史标准：2024年实际完成值”等。',
  },
  check({ table, settings, report }) {
    const groups = new Map<string, { first: ReturnType<typeof analyse>['rows'][number]; count: number }>();
    for (const r of analyse(table, settings).rows) {
      const t = compact(r.row.basis.text);
      if (!isVagueBasis(t)) continue;
      const g = groups.get(t);
      if (g) g.count++;
      else groups.set(t, { first: r, count: 1 });
    }
    for (const [text, { first, count }] of groups) {
      const example = isCostRow(first) ? '“预算支出标准：2025年部门预算”' : '“计划标准：2025年度工作计划”或“历史标准：2024年实际完成值”';
      report({
        ref: first.row.basis.ref,
        message: `指标值确定依据${q(first.row.basis.text)}${count > 1 ? `（本表共${count}行相同）` : ''}没有说明具体标准或数据来源。请写明依据的计划、文件或历史数据，如${example}。`,
      });
      void text;
    }
  },
};
