/** Standard indicator templates: data describing a good starting table for one kind of project. */

/** Where an indicator sits, independent of the framework (88号 puts 成本 under 产出, 101号 makes it a 一级). */
export type Slot = '数量' | '质量' | '时效' | '成本' | '经济效益' | '社会效益' | '生态效益' | '可持续影响' | '满意度';

/** 依据 categories a reviewer accepts (DESIGN §3). */
export type BasisCategory = '计划标准' | '行业标准' | '历史标准' | '预算支出标准' | '其他标准';

/** A figure the clerk must supply, e.g. 培训人次; referenced as {培训人次} in a template's texts. */
export interface TemplateInput {
  /** zh-CN label, also the key used in {…}. */
  label: string;
  /** Example figure used in previews and tests. */
  sample: string;
  /** Filled automatically from the project when known: 预算数 of the table. */
  auto?: 'budget';
}

export interface TemplateIndicator {
  slot: Slot;
  /** 三级指标名称. */
  name: string;
  /** 绩效指标描述: what is measured and how (formula, count rule, survey method). */
  description: string;
  /** 指标值 pattern, e.g. "≥{培训人次}人次"; {年度} is the budget year. */
  value: string;
  basis: BasisCategory;
  /** Example source, e.g. "{年度}年度党员教育培训计划". */
  source: string;
}

export interface ProjectTemplate {
  /** kebab-case id used by the CLI (`--kind`). */
  id: string;
  /** zh-CN name of the project kind. */
  title: string;
  /** One sentence: which projects the template fits. */
  scope: string;
  /** Words that point to this kind, strongest first; used by the suggestion. */
  keywords: string[];
  /** Generic words that point to this kind only weakly ("综合", "日常"); they count for less. */
  weakKeywords?: string[];
  /** Example project name for previews, e.g. "{年度}年度党员教育培训经费". */
  sampleName: string;
  /** 资金用途 example. */
  fundUse: string;
  /** 绩效目标 pattern; may reference inputs. */
  goal: string;
  /** Work area for the 部门整体绩效目标 section. */
  area: string;
  inputs: TemplateInput[];
  indicators: TemplateIndicator[];
}
