/**
 * Lines of government work and their vocabularies, for relevance checks. General knowledge of public
 * budgeting, not taken from any one workbook: each domain has
 *   - `marks`: words specific enough that an indicator using them is about this line of work;
 *   - `scope`: broader words that, in a project's name, goal, fund use or unit, put the project in or next to
 *     this line of work (then the marks are not foreign to it).
 * Lists are tuned for precision: a word shared by many lines of work (培训, 宣传, 维修, 采购, 服务) is no mark.
 */
import { memoByString } from '../memo';

export interface Domain {
  name: string;
  marks: RegExp;
  scope: RegExp;
}

export const DOMAINS: readonly Domain[] = [
  {
    name: '教育',
    marks: /在校生|在园幼儿|入学率|升学率|辍学|控辍保学|义务教育|学前教育|校舍|生均|师生比|课后服务|中小学生|高考|中考|学位供给/u,
    scope: /教育|学校|学生|教师|校园|幼儿园|中小学|学前|职教|高校|教学|教体|助学|资助/u,
  },
  {
    name: '卫生健康',
    marks: /患者|病床|床位使用|诊疗|门诊|住院|接种|疫苗|传染病|孕产妇|婴儿死亡|慢性病|家庭医生|签约居民|医疗机构|卫生院|村医|检出率|药品|核酸/u,
    scope: /卫生|健康|医疗|医院|医保|疾控|防疫|疫情|妇幼|计生|体检|卫健|药|诊所|养老|护理|红十字/u,
  },
  {
    name: '农业农村',
    marks: /农作物|种植面积|播种面积|粮食产量|亩产|单产|畜禽|生猪|养殖|出栏|存栏|化肥|农药|耕地|高标准农田|农机|良种|病虫害|动物防疫|秸秆|农产品/u,
    scope: /农业|农村|农田|种植|养殖|畜牧|兽医|农机|粮食|耕地|乡村振兴|脱贫|农民|农户|渔业|林业|果|菜|茶|种业|三农|涉农/u,
  },
  {
    name: '交通运输',
    marks: /客运量|货运量|运输量|公路里程|道路里程|路面|桥梁|隧道|公交|班线|车辆通行|通车里程|路网|港口吞吐|航线/u,
    scope: /交通|运输|公路|道路|桥|港口|航道|公交|客运|货运|物流|车站|路网|农村路|通村|街巷|市政/u,
  },
  {
    name: '水利',
    marks: /河道|堤防|堤坝|水库|灌区|灌溉面积|防汛|抗旱|水土保持|排涝|饮水安全|供水保证率|河长/u,
    scope: /水利|水务|河|湖|水库|灌溉|防汛|抗旱|供水|排水|饮水|水资源|水土|渠|堤|闸|泵站|水系/u,
  },
  {
    name: '生态环境',
    marks: /污水处理|污染物|排放量|空气质量|优良天数|PM2\.5|水质达标|垃圾清运|垃圾处理|固体废物|危险废物|造林|森林覆盖|绿化面积|碳排放|噪声/u,
    scope: /环境|环保|生态|污染|污水|垃圾|环卫|绿化|林业|造林|园林|大气|水质|节能|减排|碳|清洁|卫生|市容|城管/u,
  },
  {
    name: '商贸流通',
    marks: /商贸流通|流通(?:综合|体系|领域|企业|网络|环节)|城乡[\u3400-\u4DBF\u4E00-\u9FFF]{0,2}配送|物流配送|配送中心|冷链物流|社会消费品零售|电子商务|外贸|进出口|商品交易/u,
    scope: /商务|商贸|流通|物流|配送|市场|消费|电商|贸易|外贸|商业|招商|供销/u,
  },
  {
    name: '统计核算',
    marks: /地区生产总值|GDP|生产总值核算|统计数据真实性|经济普查|人口普查|农业普查/u,
    scope: /统计|核算|普查|调查队|国民经济|经济运行/u,
  },
  {
    name: '司法行政',
    marks: /社区矫正|矫正对象|法律援助|人民调解|调解成功率|刑满释放|安置帮教|公证|律师/u,
    scope: /司法|矫正|法律|法治|调解|公证|律师|普法|政法|综治|信访/u,
  },
  {
    name: '执法监管',
    marks: /行政处罚|立案查处|案件查处|违法案件|罚没款|稽查案件/u,
    scope: /执法|监管|监督|检查|稽查|市场监管|安全生产|应急|城管|综合行政|质监|食品|药品|消防|公安|交警/u,
  },
  {
    name: '社会保障',
    marks: /养老金|低保|特困|参保|社保卡|失业|就业率|城镇新增就业|救助对象|临时救助|残疾人两项补贴|孤儿|优抚|抚恤/u,
    scope: /社保|社会保障|养老|低保|救助|民政|就业|失业|人社|残疾|困难|优抚|退役|抚恤|孤儿|儿童|福利|社会事务|帮扶|慰问|补助|补贴/u,
  },
  {
    name: '文化旅游',
    marks: /游客|旅游收入|接待游客|景区|文物|非遗|非物质文化遗产|演出场次|图书借阅|馆藏/u,
    scope: /文化|旅游|文旅|景区|文物|博物馆|图书馆|非遗|演出|体育|广电|文体/u,
  },
  {
    name: '科研创新',
    marks: /研究成果|课题成果|科研成果|发表论文|专利授权|科技型企业|高新技术企业/u,
    scope: /研究|课题|科研|科技|创新|智库|调研|学会|社科|专家/u,
  },
  {
    name: '招商引资',
    marks: /招商引资|签约项目|合作意向|引进项目|到位资金|投资额|落地项目/u,
    scope: /招商|引资|投资|合作|企业|开发区|园区|营商|产业|人才|对外/u,
  },
  {
    name: '网信舆情',
    marks: /网络舆情|舆情处置|网评员|网络评论|粉丝量|阅读量|点击量/u,
    scope: /网信|网络|新媒体|舆情|宣传|融媒|新闻|媒体|信息化|互联网|政务公开/u,
  },
  {
    name: '党建组织',
    marks: /发展党员|党员发展|党组织覆盖|主题党日|三会一课|党费|软弱涣散|基层党组织|党支部书记/u,
    scope: /党|组织部|支部|党员|干部|机关|驻村|第一书记|村级组织|老干部|统战|纪检|工会|共青团|妇联/u,
  },
];

