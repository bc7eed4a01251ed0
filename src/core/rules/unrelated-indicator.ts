import { compact } from '../text';
import type { Rule } from './types';
import { analyse, at, projectContext, q } from './util';

/**
 * Terms that belong to other lines of work. A term fires only when the project's own name, goal and
 * fund use mention none of its related words — tuned for precision, not recall.
 */
const FOREIGN_TERMS: { term: RegExp; domain: string; related: RegExp }[] = [
  { term: /流通综合协调|商贸流通|流通/u, domain: '商贸流通', related: /商务|商贸|流通|物流|市场/u },
  { term: /城乡高效配送|配送/u, domain: '物流配送', related: /物流|配送|快递|邮政|商务/u },
  { term: /地区生产总值|GDP|统计数据真实性|生产总值核算/u, domain: '统计核算', related: /统计|核算|普查|经济/u },
  { term: /运输量|客运量|货运量/u, domain: '交通运输', related: /交通|运输|公路|道路|港口/u },
  { term: /社区矫正|矫正对象|执法人员/u, domain: '司法矫正', related: /司法|矫正|执法|法治/u },
  { term: /网群/u, domain: '网络宣传', related: /网群|网络|网信|新媒体|舆情/u },
  { term: /采购计划/u, domain: '政府采购', related: /采购|购置|购买|设备/u },
  { term: /研究成果|课题成果/u, domain: '课题研究', related: /研究|课题|调研|智库/u },
  { term: /招商引资|签约项目|达成合作意向/u, domain: '招商合作', related: /招商|合作|引资|企业|人才/u },
  { term: /游客|旅游/u, domain: '文化旅游', related: /旅游|文旅|景区/u },
  { term: /患者|病床|诊疗/u, domain: '医疗卫生', related: /医疗|卫生|医院|健康|体检/u },
  { term: /造林|绿化面积|污水|垃圾清运/u, domain: '生态环境', related: /环境|绿化|生态|污水|垃圾|环卫/u },
  { term: /农作物|种植面积|农业绿色生产/u, domain: '农业生产', related: /农业|种植|农田|农村|村级|乡村/u },
  { term: /城市形象/u, domain: '城市建设', related: /城市|城区|市容|宣传|社区/u },
];

export const rule: Rule = {
  id: 'unrelated-indicator',
  severity: 'warning',
  meta: {
    title: '指标疑似从无关项目复制',
    criterion: '相关性',
    docs:
      '指标应当反映本项目的产出和效果。三级指标或描述中出现与本项目毫不相干的业务内容（例如党建经费里的“流通综合协调”“城乡高效配送”“地区生产总值核算”“社区矫正执法人员”），几乎可以肯定是从其他单位或其他项目的表格复制后没有修改。评审会据此认定指标与项目不相关。本规则只在项目名称、绩效目标和资金用途都没有提到相关业务时提示。修改方法：按本项目的实际内容重写该指标。',
  },
  check({ table, settings, report }) {
    const context = projectContext(table);
    for (const r of analyse(table, settings).rows) {
      for (const cell of [r.row.level3, r.row.description]) {
        const text = compact(cell.text);
        const hit = FOREIGN_TERMS.find((t) => t.term.test(text) && !t.related.test(context));
        if (!hit) continue;
        const term = hit.term.exec(text)![0];
        report({
          ref: cell.ref,
          message: `${at(cell)}：${q(cell.text)}中的“${term}”属于${hit.domain}业务，与本项目${q(table.projectName?.text)}的名称、目标和资金用途都不相关，疑似从其他项目复制：请按本项目实际内容改写此指标。`,
        });
        break;
      }
    }
  },
};
