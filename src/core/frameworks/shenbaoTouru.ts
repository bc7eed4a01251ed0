import type { Framework } from './types';

/**
 * 地方“财政支出项目绩效目标申报表（范本）”式样：年度绩效目标按投入（时效目标、成本目标、其他资源投入目标）、
 * 产出（数量目标、质量目标）、效益（经济效益目标、社会效益目标、环境效益目标、可持续影响目标、服务对象满意度目标）
 * 填写，名称以“目标”结尾。来源见 docs/frameworks.md。
 */
export const SHENBAO_TOURU: Framework = {
  id: 'shenbao-touru',
  label: '地方申报表范本（投入、产出、效益目标）',
  kind: 'target',
  source: {
    document: '地方财政部门 财政支出项目绩效目标申报表（范本）',
    title: '财政支出项目绩效目标申报表（范本）；绩效目标评审申报表',
    url: 'http://www.boteman.cn/paper/97320058.html',
  },
  level1: [
    {
      name: '投入',
      aliases: ['投入指标', '投入目标'],
      level2: [{ name: '时效目标' }, { name: '成本目标', recommended: true }, { name: '其他资源投入目标' }],
    },
    {
      name: '产出',
      aliases: ['产出指标', '产出目标'],
      level2: [{ name: '数量目标', required: true }, { name: '质量目标', required: true }],
    },
    {
      name: '效益',
      aliases: ['效益指标', '效益目标'],
      level2: [
        { name: '经济效益目标' },
        { name: '社会效益目标' },
        { name: '环境效益目标', aliases: ['生态效益目标'] },
        { name: '可持续影响目标' },
        { name: '服务对象满意度目标' },
      ],
    },
  ],
};