/**
 * The first domain mark in a text that is foreign to the project: the project's context places it in some line
 * of work, not in the mark's, and the text itself does not touch the project's own lines of work either
 * ("药品流通监管" in a health project is not 商贸). Undefined when nothing is foreign or the project is unplaced.
 */
export function foreignMark(text: string, context: string): { term: string; domain: string } | undefined {
  // Most indicator texts carry no domain mark at all: one pass over the union instead of one per domain.
  if (!hasAnyMark(text)) return undefined;
  return foreignMarkCached(`${text}\u0000${context}`);
}

/** Every domain's marks in one pattern (a text matching none of them can have no foreign mark). */
const ANY_MARK = new RegExp(DOMAINS.map((d) => d.marks.source).join('|'), 'u');
// Indicator names and descriptions recur across tables and workbooks: the union (about 200 words) is tried once per text.
const hasAnyMark = memoByString((text: string) => ANY_MARK.test(text));

const foreignMarkCached = memoByString((key: string) => {
  const cut = key.indexOf('\u0000');
  return findForeignMark(key.slice(0, cut), key.slice(cut + 1));
});

function findForeignMark(text: string, context: string): { term: string; domain: string } | undefined {
  let own: Domain[] | undefined;
  let best: { term: string; domain: string; index: number } | undefined;
  for (const d of DOMAINS) {
    const m = d.marks.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    own ??= DOMAINS.filter((x) => x.scope.test(context) || x.marks.test(context));
    if (own.length === 0 || own.includes(d) || own.some((x) => x.scope.test(text))) continue;
    best = { term: m[0], domain: d.name, index: m.index };
  }
  return best && Object.freeze({ term: best.term, domain: best.domain });
}
