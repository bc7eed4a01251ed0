/** Renders docs/rules.md from rule metadata (used by scripts/gen-rule-docs.ts and its up-to-date test). */
import type { Criterion } from '../findings';
import { SEVERITY_LABEL } from '../findings';
import { ALL_RULES } from './index';
import type { Rule } from './types';

const CRITERIA: { name: Criterion; about: string }[] = [
  { name: '完整性', about: '表格各项是否填全、填对位置，指标体系是否齐备。' },
  { name: '相关性', about: '目标和指标是否与本项目的内容、资金用途相对应。' },
  { name: '适当性', about: '指标值的方向、单位和量级是否与指标含义相符、可以衡量。' },
  { name: '可行性', about: '目标值、成本和支出进度是否有依据、能实现。' },
];

export function renderRuleDocs(rules: readonly Rule[] = ALL_RULES): string {
  const lines: string[] = [
    '# 校验规则一览',
    '',
    '<!-- 本文件由 `npm run docs:rules` 根据规则元数据生成，请勿手工修改。 -->',
    '',
    `共 ${rules.length} 条规则，按评审的四项标准（完整性、相关性、适当性、可行性）分组。`,
    '级别：错误 = 评审会退回的问题；警告 = 很可能需要修改；提示 = 建议改进。',
    '每条规则的级别都可以在 `jixiao.config.json` 的 `rules` 中调整或关闭，例如 `{ "rules": { "description-copy": "off" } }`。',
    '',
  ];
  for (const c of CRITERIA) {
    const group = rules.filter((r) => r.meta.criterion === c.name);
    if (group.length === 0) continue;
    lines.push(`## ${c.name}`, '', c.about, '', '| 规则 | 级别 | 名称 | 可自动修复 |', '| --- | --- | --- | --- |');
    for (const r of group) {
      lines.push(`| [\`${r.id}\`](#${r.id}) | ${SEVERITY_LABEL[r.severity]} | ${r.meta.title} | ${r.meta.fixable ? '是' : '否'} |`);
    }
    lines.push('');
    for (const r of group) {
      lines.push(
        `### ${r.id}`,
        '',
        `**${r.meta.title}** · 默认级别：${SEVERITY_LABEL[r.severity]} · 可自动修复：${r.meta.fixable ? '是' : '否'}`,
        '',
        r.meta.docs,
        '',
      );
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
