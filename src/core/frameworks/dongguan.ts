import type { Framework } from './types';

/**
 * 广东省东莞市“东莞市财政项目支出绩效目标批复表”式样：一级指标为预期产出指标（数量指标（或建筑规模指标）、质量指标、
 * 时效指标（工期指标、形象进度指标）、预算（或投资规模）控制指标）和效果指标（社会、经济、生态效益指标，可持续影响指标）。
 * 来源见 docs/frameworks.md（存档在可持续影响指标一行截断，其后的满意度部分未能核实，故未列入）。
 */
export const DONGGUAN: Framework = {
  id: 'dongguan',
  label: '东莞市批复表（预期产出、效果指标）',
  kind: 'target',
  source: {
    document: '广东省东莞市财政局 东莞市财政项目支出绩效目标批复表',
    title: '东莞市财政项目支出绩效目标批复表（2019年度，东莞市交通运输局公布）',
    url: 'https://gdyinping.com/wwwgdyinpingcom/007329896/0801/201904/fdb5a052be7e4616a3536a4af16269b8.htm',
  },
  level1: [
    {
      name: '预期产出指标',
      role: '产出',
      level2: [
        { name: '数量指标（或建筑规模指标）', aliases: ['建筑规模指标'], required: true },
        { name: '质量指标', required: true },
        { name: '时效指标（工期指标、形象进度指标）', aliases: ['工期指标', '形象进度指标'] },
        { name: '预算（或投资规模）控制指标', aliases: ['预算控制指标', '投资规模控制指标'] },
      ],
    },
    {
      name: '效果指标',
      role: '效益',
      level2: [{ name: '社会、经济、生态效益指标' }, { name: '可持续影响指标' }],
    },
  ],
};
