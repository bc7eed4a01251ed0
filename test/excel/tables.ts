import type { CellRef } from '../../src/core/grid';
import type { Finding, Severity } from '../../src/core/findings';
import { toA1 } from '../../src/core/grid';
import { FakeWorkbookState } from './fakeExcel';

/** One seed-like 项目支出绩效目标表 with a few typical defects (25/25/25/25 schedule, ≤98% satisfaction…). */
export function tableRows(i: number): (string | number | null)[][] {
  return [
    [`2025年项目${i}绩效目标表`],
    ['203001中共曹妃甸区委组织部本级', null, null, null, '单位：万元'],
    ['项目编码', `13020925P0015581${String(i).padStart(4, '0')}`, '项目名称', `驻村工作队经费${i}`],
    ['预算资金', '预算数', 39, '其中：财政资金', 39, '其他资金'],
    ['资金用途', `用于驻村工作队${i}公益性支出`],
    ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
    [null, '25%', '25%', '25%', '25%'],
    ['绩效目标', `1.按照年初工作安排，完成好驻村工作队${i}工作`],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ['产出指标', '数量指标', '培训活动次数', '培训活动次数', '≥90%', '按照年初工作安排'],
    [null, '质量指标', '工作完成率', '工作完成率', '≤98%', '计划标准'],
    ['满意度指标', '服务对象满意度指标', '使用单位成员满意度', '满意度', '≤98%', ''],
    [],
  ];
}

/** A workbook with `tables` tables spread over `sheets` sheets. */
export function workbookWithTables(tables: number, sheets = 1): FakeWorkbookState {
  const state = new FakeWorkbookState();
  const perSheet = Math.ceil(tables / sheets);
  for (let s = 0; s < sheets; s++) {
    const rows: (string | number | null)[][] = [];
    for (let t = s * perSheet; t < Math.min(tables, (s + 1) * perSheet); t++) rows.push(...tableRows(t + 1));
    state.addSheet(`表${s + 1}`, rows);
  }
  return state;
}

export function ref(sheet: string, row: number, col: number): CellRef {
  return { sheet, row, col, address: toA1(row, col) };
}

export function finding(r: CellRef, severity: Severity = 'error', message = '测试问题'): Finding {
  return { ruleId: 'test-rule', severity, criterion: '完整性', ref: r, message };
}

/** n findings on distinct cells of a sheet, 6 columns wide (the width of a target table). */
export function syntheticFindings(sheet: string, n: number): Finding[] {
  const sev: Severity[] = ['error', 'warning', 'info'];
  return Array.from({ length: n }, (_, i) => finding(ref(sheet, Math.floor(i / 6), i % 6), sev[i % 3], `问题${i}`));
}
