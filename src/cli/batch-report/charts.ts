/**
 * The report's charts, drawn with Apache ECharts' server-side SVG renderer: the page gets finished
 * <svg> elements (vector, prints sharply on A4, no script and no charting library in the page, nothing
 * fetched), while the charts keep ECharts' layout, axes and Chinese typography. The CommonJS build of
 * ECharts is loaded only when a report is drawn (`jixiao check` never loads it).
 */
import * as echarts from 'echarts';
import type { Severity } from '../../core/findings';
import { CRITERIA, SEVERITY_LABEL } from '../../core/findings';
import { GRADES, gradeOf } from '../../core/score';
import type { BatchSummary, TableRow } from './summary';

export const SEVERITY_COLOR: Record<Severity, string> = { error: '#c4262e', warning: '#d98a00', info: '#2f6fb7' };
const GRADE_COLOR: Record<string, string> = { 优: '#2e7d32', 良: '#6a9f2a', 中: '#d98a00', 差: '#c4262e' };
const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun", sans-serif';
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
export const CHART_WIDTH = 720;

export interface Chart {
  id: string;
  title: string;
  svg: string;
}

function render(option: echarts.EChartsOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const clip = (s: string, n: number): string => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

const legend = { top: 0, textStyle: { fontSize: 12 } };
/** Labels on bars, none on empty ones. */
const hideZero = (p: echarts.DefaultLabelFormatterCallbackParams): string => (p.value ? String(p.value) : '');

function stackedSeverity(labels: string[], counts: Record<Severity, number>[], horizontal: boolean, height: number): string {
  const category = { type: 'category' as const, data: labels, axisLabel: { fontSize: 12, interval: 0 }, ...(horizontal ? { inverse: true } : {}) };
  const value = { type: 'value' as const, minInterval: 1 };
  return render(
    {
      legend,
      grid: { left: horizontal ? 12 : 40, right: 30, top: 36, bottom: 10, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: SEVERITIES.map((s) => ({
        name: SEVERITY_LABEL[s],
        type: 'bar',
        stack: 'n',
        barMaxWidth: horizontal ? 18 : 48,
        itemStyle: { color: SEVERITY_COLOR[s] },
        label: { show: true, fontSize: 10, color: '#fff', formatter: hideZero },
        labelLayout: { hideOverlap: true },
        data: counts.map((c) => c[s]),
      })),
    },
    height,
  );
}

/** Above this many tables the scatter merges tables that fall close together into one point (sized by their number). */
export const SCATTER_POINTS = 1500;
const X_BINS = 60;
const Y_BINS = 25;

type ScatterPoint = { value: [number, number]; symbolSize?: number; itemStyle: { color: string; opacity: number } };

/** The scatter's points: one per table, or for a large batch one per occupied cell of a 60 × 25 grid (at most SCATTER_POINTS). */
function scatterPoints(points: readonly TableRow[], logScale: boolean): { data: ScatterPoint[]; merged: boolean } {
  if (points.length <= SCATTER_POINTS) {
    return { data: points.map((t) => ({ value: [t.budgetWan!, t.score.total], itemStyle: { color: GRADE_COLOR[t.score.grade], opacity: 0.75 } })), merged: false };
  }
  const x = (t: TableRow): number => (logScale ? Math.log10(t.budgetWan!) : t.budgetWan!);
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of points) {
    lo = Math.min(lo, x(t));
    hi = Math.max(hi, x(t));
  }
  const span = hi - lo || 1;
  const cells = new Map<number, { n: number; budget: number; score: number }>();
  for (const t of points) {
    const key = Math.min(X_BINS - 1, Math.floor(((x(t) - lo) / span) * X_BINS)) * Y_BINS + Math.min(Y_BINS - 1, Math.floor((t.score.total / 100) * Y_BINS));
    const c = cells.get(key) ?? { n: 0, budget: 0, score: 0 };
    c.n++;
    c.budget += t.budgetWan!;
    c.score += t.score.total;
    cells.set(key, c);
  }
  const data = [...cells.values()].map((c): ScatterPoint => {
    const score = Math.round((c.score / c.n) * 10) / 10;
    return {
      value: [Math.round((c.budget / c.n) * 100) / 100, score],
      symbolSize: Math.min(30, 6 + 3 * Math.sqrt(c.n)),
      itemStyle: { color: GRADE_COLOR[gradeOf(score)], opacity: 0.75 },
    };
  });
  return { data, merged: true };
}

export function buildCharts(summary: BatchSummary): Chart[] {
  const charts: Chart[] = [];
  const rules = summary.rules.slice(0, 15);
  charts.push({
    id: 'chart-rules',
    title: '各类问题数量（按检查规则，前 15 类）',
    svg: stackedSeverity(
      rules.map((r) => clip(r.title, 16)),
      rules.map((r) => r.counts),
      true,
      Math.max(160, 60 + rules.length * 26),
    ),
  });

  const byCriterion = CRITERIA.map((c) => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const r of summary.rules) if (r.criterion === c) for (const s of SEVERITIES) counts[s] += r.counts[s];
    return counts;
  });
  charts.push({ id: 'chart-criteria', title: '按评审标准分类的问题数量', svg: stackedSeverity([...CRITERIA], byCriterion, false, 300) });

  const binLabels = summary.scoreBins.map((_, i) => (i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`));
  const gradeOfBin = (i: number): string => (GRADES.find((g) => i * 10 >= g.min) ?? GRADES[GRADES.length - 1]).grade;
  charts.push({
    id: 'chart-scores',
    title: '评分分布（表数）',
    svg: render(
      {
        grid: { left: 40, right: 20, top: 20, bottom: 30, containLabel: true },
        xAxis: { type: 'category', data: binLabels, name: '得分', nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', minInterval: 1, name: '表数' },
        series: [
          {
            type: 'bar',
            barCategoryGap: '8%',
            label: { show: true, position: 'top', fontSize: 11, formatter: hideZero },
            data: summary.scoreBins.map((v, i) => ({ value: v, itemStyle: { color: GRADE_COLOR[gradeOfBin(i)] } })),
          },
        ],
      },
      280,
    ),
  });

  const points = summary.tables.filter((t) => t.budgetWan !== null && t.budgetWan > 0);
  let min = Infinity;
  let max = -Infinity;
  for (const t of points) {
    min = Math.min(min, t.budgetWan!);
    max = Math.max(max, t.budgetWan!);
  }
  const logScale = points.length > 1 && max / min > 50;
  const scatter = scatterPoints(points, logScale);
  charts.push({
    id: 'chart-budget',
    title: scatter.merged
      ? `预算与评分（${points.length} 张有预算数的表，相近的表合为一点，点越大表越多）`
      : `预算与评分（每点一张表，${points.length} 张有预算数）`,
    svg: render(
      {
        grid: { left: 50, right: 30, top: 20, bottom: 36, containLabel: true },
        xAxis: {
          type: logScale ? 'log' : 'value',
          name: logScale ? '预算数（万元，对数刻度）' : '预算数（万元）',
          nameLocation: 'middle',
          nameGap: 30,
          scale: !logScale,
        },
        yAxis: { type: 'value', name: '得分', min: 0, max: 100 },
        series: [
          {
            type: 'scatter',
            symbolSize: 9,
            data: scatter.data,
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#888' },
              label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
              data: [
                { name: '优（90）', yAxis: 90 },
                { name: '中（60）', yAxis: 60 },
              ],
            },
          },
        ],
      },
      320,
    ),
  });

  const repeated = summary.rules
    .filter((r) => r.units > 0)
    .sort((a, b) => b.units - a.units || b.tables - a.tables)
    .slice(0, 10);
  charts.push({
    id: 'chart-repeated',
    title: '各单位反复出现的问题（出现该问题的单位数和表数，前 10 类）',
    svg: render(
      {
        legend,
        grid: { left: 12, right: 30, top: 36, bottom: 10, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: repeated.map((r) => clip(r.title, 16)), axisLabel: { interval: 0 } },
        series: [
          { name: '单位数', type: 'bar', barMaxWidth: 14, itemStyle: { color: '#8c2d19' }, label: { show: true, position: 'right', fontSize: 10 }, data: repeated.map((r) => r.units) },
          { name: '表数', type: 'bar', barMaxWidth: 14, itemStyle: { color: '#c9a26b' }, label: { show: true, position: 'right', fontSize: 10 }, data: repeated.map((r) => r.tables) },
        ],
      },
      Math.max(160, 60 + repeated.length * 34),
    ),
  });
  return charts;
}
