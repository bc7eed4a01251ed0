import type { CellRange, CellValue, Grid } from '../grid';
import type { ProjectTable } from '../model';
import { parseWorkbook } from '../parse';

/** A project table described compactly; laid out like a clerk's sheet by gridFromSpecs. */
export interface TableSpec {
  title?: string;
  unitName?: string;
  code?: string;
  name?: string;
  budget?: number | string;
  fiscal?: number | string;
  other?: number | string | null;
  fundUse?: string;
  /** Default 3月底, 6月底, 10月底, 12月底. */
  scheduleLabels?: string[];
  /** number = fraction stored with a % format (0.25 → "25%"); string = typed text. */
  schedule?: (string | number | null)[];
  goal?: string;
  /** [一级, 二级, 三级, 描述, 指标值, 依据]; '' 一级 = continuation (merged with the row above). */
  indicators: string[][];
}

const WIDTH = 7;

interface Builder {
  rows: (CellValue | undefined)[][];
  texts: Map<string, string>;
  merges: CellRange[];
}

function put(b: Builder, row: number, col: number, value: CellValue | undefined, text?: string): void {
  while (b.rows.length <= row) b.rows.push(new Array(WIDTH).fill(undefined));
  b.rows[row][col] = value;
  if (text !== undefined) b.texts.set(`${row}:${col}`, text);
}

function merge(b: Builder, top: number, left: number, bottom: number, right: number): void {
  if (bottom > top || right > left) b.merges.push({ top, left, bottom, right });
}

function layout(b: Builder, spec: TableSpec, r: number): number {
  const name = spec.name ?? '示例项目';
  put(b, r, 0, spec.title ?? `${name}绩效目标表`);
  merge(b, r, 0, r, 6);
  put(b, r + 1, 0, spec.unitName ?? '999001示例单位本级');
  merge(b, r + 1, 0, r + 1, 3);
  put(b, r + 1, 5, '单位：万元');
  merge(b, r + 1, 5, r + 1, 6);
  put(b, r + 2, 0, '项目编码');
  put(b, r + 2, 1, spec.code ?? '13020925P000000000001');
  merge(b, r + 2, 1, r + 2, 2);
  put(b, r + 2, 3, '项目名称');
  put(b, r + 2, 4, name);
  merge(b, r + 2, 4, r + 2, 6);
  put(b, r + 3, 0, '预算规模及资金用途');
  merge(b, r + 3, 0, r + 4, 0);
  const money = (v: number | string | null | undefined): [CellValue | undefined, string | undefined] =>
    typeof v === 'number' ? [v, v.toFixed(2)] : [v ?? undefined, undefined];
  put(b, r + 3, 1, '预算数');
  put(b, r + 3, 2, ...money(spec.budget ?? 10));
  put(b, r + 3, 3, '其中：财政资金');
  put(b, r + 3, 4, ...money(spec.fiscal ?? spec.budget ?? 10));
  put(b, r + 3, 5, '其他资金');
  put(b, r + 3, 6, ...money(spec.other));
  put(b, r + 4, 1, spec.fundUse ?? `用于${name}`);
  merge(b, r + 4, 1, r + 4, 6);
  put(b, r + 5, 0, '资金支出计划（%）');
  merge(b, r + 5, 0, r + 6, 0);
  const labels = spec.scheduleLabels ?? ['3月底', '6月底', '10月底', '12月底'];
  const values = spec.schedule ?? [0.3, 0.6, 0.9, 1];
  labels.forEach((label, i) => {
    put(b, r + 5, 1 + i, label);
    const v = values[i];
    if (typeof v === 'number') put(b, r + 6, 1 + i, v, `${Math.round(v * 10000) / 100}%`);
    else put(b, r + 6, 1 + i, v ?? undefined);
  });
  put(b, r + 7, 0, '绩效目标');
  put(b, r + 7, 1, spec.goal ?? `2025年完成${name}全年任务。`);
  merge(b, r + 7, 1, r + 7, 6);
  ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'].forEach((h, i) => put(b, r + 8, i, h));
  merge(b, r + 8, 5, r + 8, 6);
  let row = r + 9;
  let groupStart = row;
  spec.indicators.forEach((cells, i) => {
    if (cells[0] !== '' && i > 0) {
      merge(b, groupStart, 0, row - 1, 0);
      groupStart = row;
    }
    cells.forEach((text, c) => put(b, row, c, text === '' ? undefined : text));
    merge(b, row, 5, row, 6);
    row++;
  });
  merge(b, groupStart, 0, row - 1, 0);
  return row;
}

/** Lays out tables one under another (two blank rows apart) on one sheet. */
export function gridFromSpecs(specs: readonly TableSpec[], sheetName = '项目支出绩效目标表'): Grid {
  const b: Builder = { rows: [], texts: new Map(), merges: [] };
  let r = 0;
  for (const spec of specs) r = layout(b, spec, r) + 2;
  return {
    sheetName,
    merges: b.merges,
    cells: b.rows.map((row, ri) =>
      row.map((v, ci) =>
        v === undefined || v === null || v === ''
          ? undefined
          : { value: v, text: b.texts.get(`${ri}:${ci}`) ?? String(v) },
      ),
    ),
  };
}

/** Parses one spec with the real parser. */
export function parseSpec(spec: TableSpec): ProjectTable {
  const parsed = parseWorkbook([gridFromSpecs([spec])]);
  if (parsed.tables.length !== 1) throw new Error(`expected one table, parsed ${parsed.tables.length}`);
  return parsed.tables[0];
}
