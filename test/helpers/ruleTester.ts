/**
 * ESLint-RuleTester-like helper: lays TableSpecs out as a clerk's sheet (gridFromSpecs), parses them with the
 * real parser, runs one rule and checks the findings (message, cell address, fix).
 */
import type { Finding } from '../../src/core/findings';
import type { Grid } from '../../src/core/grid';
import type { ParsedWorkbook, ProjectTable } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse';
import { runRuleSet } from '../../src/core/rules/engine';
import type { Rule } from '../../src/core/rules/types';
import { type Settings, withDefaults } from '../../src/core/settings';
import { gridFromSpecs, type TableSpec } from '../../src/core/testing/tableSpec';
import { messageProblems } from './messageStyle';

export type { TableSpec };

/** A complete, well-formed reference table; tests override only what they are about. */
export const BASE_SPEC: TableSpec = {
  title: '老干部活动中心大楼日常维护绩效目标表',
  unitName: '203001中共曹妃甸区委组织部本级',
  code: '13020925P00148010001P',
  name: '老干部活动中心大楼日常维护',
  budget: 85.5,
  fiscal: 85.5,
  other: null,
  fundUse: '用于活动中心大楼和老年大学大楼的水电暖设施维修、消防设施检测和外墙防水维护，保障老干部日常活动和老年大学正常教学。',
  schedule: [0.2, 0.5, 0.8, 1],
  goal: '1.全年完成活动中心和老年大学大楼维修维护不少于6次，维护面积8571平方米；2.设施完好率达到95%以上，保障全年教学活动正常开展，服务离退休老干部不少于3000人次。',
  indicators: [
    ['产出指标', '数量指标', '大楼维修维护次数', '全年对两座大楼开展维修维护的次数，按维修记录统计', '≥6次', '计划标准：年度维修计划'],
    ['', '数量指标', '维护面积', '纳入日常维护的建筑面积，按房产登记面积计算', '≥8571平米', '计划标准：房产登记面积'],
    ['', '质量指标', '设施完好率', '完好设施数占全部设施数的比例，按季度巡检结果计算', '≥95%', '历史标准：近三年完好率平均值'],
    ['', '时效指标', '维修响应完成时限', '报修后完成维修所需时间，按报修登记单统计', '≤3天', '行业标准：物业服务规范'],
    ['', '成本指标', '大楼维护费用', '全年维修维护实际支出，按财务决算数核算', '≤80万元', '预算支出标准：2025年部门预算'],
    ['效益指标', '社会效益指标', '老干部活动和教学正常开展率', '正常开展的活动课时占计划课时的比例', '≥98%', '历史标准：上年实际值'],
    ['', '可持续影响指标', '设施使用年限延长', '通过定期维护延长主要设施使用年限，按设备台账测算', '≥2年', '行业标准：设施维护规范'],
    ['满意度指标', '服务对象满意度指标', '离退休老干部满意度', '问卷调查中满意和较满意人数占调查总人数的比例', '≥90%', '历史标准：上年满意度调查结果'],
  ],
};

export function spec(overrides: Partial<TableSpec> = {}): TableSpec {
  return { ...BASE_SPEC, ...overrides };
}

/** Replaces one column of one indicator row of the base spec (row index into indicators). */
export function withIndicator(index: number, row: Partial<Record<0 | 1 | 2 | 3 | 4 | 5, string>>, base = BASE_SPEC): TableSpec {
  const indicators = base.indicators.map((r, i) => {
    if (i !== index) return r;
    const copy = [...r];
    for (const [k, v] of Object.entries(row)) copy[Number(k)] = v as string;
    return copy;
  });
  return { ...base, indicators };
}

/** The base spec with its one cost row (index 4) replaced by these [三级, 指标值] cost rows. */
export function withCostRows(...rows: [string, string][]): TableSpec {
  return spec({
    indicators: [
      ...BASE_SPEC.indicators.slice(0, 4),
      ...rows.map(([name, value]) => ['', '成本指标', name, '按实际支出和结算单核算', value, '预算支出标准：2025年部门预算']),
      ...BASE_SPEC.indicators.slice(5),
    ],
  });
}

