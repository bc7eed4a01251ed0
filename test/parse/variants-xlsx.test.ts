/**
 * Realistic variant workbooks (test/fixtures/variants.ts) written with ExcelJS, read back through the file host
 * (readGridsFromBuffer) and checked with the whole rule set: fields AND cell addresses, no crash, and a clean
 * table gives no errors or warnings.
 */
import type ExcelJS from 'exceljs';
import type { Finding } from '../../src/core/findings';
import type { ProjectTable } from '../../src/core/model';
import { ALL_RULES } from '../../src/core/rules';
import { validateGrids, type ValidationResult } from '../../src/core/validate';
import { readGridsFromBuffer } from '../../src/hosts/file/read';
import { messageProblems } from '../helpers/messageStyle';
import {
  CAIYU101_SHEET,
  CENTRAL_SHEET,
  LABELS_SHEET,
  MIDTERM_SHEET,
  MONEY_SHEET,
  STACKED_SHEET,
  TWO_ROW_HEADER_SHEET,
  caiyu101Workbook,
  central101Workbook,
  labelVariantsWorkbook,
  mixedSheetsWorkbook,
  moneyGoalWorkbook,
  perSheetWorkbook,
  stackedWorkbook,
  toBuffer,
} from '../fixtures/variants';

async function check(wb: ExcelJS.Workbook, settings = {}): Promise<ValidationResult> {
  const grids = await readGridsFromBuffer(await toBuffer(wb));
  return validateGrids(grids, settings);
}

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.ref.sheet}!${f.ref.address} ${f.message}`);
const forTable = (r: ValidationResult, t: ProjectTable) => r.findings.filter((f) => f.tableId === t.id);
const addr = (f: { ref: { address: string } } | undefined) => f?.ref.address;
const levels = (t: ProjectTable) => t.indicators.map((r) => [r.row + 1, r.level1.text, r.level2.text, r.level3.text, r.value.text]);

function expectSane(r: ValidationResult): void {
  for (const f of r.findings) {
    expect(f.message).not.toContain('检查本表时出错');
    expect(messageProblems(f)).toEqual([]);
  }
}

describe('1. 财预〔2021〕101号 style: 成本指标 first', () => {
  let r: ValidationResult;
  let t: ProjectTable;
  beforeAll(async () => {
    r = await check(caiyu101Workbook());
    t = r.parsed.tables[0];
  });

  test('one table; heading, identity and money with addresses', () => {
    expect(r.parsed.tables).toHaveLength(1);
    expect(t.sheet).toBe(CAIYU101_SHEET);
    expect(t.title).toMatchObject({ text: '2025年农村饮水安全巩固提升工程项目支出绩效目标表', ref: { address: 'A1' } });
    expect(t.unitName?.text).toBe('填报单位（盖章）：某某县水利局');
    expect(t.projectName).toMatchObject({ text: '2025年农村饮水安全巩固提升工程', ref: { address: 'B3' } });
    expect(t.budget).toMatchObject({ amount: 120, ref: { address: 'C5' } });
    expect(t.fiscal).toMatchObject({ amount: 100, ref: { address: 'E5' } });
    expect(t.other).toMatchObject({ amount: 20, ref: { address: 'G5' } });
    expect(addr(t.fundUse)).toBe('B6');
    expect(addr(t.goal)).toBe('B9');
  });

  test('quarter-named schedule labels', () => {
    expect(t.schedule.map((p) => [p.label.text, p.month, p.percent, addr(p.value)])).toEqual([
      ['一季度', 3, 20, 'B8'],
      ['上半年', 6, 50, 'C8'],
      ['前三季度', 9, 80, 'D8'],
      ['全年', 12, 100, 'E8'],
    ]);
  });

  test('成本指标 with 经济/社会/生态环境成本; merged 一级 and 二级 carried down', () => {
    expect(levels(t).slice(0, 5)).toEqual([
      [11, '成本指标', '经济成本指标', '管网改造工程成本', '≤100万元'],
      [12, '成本指标', '经济成本指标', '水质检测费用', '≤20万元'],
      [13, '成本指标', '社会成本指标', '施工期间单次停水时长', '≤24小时'],
      [14, '成本指标', '生态环境成本指标', '施工扬尘投诉次数', '≤2次'],
      [15, '产出指标', '数量指标', '改造供水管网长度', '≥35公里'],
    ]);
    expect(t.indicators).toHaveLength(11);
    expect(t.indicators[1]).toMatchObject({ level1Carried: true, level2Carried: true, level2: { ref: { address: 'B11' } } });
    expect(t.indicators[1].value.ref.address).toBe('E12');
    expect(t.indicators[10]).toMatchObject({ level1: { text: '满意度指标', ref: { address: 'A21' } }, basis: { ref: { address: 'F21' } } });
  });

  test('well-formed: zero errors and zero warnings from all rules (auto and caiyu101 profiles)', async () => {
    expect(ALL_RULES.length).toBeGreaterThan(30);
    expect(loud(r.findings)).toEqual([]);
    const explicit = await check(caiyu101Workbook(), { framework: 'caiyu101', midYearMinimum: 40 });
    expect(loud(explicit.findings)).toEqual([]);
    expect(r.parsed.notes).toEqual([]);
  });
});

describe('1b. the central 101号 form: 当年财政拨款 + 上年结转资金, 年度总体目标, no schedule', () => {
  test('fields and addresses; the carry-over counts towards 预算数; clean', async () => {
    const r = await check(central101Workbook());
    const t = r.parsed.tables[0];
    expect(r.parsed.tables).toHaveLength(1);
    expect(t.sheet).toBe(CENTRAL_SHEET);
    expect(t.title).toMatchObject({ text: '项目支出绩效目标表', ref: { address: 'A1' } });
    expect(t.projectName).toMatchObject({ text: '重大传染病防控', ref: { address: 'B3' } });
    expect(t.budget).toMatchObject({ amount: 80, ref: { address: 'C5' } });
    // 预算数 80 = 当年财政拨款 60 + 上年结转资金 20.
    expect(t.fiscal).toMatchObject({ text: '60.00', amount: 60, ref: { address: 'C6' } });
    expect(t.carryover).toMatchObject({ amount: 20, ref: { address: 'C7' } });
    expect(t.other).toMatchObject({ text: '', ref: { address: 'C8' } });
    expect(t.goal).toMatchObject({ text: expect.stringMatching(/^全年完成重点人群/), ref: { address: 'B9' } });
    expect(t.schedule).toEqual([]);
    expect(levels(t)[0]).toEqual([11, '成本指标', '经济成本指标', '传染病筛查检测成本', '≤80万元']);
    expect(t.indicators.map((x) => x.value.ref.address)).toEqual(['E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E18']);
    expect(t.indicators[2]).toMatchObject({ level1: { text: '产出指标', ref: { address: 'B12' } }, level2: { text: '数量指标', ref: { address: 'C12' } } });
    expect(t.notes.map((n) => n.ref?.address)).toEqual(['B10']);
    expect(loud(r.findings)).toEqual([]);
    expectSane(r);
  });
});

describe('2. one table per sheet (附件2-1, 附件2-2), starting at column B, a four-column header', () => {
  let r: ValidationResult;
  beforeAll(async () => {
    r = await check(perSheetWorkbook());
  });

  test('a table per sheet, in sheet order', () => {
    expect(r.parsed.tables.map((t) => [t.sheet, t.index])).toEqual([
      ['附件2-1', 0],
      ['附件2-2', 1],
    ]);
  });

  test('附件2-1: the 附件 mark is not the title; every address is in columns B..H', () => {
    const t = r.parsed.tables[0];
    expect(t.title).toMatchObject({ text: '2025年基层党员教育培训项目支出绩效目标表', ref: { address: 'B2' } });
    expect(t.unitName).toBeUndefined();
    expect(t.projectCode).toMatchObject({ text: '13020925P00148010002P', ref: { address: 'C4' } });
    expect(t.projectName).toMatchObject({ text: '2025年基层党员教育培训', ref: { address: 'F4' } });
    expect(t.budget).toMatchObject({ amount: 30, ref: { address: 'D5' } });
    expect(t.fiscal).toMatchObject({ amount: 30, ref: { address: 'F5' } });
    expect(t.other).toMatchObject({ text: '', ref: { address: 'H5' } });
    expect(t.fundUse?.ref.address).toBe('C6');
    expect(t.schedule.map((p) => addr(p.value))).toEqual(['C8', 'D8', 'E8', 'F8']);
    expect(t.goal?.ref.address).toBe('C9');
    expect(Object.values(t.indicatorHeader!.refs).map((x) => x?.address)).toEqual(['B10', 'C10', 'D10', 'E10', 'F10', 'G10']);
    expect(t.indicators[0]).toMatchObject({
      level1: { text: '产出指标', ref: { address: 'B11' } },
      level3: { text: '党员培训人次', ref: { address: 'D11' } },
      value: { text: '≥3000人次', ref: { address: 'F11' } },
      basis: { ref: { address: 'G11' } },
    });
    expect(loud(forTable(r, t))).toEqual([]);
  });

  test('附件2-2: 一级|二级|三级|指标值 only — values stay in the 指标值 column, missing columns noted once', () => {
    const t = r.parsed.tables[1];
    expect(t.indicatorHeader?.refs).toMatchObject({ level1: { address: 'B9' }, value: { address: 'E9' } });
    expect(t.indicatorHeader?.refs.description).toBeUndefined();
    expect(t.indicatorHeader?.refs.basis).toBeUndefined();
    expect(t.indicators.map((x) => [x.level3.text, x.value.text, x.value.ref.address, x.description.text, x.basis.text])).toEqual([
      ['运维服务器台数', '≥4台', 'E10', '', ''],
      ['系统可用率', '≥99%', 'E11', '', ''],
      ['故障响应时间', '≤2小时', 'E12', '', ''],
      ['平台运维服务费用', '≤18万元', 'E13', '', ''],
      ['平台年度访问人次', '≥50000人次', 'E14', '', ''],
      ['平台使用人员满意度', '≥90%', 'E15', '', ''],
    ]);
    // The missing columns point past the header, never at a real neighbour column.
    expect(t.indicators[0].description.ref.col).toBeGreaterThan(4);
    expect(t.indicators[0].basis.ref.col).toBeGreaterThan(4);
    expect(t.notes.map((n) => [n.ref?.address, n.message])).toEqual([
      ['B9', expect.stringMatching(/没有“绩效指标描述”“指标值确定依据”列/)],
    ]);
    // General numbers 25/50/100 under 第一季度/上半年/全年.
    expect(t.schedule.map((p) => [p.month, p.percent, addr(p.value)])).toEqual([
      [3, 25, 'C7'],
      [6, 50, 'D7'],
      [12, 100, 'E7'],
    ]);
    expect(loud(forTable(r, t))).toEqual([]);
    expectSane(r);
  });
});

describe('3. stacked tables: vertical merges, a blank row in the grid, 注 and 填报人 lines', () => {
  let r: ValidationResult;
  beforeAll(async () => {
    r = await check(stackedWorkbook());
  });

  test('two tables; the 填报人 line belongs to neither heading', () => {
    expect(r.parsed.tables.map((t) => [t.id, t.top + 1, t.title?.ref.address, t.projectName?.text])).toEqual([
      [`${STACKED_SHEET}!A1`, 1, 'A1', '2025年村级组织运转经费'],
      [`${STACKED_SHEET}!A24`, 24, 'A24', '2025年党员冬春训经费'],
    ]);
    expect(r.parsed.tables[1].title?.text).toBe('2025年党员冬春训经费绩效目标表');
  });

  test('二级 merged over three rows, the blank row skipped, the grid ends before the footnote', () => {
    const t = r.parsed.tables[0];
    expect(levels(t)).toEqual([
      [10, '产出指标', '数量指标', '保障村级组织个数', '≥260个'],
      [11, '产出指标', '数量指标', '村干部报酬补助人数', '≥1300人'],
      [12, '产出指标', '数量指标', '服务群众项目个数', '≥260个'],
      [13, '产出指标', '质量指标', '经费足额拨付率', '=100%'],
      [15, '产出指标', '时效指标', '经费拨付时间', '2025年6月底前'],
      [16, '产出指标', '成本指标', '村级组织运转经费', '≤260万元'],
      [17, '效益指标', '社会效益指标', '村级组织正常运转率', '≥98%'],
      [18, '效益指标', '社会效益指标', '为民办实事件数', '≥520件'],
      [19, '效益指标', '可持续影响指标', '村级组织服务能力', '较好'],
      [20, '满意度指标', '服务对象满意度指标', '村民满意度', '≥90%'],
    ]);
    expect(t.indicators[2]).toMatchObject({ level2Carried: true, level2: { ref: { address: 'B10' } }, level3: { ref: { address: 'C12' } } });
    expect(t.indicators[4]).toMatchObject({ level1Carried: true, level2Carried: false, level2: { ref: { address: 'B15' } } });
    expect(t.goal?.ref.address).toBe('B8');
    expect(r.parsed.tables[1].indicators.map((x) => x.value.ref.address)).toEqual(['E33', 'E34', 'E35', 'E36', 'E37', 'E38']);
  });

  test('both tables are clean: no errors, no warnings, no notes', () => {
    expect(loud(r.findings)).toEqual([]);
    expect(r.parsed.notes).toEqual([]);
    expectSane(r);
  });
});

describe('4. label variants and a 中长期 (实施期/年度) form', () => {
  let r: ValidationResult;
  beforeAll(async () => {
    r = await check(labelVariantsWorkbook());
  });

  test('spaced, U+3000 and colon labels; money split over three rows; 主要内容 as 资金用途', () => {
    const t = r.parsed.tables.find((x) => x.sheet === LABELS_SHEET)!;
    expect(t.title?.text).toBe('项目支出绩效目标申报表');
    expect(t.projectName).toMatchObject({ text: '2025年档案数字化加工', ref: { address: 'B3' } });
    expect(t.projectCode).toMatchObject({ text: 'DA2025-001', ref: { address: 'E3' } });
    expect(t.budget).toMatchObject({ amount: 48.5, ref: { address: 'C4' } });
    expect(t.fiscal).toMatchObject({ amount: 40, ref: { address: 'C5' } });
    expect(t.other).toMatchObject({ amount: 8.5, ref: { address: 'C6' } });
    expect(t.fundUse).toMatchObject({ text: expect.stringMatching(/^对馆藏/), ref: { address: 'B7' } });
    expect(t.goal?.ref.address).toBe('B10');
  });

  test('3月末… labels with General numbers 10/40/70/100 read as percentages', () => {
    const t = r.parsed.tables.find((x) => x.sheet === LABELS_SHEET)!;
    expect(t.schedule.map((p) => [p.label.text, p.month, p.percent, addr(p.value)])).toEqual([
      ['3月末', 3, 10, 'B9'],
      ['6月末', 6, 40, 'C9'],
      ['9月末', 9, 70, 'D9'],
      ['12月末', 12, 100, 'E9'],
    ]);
  });

  test('指标解释 / 指标值设定依据 headers; full-width ＞＝９８％ and ≧９０％ kept as typed, checked without findings', () => {
    const t = r.parsed.tables.find((x) => x.sheet === LABELS_SHEET)!;
    expect(t.indicatorHeader?.refs).toMatchObject({ description: { address: 'D11' }, basis: { address: 'F11' } });
    expect(t.indicators.map((x) => [x.value.text, x.value.ref.address])).toEqual([
      ['≥１２００００页', 'E12'],
      ['＞＝９８％', 'E13'],
      ['2025年12月底前', 'E14'],
      ['≤48.5万元', 'E15'],
      ['≤10分钟', 'E16'],
      ['≧９０％', 'E17'],
    ]);
    expect(loud(forTable(r, t))).toEqual([]);
  });

  test('中长期: the 年度 side is read for money and goal; the 实施期指标值 column is not taken as 描述', () => {
    const t = r.parsed.tables.find((x) => x.sheet === MIDTERM_SHEET)!;
    expect(t.title?.text).toBe('项目支出绩效目标表（2025—2027年）');
    expect(t.budget).toMatchObject({ amount: 300, ref: { address: 'F4' } });
    expect(t.fiscal).toMatchObject({ amount: 280, ref: { address: 'F5' } });
    expect(t.other).toMatchObject({ amount: 20, ref: { address: 'F6' } });
    expect(t.goal).toMatchObject({ text: expect.stringMatching(/^2025年完成20个村/), ref: { address: 'E11' } });
    expect(t.indicatorHeader?.refs).toMatchObject({ level1: { address: 'B12' }, value: { address: 'F12' }, basis: { address: 'G12' } });
    expect(t.indicatorHeader?.refs.description).toBeUndefined();
    expect(t.indicators[0]).toMatchObject({
      level1: { text: '产出指标', ref: { address: 'B13' } },
      level3: { text: '整治村庄个数', ref: { address: 'D13' } },
      description: { text: '' },
      value: { text: '≥20个', ref: { address: 'F13' } },
    });
    expect(t.indicators).toHaveLength(7);
    expect(t.notes.map((n) => n.ref?.address)).toEqual(['B12']);
    expect(loud(forTable(r, t))).toEqual([]);
    expectSane(r);
  });
});

describe('4b. a two-row indicator header (指标值 over 实施期 | 年度)', () => {
  test('the 年度 sub-column is the value, the sub-header row is not an indicator, titles merged down are not values', async () => {
    const r = await check(labelVariantsWorkbook());
    const t = r.parsed.tables.find((x) => x.sheet === TWO_ROW_HEADER_SHEET)!;
    expect(t.indicatorHeader?.refs).toMatchObject({ level1: { address: 'A5' }, value: { address: 'E6' }, basis: { address: 'F5' } });
    expect(levels(t)).toEqual([
      [7, '产出指标', '数量指标', '建设高标准农田面积', '≥1万亩'],
      [8, '产出指标', '质量指标', '工程验收合格率', '=100%'],
      [9, '产出指标', '时效指标', '年度建设任务完成时间', '2025年12月底前'],
      [10, '产出指标', '成本指标', '亩均建设成本', '≤500元'],
      [11, '效益指标', '经济效益指标', '项目区粮食亩均增产', '≥50公斤'],
      [12, '满意度指标', '服务对象满意度指标', '项目区农户满意度', '≥90%'],
    ]);
    expect(t.indicators.map((x) => x.value.ref.address)).toEqual(['E7', 'E8', 'E9', 'E10', 'E11', 'E12']);
    expect(t.notes.map((n) => n.message)).toEqual([expect.stringMatching(/没有“绩效指标描述”列/)]);
    expect(loud(forTable(r, t))).toEqual([]);
  });
});

describe('5. goal over several rows, money as text, a blank 预算数', () => {
  let r: ValidationResult;
  beforeAll(async () => {
    r = await check(moneyGoalWorkbook());
  });

  test('three stacked tables', () => {
    expect(r.parsed.tables.map((t) => [t.sheet, t.top + 1, t.projectName?.text])).toEqual([
      [MONEY_SHEET, 1, '2025年春节慰问困难党员经费'],
      [MONEY_SHEET, 19, '2025年七一慰问困难党员经费'],
      [MONEY_SHEET, 35, '2025年重阳节慰问老党员经费'],
    ]);
  });

  test('a goal written as 1./2./3. rows under a merged label is one goal; "39万元" is 39', () => {
    const [a] = r.parsed.tables;
    expect(a.goal).toMatchObject({ ref: { address: 'B7' } });
    expect(a.goal?.text.split('\n')).toEqual(['1.春节前走访慰问困难党员和老党员500人；', '2.慰问金100%准确发放到人；', '3.受慰问党员满意度达到90%以上。']);
    expect(a.indicatorHeader?.row).toBe(9);
    expect(a.budget).toMatchObject({ text: '39万元', amount: 39, ref: { address: 'C3' } });
    expect(a.fiscal).toMatchObject({ amount: 39, ref: { address: 'E3' } });
    expect(loud(forTable(r, a))).toEqual([]);
  });

  test('"1,200.00" as text and 1200 shown as #,##0.00 are both 1200', () => {
    const b = r.parsed.tables[1];
    expect(b.budget).toMatchObject({ text: '1,200.00', amount: 1200, ref: { address: 'C21' } });
    expect(b.fiscal).toMatchObject({ text: '1,200.00', amount: 1200, ref: { address: 'E21' } });
    expect(loud(forTable(r, b))).toEqual([]);
  });

  test('a blank 预算数 is one clear error at its cell, nothing else', () => {
    const c = r.parsed.tables[2];
    expect(c.budget).toMatchObject({ text: '', ref: { address: 'C37' } });
    expect(c.budget?.amount).toBeUndefined();
    expect(loud(forTable(r, c))).toEqual([`budget-sum ${MONEY_SHEET}!C37 预算数为空。请填写预算批复的金额（万元），如“85.50”。`]);
    expectSane(r);
  });
});

describe('6. sheets that are not target tables next to a real one', () => {
  let r: ValidationResult;
  beforeAll(async () => {
    r = await check(mixedSheetsWorkbook());
  });

  test('only the real table is found, and it is clean', () => {
    expect(r.parsed.tables.map((t) => [t.sheet, t.projectName?.text])).toEqual([['附件1', '2025年农村饮水安全巩固提升工程']]);
    expect(loud(r.findings)).toEqual([]);
    expect(r.findings.every((f) => f.ref.sheet === '附件1')).toBe(true);
  });

  test('each other sheet gets one clear note', () => {
    expect(r.parsed.notes.map((n) => [n.sheet, n.ref?.address, n.message])).toEqual([
      ['工资表', undefined, expect.stringMatching(/^未识别为绩效目标表：工作表“工资表”/)],
      ['项目汇总', 'A3', expect.stringMatching(/第 3 行的“项目名称”等是列标题，这是项目清单或汇总表/)],
    ]);
  });
});
