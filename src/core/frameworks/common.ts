import type { Level2Def } from './types';

/** 产出 二级 of the 88号 family (88号, 163号, 四川 项目完成指标): 数量、质量、时效、成本. */
export function outputWithCost(): Level2Def[] {
  return [
    { name: '数量指标', required: true },
    { name: '质量指标', required: true },
    { name: '时效指标' },
    { name: '成本指标', recommended: true },
  ];
}

/** 效益 二级 shared by the 财政部 目标表 sets: 经济、社会、生态效益、可持续影响. */
export function benefits(): Level2Def[] {
  return [{ name: '经济效益指标' }, { name: '社会效益指标' }, { name: '生态效益指标' }, { name: '可持续影响指标' }];
}
