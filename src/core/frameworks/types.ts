/** Keys of the shipped frameworks (one data file each under src/core/frameworks/). */
export type FrameworkKey = 'caiyu88' | 'caiyu101' | 'zhuanyi163' | 'gongxing53' | 'pingjia10' | 'shenbao-touru' | 'dongguan' | 'sichuan';

/** Old setting values still accepted in jixiao.config.json, --framework and stored pane settings. */
export const FRAMEWORK_ALIASES: Readonly<Record<string, FrameworkKey>> = {
  hebei88: 'caiyu88',
  '88': 'caiyu88',
  '101': 'caiyu101',
  '163': 'zhuanyi163',
  '53': 'gongxing53',
};

export interface Level2Def {
  /** Official name, e.g. "数量指标". */
  name: string;
  /** Other official or customary spellings of the same category ("产出数量" for "数量指标"). */
  aliases?: string[];
  /** Required in every table under this framework. */
  required?: boolean;
  /** Missing it is a warning rather than an error. */
  recommended?: boolean;
}

export interface Level1Def {
  name: string;
  aliases?: string[];
  /**
   * The standard category this 一级 plays, as a categoryKey ("产出", "效益"), when its name differs: 东莞's
   * "预期产出指标" is the 产出 category for the rules.
   */
  role?: string;
  level2: Level2Def[];
}

export interface FrameworkSource {
  /** Issuer and document number, e.g. "财政部 财预〔2021〕101号". */
  document: string;
  /** Title of the document or form the categories come from. */
  title: string;
  /** Public address where the text (or a form printing it) was read; see docs/frameworks.md. */
  url?: string;
}

export interface Framework {
  id: FrameworkKey;
  /** zh-CN label shown to users. */
  label: string;
  /**
   * 'target': a 绩效目标表 framework (申报/批复), the completeness rules apply;
   * 'evaluation': an evaluation (自评/评价, 部门整体) framework whose 一级 are stages (投入/过程/…), the
   * target-table completeness rules do not apply.
   */
  kind: 'target' | 'evaluation';
  source: FrameworkSource;
  level1: Level1Def[];
}
