import type { Framework } from './types';

/** 河北省财政厅 88 号文式样：成本指标是产出指标的二级指标。 */
export const HEBEI88: Framework = {
  id: 'hebei88',
  label: '河北88号文（成本在产出下）',
  level1: [
    {
      name: '产出指标',
      level2: [
        { name: '数量指标', required: true },
        { name: '质量指标', required: true },
        { name: '时效指标' },
        { name: '成本指标', recommended: true },
      ],
    },
    {
      name: '效益指标',
      level2: [
        { name: '经济效益指标' },
        { name: '社会效益指标' },
        { name: '生态效益指标' },
        { name: '可持续影响指标' },
      ],
    },
    { name: '满意度指标', level2: [{ name: '服务对象满意度指标' }] },
  ],
};
