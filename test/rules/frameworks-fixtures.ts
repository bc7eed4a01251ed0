import { BASE_SPEC, type TableSpec } from '../helpers/ruleTester';

const rows = BASE_SPEC.indicators;

/** The reference table laid out the 财预〔2021〕101号 way: 成本指标 as a 一级. */
export const CAIYU_SPEC: TableSpec = {
  ...BASE_SPEC,
  indicators: [
    ['成本指标', '经济成本指标', ...rows[4].slice(2)],
    ['产出指标', '数量指标', ...rows[0].slice(2)],
    ['', '数量指标', ...rows[1].slice(2)],
    ['', '质量指标', ...rows[2].slice(2)],
    ['', '时效指标', ...rows[3].slice(2)],
    ['效益指标', '社会效益指标', ...rows[5].slice(2)],
    ['满意度指标', '服务对象满意度指标', ...rows[7].slice(2)],
  ],
};
