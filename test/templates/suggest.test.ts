import path from 'path';
import { parseWorkbook } from '../../src/core/parse';
import type { ProjectTable } from '../../src/core/model';
import { explain, suggestForTable, suggestTemplates } from '../../src/core/templates/suggest';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { REAL_TABLES, realGrid } from '../fixtures/real';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

/** Expected first choice for every project of the example workbook (by table order). */
const EXPECTED: [string, string][] = [
  ['2024年驻村工作队结转经费', 'village-assistance'],
  ['村“两委”干部基础职务补贴、离任补贴', 'subsidy'],
  ['村级服务群众专项经费（村队）', 'grassroots'],
  ['村级组织运转经费', 'grassroots'],
  ['党员电化（远程）教育、组工宣传工作经费', 'party-building'],
  ['党员教育管理综合经费', 'party-building'],
  ['干部工作专项经费', 'cadre-training'],
  ['干部人事档案工作专项经费', 'archives'],
  ['关于提前下达2024年市级驻村第一书记和工作队工作经费的通知', 'village-assistance'],
  ['基层党建综合工作经费', 'party-building'],
  ['建国前老党员补贴', 'subsidy'],
  ['老干部工作经费', 'retired-cadres'],
  ['老干部活动中心（老年大学）大楼日常维护', 'building-maintenance'],
  // 老促会 belongs to 老干部 work; its 帮扶款 make 驻村帮扶 the runner-up (checked below).
  ['老干部经费（其中的老促会帮扶款）', 'retired-cadres'],
  ['企业家、人才工作者高端培训及活动', 'talent'],
  ['全区离退休干部交通费', 'subsidy'],
  ['人才、干训工作经费', 'talent'],
  ['社区工作保障经费', 'grassroots'],
  ['驻村工作队工作经费', 'village-assistance'],
  ['组织事务工作经费', 'operations'],
  ['提前下达2025年城市社区党组织服务群众专项经费市级补助资金', 'grassroots'],
  ['提前下达2025年村级组织运转经费市级补助资金', 'grassroots'],
  ['提前下达2025年市级驻村第一书记和工作队工作经费', 'village-assistance'],
  ['提前下达2025年下派选调生到村工作中央财政补助资金', 'talent'],
];

/**
 * Expected first choice and its explanation for every table of the real-form corpus (other provinces, other
 * lines of work). null: the table names no project (a blank official form), so nothing is suggested and the
 * pane lists every template.
 */
const REAL_EXPECTED: [string, string | null, string][] = [
  ['sichuan-qingshen-2023-zp', 'operations', '推荐“机构运转保障”：项目名称提到“工资”；绩效目标提到“工资”、“保障”'],
  // 水价改革补贴 is the programme; the table's own work is installing 水标尺 at small reservoirs.
  ['sichuan-zhongjiang-2022-zp', 'construction', '推荐“基础设施建设工程”：项目名称提到“水库”、“安装”；绩效目标提到“供水”'],
  // 基础设施建设和设备购置: both fit; the name names equipment twice.
  ['hubei-wuhan-qingshan-2020-mb', 'equipment', '推荐“设备购置”：项目名称提到“购置”、“设备”'],
  ['guangdong-dongguan-2019-pf', 'construction', '推荐“基础设施建设工程”：项目名称提到“工程”、“升级改造”'],
  ['anhui-chizhou-guichi-2022-zp', 'purchased-services', '推荐“政府购买服务”：项目名称提到“委托”'],
  ['chongqing-fengjie-2023-sp', 'construction', '推荐“基础设施建设工程”：项目名称提到“建设项目”、“配套设施”；绩效目标提到“新建”、“硬化”'],
  // 规模养殖场设施装备配套: the fund buys facilities and equipment for farms.
  ['tianjin-baodi-2022-xd', 'equipment', '推荐“设备购置”：资金用途提到“装备”；绩效目标提到“装备”'],
  ['hunan-yueyang-2022-sb', 'construction', '推荐“基础设施建设工程”：项目名称提到“建设项目”、“农田”；绩效目标提到“工程”'],
  // 扶贫资金 spent on 基础设施: the indicators are those of a construction project.
  ['hunan-nanyue-2018-sb', 'construction', '推荐“基础设施建设工程”：项目名称提到“基础设施”'],
  ['shaanxi-jiaxian-2016-sb', null, ''],
  // 薄弱学校改造: renovating school buildings (its 补助 ties; the budget scale decides).
  ['neimenggu-baotou-qingshan-2020-mb', 'building-maintenance', '推荐“房屋维修与物业”：项目名称提到“改造”'],
  // 学生营养改善计划, 高中助学金, 代缴个人参保费用: payments to individuals by a set standard.
  ['yunnan-yongde-2022-zp', 'subsidy', '推荐“慰问与生活补贴发放”：项目名称提到“营养改善”'],
  ['yunnan-lijiang-gucheng-2020-zp', 'inspection', '推荐“专项执法与检查”：项目名称提到“执法”；绩效目标提到“执法”'],
  ['shanxi-jishan-2020-zp', 'subsidy', '推荐“慰问与生活补贴发放”：项目名称提到“个人缴费”'],
  ['hebei-ningjin-2019-pj', 'subsidy', '推荐“慰问与生活补贴发放”：项目名称提到“助学金”'],
  // 在职村干部补助: a set payment to each village cadre.
  ['chongqing-tongnan-wugui-2023-mb', 'subsidy', '推荐“慰问与生活补贴发放”：项目名称提到“补助”；资金用途提到“补助”、“发放”；绩效目标提到“发放”'],
  // A 部门整体 form and a blank template have no project to match: no suggestion rather than a guess.
  ['hunan-yueyanglou-jiage-2023-bm', null, ''],
  ['heilongjiang-daqing-sb', null, ''],
];

