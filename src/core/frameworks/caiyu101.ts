import type { Framework } from './types';

/** 财预〔2021〕101号式样：成本指标是一级指标。 */
export const CAIYU101: Framework = {
  id: 'caiyu101',
  label: '财预〔2021〕101号（成本为一级指标）',
  level1: [
    {
      name: '成本指标',
      level2: [{ name: '经济成本指标', recommended: true }, { name: '社会成本指标' }, { name: '生态环境成本指标' }],
    },
    {
      name: '产出指标',
      level2: [{ name: '数量指标', required: true }, { name: '质量指标', required: true }, { name: '时效指标' }],
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
