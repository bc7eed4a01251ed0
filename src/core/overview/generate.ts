/** Writes the 部门整体绩效目标 section from a workbook's project tables; every number keeps its source cell. */
import { groupBy } from '../groupBy';
import type { CellRef } from '../grid';
import type { IndicatorRow, ParsedWorkbook, ProjectTable } from '../model';
import { analyse } from '../rules/util';
import { isFillerName } from '../rules/filler-indicator';
import { runRules } from '../rules';
import { DEFAULT_SETTINGS } from '../settings';
import { compact } from '../text';
import { COUNT_UNITS } from '../values';
import { AREA_AIMS, aimOf, OTHER_AREA, suggestArea } from './areas';
import type { OverviewArea, OverviewDocument, OverviewOptions, Paragraph, Segment, Source } from './types';

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
export const cnOrdinal = (i: number): string => CN_NUMBERS[i] ?? String(i + 1);

/** The standard 工作保障措施, editable by the user. */
export const STANDARD_MEASURES: readonly string[] = [
  '完善制度建设。健全预算绩效管理、资金管理和内部控制制度，为全年绩效目标的实现提供制度保障。',
  '加强支出管理。优化支出结构，细化预算编制，按进度及时支付资金，确保支出进度符合序时要求。',
  '加强绩效运行监控。按要求开展绩效运行监控，发现偏差及时分析原因并采取纠偏措施，确保绩效目标如期保质实现。',
  '做好绩效自评。按要求开展上年度部门预算绩效自评，对发现的问题及时整改，并将评价结果作为安排以后年度预算的重要依据。',
  '规范财务资产管理。严格执行财务审批程序，加强固定资产登记、使用和处置管理，做到支出合理、物尽其用。',
  '加强内部监督。对重大支出决策和资金使用情况开展内部监督，主动配合审计、财政监督，确保财政资金安全有效。',
];