let tables: ProjectTable[];
beforeAll(async () => {
  tables = parseWorkbook(await readGridsFromFile(EXAMPLE)).tables;
});

describe('template suggestion', () => {
  it('gives every project of the example workbook the expected first choice', () => {
    expect(tables.map((t) => t.projectName?.text)).toEqual(EXPECTED.map((e) => e[0]));
    const got = tables.map((t) => [t.projectName?.text, suggestForTable(t)[0]?.template.id]);
    expect(got).toEqual(EXPECTED);
    const helper = suggestForTable(tables.find((t) => t.projectName?.text.includes('老促会'))!);
    expect(helper.slice(0, 2).map((s) => s.template.id)).toEqual(['retired-cadres', 'village-assistance']);
  });

  it('gives every table of the real-form corpus a sensible first choice, with its explanation', () => {
    expect(REAL_EXPECTED.map((e) => e[0])).toEqual(REAL_TABLES.map((t) => t.id));
    const got = REAL_TABLES.map((t) => {
      const parsed = parseWorkbook([realGrid(t)]).tables;
      expect(parsed).toHaveLength(1);
      const best = suggestForTable(parsed[0])[0];
      return [t.id, best?.template.id ?? null, best ? explain(best) : ''];
    });
    expect(got).toEqual(REAL_EXPECTED);
  });

  it('explains a choice by the words it found, field by field', () => {
    const s = suggestTemplates({ name: '2025年度全区干部培训经费', fundUse: '用于举办科级干部轮训班的师资和场地费用', goal: '全年培训干部600人次' });
    expect(s[0].template.id).toBe('cadre-training');
    expect(explain(s[0])).toBe('推荐“干部教育培训”：项目名称提到“培训”、“干部”；资金用途提到“轮训”、“干部”；绩效目标提到“培训”、“干部”');
  });

  it('ranks by name over fund use over goal, and uses the budget only to break ties', () => {
    expect(suggestTemplates({ name: '办公楼维修', goal: '召开会议' })[0].template.id).toBe('building-maintenance');
    expect(suggestTemplates({ goal: '召开会议' })[0].template.id).toBe('meeting');
    expect(suggestTemplates({})).toEqual([]);
    expect(suggestTemplates({ name: '与模板无关的名称' })).toEqual([]);
    // Generic words alone ("综合", "保障") suggest nothing; with a word of the kind they add to its score.
    expect(suggestTemplates({ name: '综合保障经费' })).toEqual([]);
    const withKind = suggestTemplates({ name: '机关运转综合保障经费' });
    expect(withKind[0].template.id).toBe('operations');
    expect(withKind[0].score).toBeGreaterThan(suggestTemplates({ name: '机关运转经费' })[0].score);
  });
});
