import { outputWithCost } from './common';
import type { Framework } from './types';

/**
 * 财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）第九条：绩效指标包括产出指标（数量、质量、时效、
 * 成本）、效益指标（经济效益、社会效益、生态效益、可持续影响）和满意度指标（服务对象满意度）。
 * 成本指标是产出指标的二级指标。Hebei and many provinces print this set; it is a 财政部 document.
 */
export const CAIYU88: Framework = {
  id: 'caiyu88',
  label: '财预〔2015〕88号（成本在产出下）',
  kind: 'target',
  source: {
    document: '财政部 财预〔2015〕88号',
    title: '中央部门预算绩效目标管理办法',
  },
  level1: [
    {
      name: '产出指标',
      level2: outputWithCost(),
    },
    {
      name: '效益指标',
      level2: [
        { name: '经济效益指标' },
        { name: '社会效益指标' },
        { name: '生态效益指标', aliases: ['环境效益指标'] },
        { name: '可持续影响指标' },
      ],
    },
    { name: '满意度指标', level2: [{ name: '服务对象满意度指标', aliases: ['满意度指标', '满意度'] }] },
  ],
};
