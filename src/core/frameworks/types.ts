export type FrameworkKey = 'hebei88' | 'caiyu101';

export interface Level2Def {
  /** Official name, e.g. "数量指标". */
  name: string;
  /** Required in every table under this framework. */
  required?: boolean;
  /** Missing it is a warning rather than an error. */
  recommended?: boolean;
}

export interface Level1Def {
  name: string;
  level2: Level2Def[];
}

export interface Framework {
  id: FrameworkKey;
  /** zh-CN label shown to users. */
  label: string;
  level1: Level1Def[];
}
