import { outputWithCost } from './common';
import type { Framework } from './types';

/**
 * 财政部《中央对地方专项转移支付绩效目标管理暂行办法》（财预〔2015〕163号）及其区域绩效目标表：一级指标为产出指标
 * （数量、质量、时效、成本）和效益指标（经济效益、社会效益、生态效益、可持续影响、社会公众或服务对象满意度）；
 * 满意度是效益指标的二级指标。转移支付、乡村振兴衔接资金等表格多用此式样。
 */
export const ZHUANYI163: Framework = {
  id: 'zhuanyi163',
  label: '财预〔2015〕163号（转移支付，满意度在效益下）',
  kind: 'target',
  source: {
    document: '财政部 财预〔2015〕163号',
    title: '中央对地方专项转移支付绩效目标管理暂行办法',
    url: 'http://www.cqipc.edu.cn/sgjs/info/1005/1030.htm',
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
        { name: '生态效益指标' },
        { name: '可持续影响指标' },
        {
          name: '社会公众或服务对象满意度指标',
          aliases: ['服务对象满意度指标', '社会公众满意度指标', '满意度指标', '满意度'],
        },
      ],
    },
  ],
};
