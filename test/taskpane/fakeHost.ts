import type { Finding } from '../../src/core/findings';
import { type CellRef, type Grid, gridFromRows } from '../../src/core/grid';
import type { Host, Scope } from '../../src/core/host';
import type { ParsedWorkbook, ProjectTable } from '../../src/core/model';

export type Call = [string, ...unknown[]];

/** A Host that records every call; `fail` makes a named method reject. */
export class FakeHost implements Host {
  readonly kind = 'file' as const;
  calls: Call[] = [];
  state = new Map<string, string>();
  fail: Partial<Record<keyof Host, Error>> = {};

  private check(name: keyof Host) {
    const err = this.fail[name];
    if (err) throw err;
  }
  names(): string[] {
    return this.calls.map((c) => c[0]);
  }
  async readGrids(scope: Scope): Promise<Grid[]> {
    this.calls.push(['readGrids', scope]);
    this.check('readGrids');
    return [gridFromRows('表1', [['项目名称', '测试项目']])];
  }
  async applyMarks(findings: readonly Finding[]) {
    this.calls.push(['applyMarks', findings]);
    this.check('applyMarks');
  }
  async clearMarks() {
    this.calls.push(['clearMarks']);
    this.check('clearMarks');
  }
  async select(ref: CellRef) {
    this.calls.push(['select', ref]);
    this.check('select');
  }
  async writeCells(edits: readonly { ref: CellRef; text: string }[]) {
    this.calls.push(['writeCells', edits]);
    this.check('writeCells');
  }
  async loadState(key: string) {
    this.calls.push(['loadState', key]);
    return this.state.get(key);
  }
  async saveState(key: string, value: string) {
    this.calls.push(['saveState', key, value]);
    this.check('saveState');
    this.state.set(key, value);
  }
}

export function ref(address: string, sheet = '表1'): CellRef {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet, row: Number(m[2]) - 1, col: col - 1, address };
}

export function table(id: string, index: number, name: string, code: string, budget: number, top: number): ProjectTable {
  const f = (text: string, address: string) => ({ text, ref: ref(address) });
  return {
    id,
    sheet: '表1',
    index,
    top,
    bottom: top + 20,
    moneyUnit: '万元',
    projectName: f(name, `D${top + 3}`),
    projectCode: f(code, `B${top + 3}`),
    budget: { ...f(String(budget), `C${top + 4}`), amount: budget },
    schedule: [],
    indicators: [],
    notes: [],
  };
}

export const TABLES: ProjectTable[] = [
  table('表1!A1', 0, '驻村工作队经费', '13020925P00155810003E', 39, 0),
  table('表1!A30', 1, '党员教育培训经费', '13020925P00155810004F', 120.5, 29),
];

export const FINDINGS: Finding[] = [
  {
    ruleId: 'satisfaction-direction',
    severity: 'error',
    criterion: '适当性',
    tableId: '表1!A1',
    ref: ref('E12'),
    message: 'E12 满意度指标值“≤98%”方向反了，应为“≥98%”。',
    fix: { ref: ref('E12'), from: '≤98%', to: '≥98%', description: '将“≤98%”改为“≥98%”' },
  },
  {
    ruleId: 'count-unit',
    severity: 'warning',
    criterion: '适当性',
    tableId: '表1!A1',
    ref: ref('E13'),
    message: 'E13 “培训次数”应以次为单位，不应使用 %。',
  },
  {
    ruleId: 'placeholder',
    severity: 'info',
    criterion: '完整性',
    tableId: '表1!A30',
    ref: ref('E40'),
    message: 'E40 指标值“XX”是占位符。',
  },
  {
    ruleId: 'count-unit',
    severity: 'warning',
    criterion: '适当性',
    tableId: '表1!A30',
    ref: ref('E41'),
    message: 'E41 “举办场次”应以场为单位，不应使用 %。',
  },
];

export function parsedWith(tables: ProjectTable[] = TABLES): ParsedWorkbook {
  return { tables, notes: [] };
}
