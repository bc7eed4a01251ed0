import { rule } from '../../src/core/rules/unit-cost-budget';
import { ruleTester, spec, type TableSpec, withCostRows } from '../helpers/ruleTester';

/** Real rows of a 湖南 南岳 申报表 (2018): three unit costs whose products add up to the 10万元 budget exactly. */
const nanyue = (budget: number): TableSpec => ({
  title: '人大代表扶贫基地项目绩效目标表',
  name: '市级专项扶贫资金基础设施（人大代表扶贫基地）',
  budget,
  fiscal: budget,
  fundUse: '用于流转土地、景观建设和旅游基础设施建设',
  goal: '完成景点开发4个、基础设施建设20平方米、流转土地60亩，带动贫困人口增收。',
  indicators: [
    ['产出指标', '数量指标', '贫困地区旅游基础设施建设工程', '建设面积', '>=20平方米', '计划标准'],
    ['', '数量指标', '贫困地区旅游景点开发数量', '开发景点个数', '>=4个', '计划标准'],
    ['', '数量指标', '流转土地', '流转面积', '>=60亩', '计划标准'],
    ['', '质量指标', '贫困地区旅游基础设施建设质量达标率', '验收达标的比例', '>=98%', '行业标准'],
    ['', '时效指标', '贫困地区基础设施建设按期完成率', '按期完成的比例', '>=95%', '计划标准'],
    ['', '成本指标', '流转土地补助标准', '每亩补助', '<=475元/亩', '预算支出标准'],
    ['', '成本指标', '景观建设成本', '每个景观', '<=2875元/个', '预算支出标准'],
    ['', '成本指标', '贫困地区旅游基础设施建设工程建设成本', '每平方米', '<=3000元/平方米', '预算支出标准'],
    ['效益指标', '社会效益指标', '受益建档立卡贫困人口数', '受益人数', '>=29人', '计划标准'],
    ['满意度指标', '服务对象满意度指标', '参与旅游扶贫项目贫困群众满意度', '问卷调查', '>=90%', '历史标准'],
  ],
});

// withCostRows: the base table (budget 85.5万元; 维修维护次数 ≥6次, 维护面积 ≥8571平米) with its cost row replaced.
ruleTester.run(rule, {
  valid: [
    spec(),
    { name: 'per visit within the budget', spec: withCostRows(['每次维修平均费用', '≤10万元/次']) },
    { name: '平米 and 平方米 match; 85.71万元 is within a tenth of 85.5万元', spec: withCostRows(['每平方米维护费用', '≤100元/平方米']) },
    { name: 'no quantity counted per 人', spec: withCostRows(['人均维护费用', '≤5000元/人']) },
    { name: 'a floor (≥) is no cost standard', spec: withCostRows(['每次维修平均费用', '≥20万元/次']) },
    { name: 'real: 南岳 unit costs × quantities = the 10万元 budget', spec: nanyue(10) },
    {
      name: 'real: 岳阳 1600元/亩 with two areas in 亩 (which one is priced cannot be told)',
      spec: {
        ...nanyue(854),
        indicators: [
          ['产出指标', '数量指标', '脱贫村村内道路硬化里程', '硬化里程', '≥100公里', '计划标准'],
          ['', '质量指标', '项目（工程）验收合格率', '验收合格的比例', '100%', '行业标准'],
          ['', '时效指标', '项目（工程）完成及时率', '按期完成的比例', '≥95%', '计划标准'],
          ['', '成本指标', '财政资金补助', '每亩补助', '1600元/亩', '预算支出标准'],
          ['效益指标', '生态效益指标', '新增和改善灌溉达标面积', '面积', '≥5000亩', '计划标准'],
          ['', '生态效益指标', '新增和改善排水达标面积', '面积', '≥2000亩', '计划标准'],
          ['满意度指标', '服务对象满意度指标', '受益脱贫（监测）户满意度', '问卷调查', '≥95%', '历史标准'],
        ],
      },
    },
    {
      name: 'two costs per 人 may overlap: not added',
      spec: withCostRows(['人均总费用', '≤600元/人'], ['人均住宿费', '≤500元/人']),
    },
  ],
  invalid: [
    {
      name: 'per visit × visits over the budget',
      spec: withCostRows(['每次维修平均费用', '≤20万元/次']),
      errors: [{ address: 'E14', message: '乘以数量指标“大楼维修维护次数”的“≥6次”为120万元，超过了预算数85.5万元' }],
    },
    {
      name: 'per 平方米 × 平米 (元 → 万元)',
      spec: withCostRows(['每平方米维护费用', '≤120元/平方米']),
      errors: [{ address: 'E14', message: '为102.85万元' }],
    },
    {
      name: '万元 written for 元',
      spec: withCostRows(['每平方米维护费用', '≤100万元/平米']),
      errors: [{ address: 'E14', message: '核对金额单位' }],
    },
    {
      name: 'real: 南岳 unit costs together over a smaller budget',
      spec: nanyue(8),
      errors: [{ address: 'E17', message: '3项单位成本分别乘以对应数量后合计10万元，超过了预算数8万元' }],
    },
  ],
});
