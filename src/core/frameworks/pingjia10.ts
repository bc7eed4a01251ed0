import type { Framework } from './types';

/**
 * 财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）附件1《项目支出绩效评价指标体系框架（参考）》：一级指标为
 * 决策、过程、产出、效益。评价报告和部分自评表用这一框架打分。
 */
export const PINGJIA10: Framework = {
  id: 'pingjia10',
  label: '财预〔2020〕10号（决策、过程、产出、效益）',
  kind: 'evaluation',
  source: {
    document: '财政部 财预〔2020〕10号',
    title: '项目支出绩效评价管理办法（附件1 项目支出绩效评价指标体系框架）',
  },
  level1: [
    { name: '决策', aliases: ['决策指标'], level2: [{ name: '项目立项' }, { name: '绩效目标' }, { name: '资金投入' }] },
    { name: '过程', aliases: ['过程指标'], level2: [{ name: '资金管理' }, { name: '组织实施' }] },
    {
      name: '产出',
      aliases: ['产出指标'],
      level2: [
        { name: '产出数量', aliases: ['数量指标'] },
        { name: '产出质量', aliases: ['质量指标'] },
        { name: '产出时效', aliases: ['时效指标'] },
        { name: '产出成本', aliases: ['成本指标'] },
      ],
    },
    {
      name: '效益',
      aliases: ['效益指标'],
      level2: [
        { name: '项目效益', aliases: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
        { name: '满意度', aliases: ['服务对象满意度指标', '满意度指标'] },
      ],
    },
  ],
};
