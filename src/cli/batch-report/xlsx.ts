/**
 * 汇总.xlsx: the report's figures for reviewers who work in Excel — an overview sheet, every table on one
 * sheet, then one sheet per unit (one row per table), with filters and a frozen header.
 */
import { groupBy } from '../../core/groupBy';
import { CRITERIA, SEVERITY_LABEL } from '../../core/findings';
import { SCORING_TEXT } from '../../core/score';
import type { BatchSummary, TableRow } from './summary';
import { type CellValue, type SheetSpec, writeXlsx } from './xlsxWriter';

const COLUMNS: { header: string; width: number; value(t: TableRow, n: number): string | number | null }[] = [
  { header: '序号', width: 6, value: (_, n) => n },
  { header: '单位', width: 28, value: (t) => t.unit },
  { header: '项目名称', width: 36, value: (t) => t.project },
  { header: '项目编码', width: 24, value: (t) => t.code },
  { header: '预算数（万元）', width: 14, value: (t) => t.budgetWan ?? t.budgetText },
  { header: '得分', width: 7, value: (t) => t.score.total },
  { header: '等级', width: 6, value: (t) => t.score.grade },
  ...CRITERIA.map((c) => ({ header: `${c}得分`, width: 9, value: (t: TableRow) => t.score.byCriterion[c] })),
  { header: '错误', width: 7, value: (t) => t.counts.error },
  { header: '警告', width: 7, value: (t) => t.counts.warning },
  { header: '提示', width: 7, value: (t) => t.counts.info },
  {
    header: '先改这些',
    width: 60,
    value: (t) => t.fixFirst.map((f, i) => `${i + 1}. 【${SEVERITY_LABEL[f.severity]}】${f.title}${f.count > 1 ? `（${f.count} 处）` : ''}：${f.cells.join('、')}`).join('\n'),
  },
  { header: '文件', width: 30, value: (t) => t.file },
  { header: '位置', width: 18, value: (t) => t.address },
  { header: '标注副本', width: 30, value: (t) => t.annotated },
];

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique (case-insensitive). */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || '单位';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function tableSheet(name: string, rows: readonly TableRow[]): SheetSpec {
  return {
    name,
    widths: COLUMNS.map((c) => c.width),
    table: true,
    style: (row, col, v) => (row === 1 ? 'header' : col === 4 && typeof v === 'number' ? 'money' : 'wrap'),
    rows: (function* () {
      yield COLUMNS.map((c) => c.header);
      for (let i = 0; i < rows.length; i++) yield COLUMNS.map((c) => c.value(rows[i], i + 1));
    })(),
  };
}

export async function renderXlsx(s: BatchSummary): Promise<Uint8Array> {
  const taken = new Set<string>(['总览', '全部表格'].map((n) => n.toLowerCase()));
  const t = s.totals;
  const lines: CellValue[][] = [
    ['项目支出绩效目标表审核汇总'],
    ['生成时间', s.generatedAt.replace('T', ' ').slice(0, 16) + '（UTC）'],
    [],
    ['单位数', t.units],
    ['工作簿数', t.workbooks],
    ['无法读取的工作簿', t.unreadable],
    ['绩效目标表数', t.tables],
    ['预算合计（万元）', t.budgetWan],
    ['错误', t.severity.error],
    ['警告', t.severity.warning],
    ['提示', t.severity.info],
    ['平均得分', t.meanScore],
    ...(['优', '良', '中', '差'] as const).map((g) => [`等级为“${g}”的表`, t.grades[g]]),
    ...CRITERIA.map((c) => [`${c}方面的问题`, t.criterion[c]]),
    [],
    ['各单位', '工作簿', '表数', '预算（万元）', '平均得分', '错误', '警告', '提示'],
    ...s.units.map((u) => [u.name, u.workbooks, u.tables, u.budgetWan, u.meanScore, u.counts.error, u.counts.warning, u.counts.info]),
    [],
    ['评分方法'],
    ...SCORING_TEXT.map((l) => [l]),
  ];
  const unitHeader = lines.findIndex((l) => l[0] === '各单位') + 1;
  const unreadable = s.files.filter((x) => x.error);
  if (unreadable.length) lines.push([]);
  for (const f of unreadable) lines.push([`无法读取：${f.file}`, f.error ?? '']);
  const overview: SheetSpec = {
    name: '总览',
    widths: [26, 12, 12, 14, 10, 8, 8, 8],
    style: (row, _col, v) => (row === 1 ? 'title' : row === unitHeader && v !== null && v !== undefined ? 'bold' : 'plain'),
    rows: lines,
  };
  const units = [...s.units].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const byUnit = groupBy(s.tables, (row) => row.unit);
  const sheets: SheetSpec[] = [
    overview,
    tableSheet('全部表格', s.tables),
    ...units.map((u) => tableSheet(sheetName(u.name, taken), byUnit.get(u.name) ?? [])),
  ];
  return writeXlsx(sheets, { creator: '绩效目标表助手', created: new Date(s.generatedAt) });
}