export function buildWorkbook(specs: TableSpec[]): ParsedWorkbook {
  const parsed = parseWorkbook([gridFromSpecs(specs)]);
  if (parsed.tables.length !== specs.length) {
    throw new Error(`parser found ${parsed.tables.length} table(s) in ${specs.length} spec(s)`);
  }
  return parsed;
}

export function buildTable(s: TableSpec): ProjectTable {
  return buildWorkbook([s]).tables[0];
}

// ---------------------------------------------------------------------------------------------------------------

export interface ExpectedError {
  message?: RegExp | string;
  address?: string;
  fixTo?: string;
  /** The finding must offer no fix. */
  noFix?: boolean;
  severity?: Finding['severity'];
}

export interface InvalidCase {
  name?: string;
  spec?: TableSpec;
  /** A sheet laid out by hand (forms with columns a TableSpec cannot express); used instead of spec. */
  grid?: Grid;
  /** Extra tables in the same workbook (for cross-table rules); the checked table is first. */
  others?: TableSpec[];
  settings?: Partial<Settings>;
  errors: ExpectedError[];
}

export interface ValidCase {
  name?: string;
  spec?: TableSpec;
  grid?: Grid;
  others?: TableSpec[];
  settings?: Partial<Settings>;
}

export function runOn(rule: Rule, specs: TableSpec[], settings?: Partial<Settings>): Finding[] {
  const wb = buildWorkbook(specs);
  const all = runRuleSet([rule], wb, withDefaults(settings));
  return all.filter((f) => f.tableId === wb.tables[0].id);
}

/** Runs one rule on a hand-laid sheet; findings of its first table. */
export function runOnGrid(rule: Rule, grid: Grid, settings?: Partial<Settings>): Finding[] {
  const wb = parseWorkbook([grid]);
  if (wb.tables.length === 0) throw new Error('parser found no table in the grid');
  return runRuleSet([rule], wb, withDefaults(settings)).filter((f) => f.tableId === wb.tables[0].id);
}

function runCase(rule: Rule, c: ValidCase): Finding[] {
  if (c.grid) return runOnGrid(rule, c.grid, c.settings);
  if (!c.spec) throw new Error('a case needs a spec or a grid');
  return runOn(rule, [c.spec, ...(c.others ?? [])], c.settings);
}

function asCase(c: TableSpec | ValidCase): ValidCase {
  return 'indicators' in c ? { spec: c } : c;
}

function describeFindings(fs: Finding[]): string {
  return fs.map((f) => `${f.ref.address} [${f.severity}] ${f.message}`).join('\n');
}

export const ruleTester = {
  run(rule: Rule, cases: { valid: (TableSpec | ValidCase)[]; invalid: InvalidCase[] }): void {
    describe(rule.id, () => {
      it('has complete zh-CN metadata', () => {
        expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
        expect(rule.meta.title).toMatch(/[\u4e00-\u9fff]/);
        expect(rule.meta.docs.length).toBeGreaterThan(30);
        expect(['完整性', '相关性', '适当性', '可行性']).toContain(rule.meta.criterion);
      });
      cases.valid.map(asCase).forEach((c, i) => {
        it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
          const found = runCase(rule, c);
          if (found.length) throw new Error(`expected no findings, got:\n${describeFindings(found)}`);
        });
      });
      cases.invalid.forEach((c, i) => {
        it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
          const found = runCase(rule, c);
          if (found.length !== c.errors.length) {
            throw new Error(`expected ${c.errors.length} finding(s), got ${found.length}:\n${describeFindings(found)}`);
          }
          c.errors.forEach((e, j) => {
            const f = found[j];
            if (e.message !== undefined) {
              if (typeof e.message === 'string') expect(f.message).toContain(e.message);
              else expect(f.message).toMatch(e.message);
            }
            if (e.address !== undefined) expect(f.ref.address).toBe(e.address);
            if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
            if (e.fixTo !== undefined) expect(f.fix?.to).toBe(e.fixTo);
            if (e.noFix) expect(f.fix).toBeUndefined();
            expect(messageProblems(f)).toEqual([]);
          });
        });
      });
    });
  },
};
