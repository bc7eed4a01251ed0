import { benefits } from './common';
import type { Framework } from './types';

/**
 * 财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：一级指标为成本指标
 * （经济成本、社会成本、生态环境成本）、产出指标（数量、质量、时效）、效益指标（经济效益、社会效益、生态效益，
 * 可持续影响按需设置）和满意度指标（服务对象满意度）。
 */
export const CAIYU101: Framework = {
  id: 'caiyu101',
  label: '财预〔2021〕101号（成本为一级指标）',
  kind: 'target',
  source: {
    document: '财政部 财预〔2021〕101号',
    title: '中央部门项目支出核心绩效目标和指标设置及取值指引（试行）',
    url: 'http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d',
  },
  level1: [
    {
      name: '成本指标',
      level2: [{ name: '经济成本指标', recommended: true }, { name: '社会成本指标' }, { name: '生态环境成本指标', aliases: ['生态成本指标', '环境成本指标'] }],
    },
    {
      name: '产出指标',
      level2: [{ name: '数量指标', required: true }, { name: '质量指标', required: true }, { name: '时效指标' }],
    },
    {
      name: '效益指标',
      level2: benefits(),
    },
    { name: '满意度指标', level2: [{ name: '服务对象满意度指标', aliases: ['满意度指标', '满意度'] }] },
  ],
};
