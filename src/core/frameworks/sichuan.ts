import { benefits, outputWithCost } from './common';
import type { Framework } from './types';

/**
 * 四川省“项目支出绩效目标申报表”式样（市县公开的申报表）：一级指标为项目完成指标（数量、质量、时效、成本）、
 * 项目效益指标（经济效益、社会效益、生态效益、可持续影响）和满意度指标（满意度指标）。来源见 docs/frameworks.md。
 */
export const SICHUAN: Framework = {
  id: 'sichuan',
  label: '四川申报表（项目完成、项目效益指标）',
  kind: 'target',
  source: {
    document: '四川省 项目支出绩效目标申报表（市县公开表样）',
    title: '项目支出绩效目标申报表（广元市昭化区卫生健康局公开，2021年度）',
    url: 'http://zhmail.cnzh.gov.cn/News/Detail/20220301121626208.html',
  },
  level1: [
    {
      name: '项目完成指标',
      role: '产出',
      level2: outputWithCost(),
    },
    {
      name: '项目效益指标',
      role: '效益',
      level2: benefits(),
    },
    { name: '满意度指标', level2: [{ name: '满意度指标', aliases: ['服务对象满意度指标', '满意度'] }] },
  ],
};
