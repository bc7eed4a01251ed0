/** Renders docs/templates.md from the template library (`npm run docs:templates`). */
import { FRAMEWORKS } from '../frameworks';
import { TEMPLATES } from './index';
import { renderTemplate, sampleValues } from './render';
import type { ProjectTemplate } from './types';

const cell = (s: string): string => s.replace(/\|/g, '｜').replace(/\n/g, ' ');

/** One template as a markdown section: scope, inputs, and the indicator table under the 88号 layout. */
export function renderTemplateMarkdown(t: ProjectTemplate, year = 2025): string {
  const r = renderTemplate(t, { framework: 'caiyu88', year });
  const lines = [
    `### ${t.title}（${t.id}）`,
    '',
    t.scope,
    '',
    `- 适用关键词：${t.keywords.join('、')}`,
    `- 默认工作领域（部门整体绩效目标）：${t.area}`,
    `- 资金用途示例：${r.fundUse}`,
    `- 绩效目标示例：${r.goal}`,
    `- 需填写的数据：${t.inputs.map((i) => `${i.label}（示例 ${i.sample}${i.auto === 'budget' ? '，插入已有表格时取预算数' : ''}）`).join('、')}`,
    '',
    '| 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.rows.map((row) => `| ${[row.level1, row.level2, row.level3, row.description, row.value, row.basis].map(cell).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

export function renderTemplateDocs(): string {
  const sample = TEMPLATES[0];
  const filled = renderTemplate(sample, { framework: 'caiyu88', year: 2025, values: sampleValues(sample) });
  const out = [
    '# 标准指标模板一览',
    '',
    '<!-- 本文件由 `npm run docs:templates` 根据 src/core/templates/ 中的模板数据生成，请勿手工修改。 -->',
    '',
    `共 ${TEMPLATES.length} 类项目模板。每个模板覆盖适用的全部二级指标，三级指标名称具体，描述写明计算公式或统计口径，指标值写明比较符和单位，依据写明类别（计划标准、行业标准、历史标准、预算支出标准、其他标准）和示例来源。`,
    '',
    `需要经办人按本单位实际填写的数据标为“【请填写……】”，例如“${sample.indicators[0].name}”的指标值“${renderTemplate(sample, { framework: 'caiyu88', year: 2025 }).rows[0].value}”，填写后为“${filled.rows[0].value}”。未填写的数据由校验规则“模板数据尚未填写”逐项提示，每项数据只提示一次。`,
    '',
    `下表按${FRAMEWORKS.caiyu88.label}排列；选择${FRAMEWORKS.caiyu101.label}时，成本指标作为一级指标（二级为“经济成本指标”）排在最前，其余内容相同。`,
    '',
    '## 模板清单',
    '',
    '| 模板 | 编号（命令行 --kind） | 适用范围 |',
    '| --- | --- | --- |',
    ...TEMPLATES.map((t) => `| ${t.title} | ${t.id} | ${cell(t.scope)} |`),
    '',
    '## 各模板指标',
    '',
    ...TEMPLATES.map((t) => renderTemplateMarkdown(t)),
  ];
  return out.join('\n');
}