export function money(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

const fallbackRef = (t: ProjectTable): CellRef =>
  t.projectName?.ref ?? t.title?.ref ?? { sheet: t.sheet, row: t.top, col: 0, address: `A${t.top + 1}` };

/** "203001中共某某区委组织部本级" → "中共某某区委组织部". */
export function departmentName(tables: readonly ProjectTable[]): string {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const raw = compact(t.unitName?.text ?? '').replace(/^\d+/u, '').replace(/(单位)?[:：]?$/u, '').replace(/本级$/u, '');
    if (raw) counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '本部门';
}

/** The budget year most often named in the tables (titles, names, 资金用途, goals), with a cell that names it. */
export function budgetYear(tables: readonly ProjectTable[]): { year: number; ref: CellRef } | undefined {
  const seen = new Map<number, { n: number; ref: CellRef }>();
  for (const t of tables) {
    for (const f of [t.title, t.projectName, t.fundUse, t.goal]) {
      if (!f) continue;
      for (const m of f.text.matchAll(/(20\d\d)年/gu)) {
        const y = Number(m[1]);
        const e = seen.get(y) ?? { n: 0, ref: f.ref };
        e.n++;
        seen.set(y, e);
      }
    }
  }
  const best = [...seen.entries()].sort((a, b) => b[1].n - a[1].n || b[0] - a[0])[0];
  return best ? { year: best[0], ref: best[1].ref } : undefined;
}

function budgetSource(tables: readonly ProjectTable[]): Source {
  const withBudget = tables.filter((t) => t.budget?.amount !== undefined);
  const value = Math.round(withBudget.reduce((s, t) => s + (t.budget!.amount ?? 0), 0) * 100) / 100;
  return { kind: 'sum', refs: withBudget.map((t) => t.budget!.ref), value };
}

function countSource(tables: readonly ProjectTable[]): Source {
  return { kind: 'count', refs: tables.map(fallbackRef), value: tables.length };
}

const seg = (text: string, source?: Source): Segment => (source ? { text, source } : { text });

/** A project's name as a segment traced to its cell (names may contain digits, e.g. "2024年…"). */
function nameSegment(t: ProjectTable): Segment {
  const f = t.projectName ?? t.title;
  // Quotes inside a quoted name become single quotes, as 公文 nests them.
  const text = f?.text.replace(/\s+/gu, '').replace(/“/gu, '‘').replace(/”/gu, '’');
  return f && text ? seg(text, { kind: 'cell', ref: f.ref }) : seg('未命名项目');
}

const cellKey = (ref: CellRef): string => `${ref.sheet}!${ref.address}`;

/** Cells our rules flag with an error or a warning: their indicators are not quoted in the section. */
export function flaggedCells(workbook: ParsedWorkbook): Set<string> {
  return new Set(runRules(workbook, DEFAULT_SETTINGS).filter((f) => f.severity !== 'info').map((f) => cellKey(f.ref)));
}

/**
 * Up to two measurable key indicators: a count under 数量, then a rate under 质量 or 效益. Rows with a flagged
 * 三级 or 指标值 cell are skipped, so a defect is never repeated in the department's section.
 */
export function keyIndicators(t: ProjectTable, flagged: ReadonlySet<string> = new Set()): IndicatorRow[] {
  const clean = (row: IndicatorRow): boolean => ![row.level3, row.value].some((f) => flagged.has(cellKey(f.ref)));
  const rows = analyse(t, DEFAULT_SETTINGS).rows.filter((r) => r.name && !isFillerName(r.name) && r.value.kind === 'numeric' && clean(r.row));
  const count = rows.find((r) => r.l2Key === '数量' && r.value.unit !== undefined && COUNT_UNITS.has(r.value.unit));
  const rate = rows.find(
    (r) => (r.l2Key === '质量' || r.l1Key === '效益') && r.value.unit === '%' && (r.value.operator === '≥' || r.value.operator === '=') && /率/.test(r.name),
  );
  return [count, rate].filter((r): r is NonNullable<typeof r> => !!r).map((r) => r.row);
}

/** Groups tables into work areas (suggested, or re-assigned by the user), in the standard area order. */
export function groupAreas(tables: readonly ProjectTable[], assignments: Readonly<Record<string, string>> = {}): OverviewArea[] {
  const byArea = groupBy(tables, (t) => assignments[t.id]?.trim() || suggestArea(t));
  const order = (name: string): number => {
    const i = AREA_AIMS.findIndex((a) => a.name === name);
    return i < 0 ? (name === OTHER_AREA ? 1000 : 500) : i;
  };
  return [...byArea.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([name, ts]) => ({ name, tableIds: ts.map((t) => t.id) }));
}

function listNames(tables: readonly ProjectTable[], max = 3): Segment[] {
  const out: Segment[] = [];
  tables.slice(0, max).forEach((t, i) => {
    if (i > 0) out.push(seg('、'));
    out.push(seg('“'), nameSegment(t), seg('”'));
  });
  return out;
}

export function generateOverview(workbook: ParsedWorkbook, options: OverviewOptions = {}): OverviewDocument {
  const tables = workbook.tables;
  const department = options.department?.trim() || departmentName(tables);
  const year = budgetYear(tables);
  const total = budgetSource(tables);
  const fiscal = tables.filter((t) => t.fiscal?.amount !== undefined);
  const fiscalSource: Source = {
    kind: 'sum',
    refs: fiscal.map((t) => t.fiscal!.ref),
    value: Math.round(fiscal.reduce((s, t) => s + (t.fiscal!.amount ?? 0), 0) * 100) / 100,
  };
  const areas = groupAreas(tables, options.assignments);
  const byId = new Map(tables.map((t) => [t.id, t]));
  const areaTables = (a: OverviewArea): ProjectTable[] => a.tableIds.map((id) => byId.get(id)!).filter(Boolean);
  const flagged = flaggedCells(workbook);
  const paragraphs: Paragraph[] = [];
  const yearSeg = year ? [seg(String(year.year), { kind: 'cell', ref: year.ref }), seg('年')] : [seg('本年度')];

  paragraphs.push({ style: 'title', segments: [...yearSeg, seg(`${department}部门整体绩效目标`)] });
  paragraphs.push({ style: 'heading', segments: [seg('一、总体绩效目标')] });
  const overall: Segment[] = [
    ...yearSeg,
    seg(`，${department}共安排项目支出`),
    seg(String(tables.length), countSource(tables)),
    seg('个，预算资金合计'),
    seg(money(total.kind === 'sum' ? total.value : 0), total),
    seg('万元'),
  ];
  if (fiscal.length > 0 && fiscalSource.kind === 'sum' && total.kind === 'sum' && fiscalSource.value !== total.value) {
    overall.push(seg('，其中财政资金'), seg(money(fiscalSource.value), fiscalSource), seg('万元'));
  }
  overall.push(seg('。资金主要用于'));
  areas.forEach((a, i) => {
    const ts = areaTables(a);
    const src = budgetSource(ts);
    if (i > 0) overall.push(seg('、'));
    overall.push(seg(`${a.name}（`), seg(String(ts.length), countSource(ts)), seg('个项目，'), seg(money(src.kind === 'sum' ? src.value : 0), src), seg('万元）'));
  });
  overall.push(seg('等方面。全年将围绕'), seg(areas.map((a) => a.name).join('、')), seg('等重点工作，'));
  overall.push(seg(areas.slice(0, 3).map((a) => aimOf(a.name)).join('；')));
  overall.push(seg('，确保各项工作任务按期保质完成，切实提高财政资金使用效益。'));
  paragraphs.push({ style: 'body', segments: overall });

  paragraphs.push({ style: 'heading', segments: [seg('二、分项绩效目标')] });
  areas.forEach((a, i) => {
    const ts = areaTables(a);
    const src = budgetSource(ts);
    paragraphs.push({ style: 'subheading', segments: [seg(`（${cnOrdinal(i)}）${a.name}`)] });
    const goal: Segment[] = [seg('绩效目标：统筹安排'), ...listNames(ts)];
    goal.push(seg(ts.length > 3 ? '等' : '共'), seg(String(ts.length), countSource(ts)), seg('个项目，预算资金'));
    goal.push(seg(money(src.kind === 'sum' ? src.value : 0), src), seg(`万元，${aimOf(a.name)}。`));
    paragraphs.push({ style: 'body', segments: goal });
    const ind: Segment[] = [seg('绩效指标：')];
    let any = false;
    for (const t of ts) {
      const rows = keyIndicators(t, flagged);
      if (rows.length === 0) continue;
      if (any) ind.push(seg('；'));
      any = true;
      ind.push(nameSegment(t), seg('：'));
      rows.forEach((r, k) => {
        if (k > 0) ind.push(seg('，'));
        ind.push(seg(r.level3.text.replace(/\s+/gu, '').replace(/[（(]%[）)]$/u, ''), { kind: 'cell', ref: r.level3.ref }));
        ind.push(seg(r.value.text.replace(/\s+/gu, ''), { kind: 'cell', ref: r.value.ref }));
      });
    }
    if (!any) ind.push(seg('各项目暂无可直接引用的量化指标（数量指标或比率类质量、效益指标），请在项目绩效目标表中完善后重新生成'));
    ind.push(seg('。'));
    paragraphs.push({ style: 'body', segments: ind });
  });

  paragraphs.push({ style: 'heading', segments: [seg('三、工作保障措施')] });
  const measures = options.measures ?? STANDARD_MEASURES;
  measures.forEach((m, i) => paragraphs.push({ style: 'body', segments: [seg(`（${cnOrdinal(i)}）${m.trim()}`)] }));

  return {
    department,
    year: year?.year,
    projectCount: tables.length,
    totalBudget: total.kind === 'sum' ? total.value : 0,
    areas,
    paragraphs,
  };
}
