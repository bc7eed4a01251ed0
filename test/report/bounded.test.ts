/** A batch of thousands of tables keeps the report page bounded: capped 先改这些 cards and a merged scatter. */
import { buildCharts, SCATTER_POINTS } from '../../src/cli/batch-report/charts';
import { CARD_LIMIT, renderHtml } from '../../src/cli/batch-report/html';
import { type FilePart, SummaryBuilder } from '../../src/cli/batch-report/summary';
import { gradeOf } from '../../src/core/score';

// Drawing the charts (ECharts) takes long on a busy machine.
jest.setTimeout(120_000);

const zero = { error: 0, warning: 0, info: 0 };

function part(file: number, tables: number): FilePart {
  return {
    file: { file: `f${file}.xlsx`, annotated: null, tables, counts: zero, notes: [] },
    findings: 0,
    severity: zero,
    criterion: { 完整性: 0, 相关性: 0, 适当性: 0, 可行性: 0 },
    tables: Array.from({ length: tables }, (_, i) => {
      // Scores spread over 0–100 so the lowest-scoring tables are known.
      const total = (file * 37 + i * 11) % 101;
      return {
        file: `f${file}.xlsx`,
        annotated: null,
        unit: `单位${file % 7}`,
        unitFromFile: false,
        project: `项目${file}-${i}`,
        code: null,
        address: `表!A${i * 20 + 1}`,
        budgetWan: 10 + ((file * 13 + i * 7) % 500),
        budgetText: null,
        score: { total, grade: gradeOf(total), byCriterion: { 完整性: 25, 相关性: 25, 适当性: 25, 可行性: 25 } },
        counts: zero,
        criteria: { 完整性: 0, 相关性: 0, 适当性: 0, 可行性: 0 },
        fixFirst: [],
        findings: [],
        rules: [],
      };
    }),
    rules: [],
  };
}

describe('report page bounds', () => {
  const builder = new SummaryBuilder();
  for (let f = 0; f < 300; f++) builder.addPart(part(f, 12));
  const summary = builder.finish(new Date('2026-01-01T00:00:00Z'));

  it('lists the 先改这些 of the lowest-scoring tables only, and every table in the list', () => {
    const html = renderHtml(summary, [], { inputs: ['材料'], linkFor: () => null });
    const cards = [...html.matchAll(/<section class="table-card" id="(t\d+)">/g)].map((m) => m[1]);
    expect(summary.tables.length).toBe(3600);
    expect(cards).toHaveLength(CARD_LIMIT);
    const scoreOf = new Map(summary.tables.map((t) => [t.key, t.score.total]));
    const worstShown = Math.max(...cards.map((k) => scoreOf.get(k)!));
    const bestHidden = Math.min(...summary.tables.filter((t) => !cards.includes(t.key)).map((t) => t.score.total));
    expect(worstShown).toBeLessThanOrEqual(bestHidden);
    expect(html.match(/<tr data-unit=/g)).toHaveLength(3600);
    // No link points at a card that is not on the page.
    for (const m of html.matchAll(/href="#(t\d+)"/g)) expect(cards).toContain(m[1]);
    expect(html).toContain(`这里只列得分最低的 ${CARD_LIMIT} 张`);
  });

  it('merges close tables in the budget–score scatter', () => {
    const chart = buildCharts(summary).find((c) => c.id === 'chart-budget')!;
    expect(chart.title).toContain('相近的表合为一点');
    // One SVG symbol per data point of the scatter series.
    const points = (chart.svg.match(/ecmeta_series_index="0" ecmeta_data_index=/g) ?? []).length;
    expect(points).toBeGreaterThan(100);
    expect(points).toBeLessThanOrEqual(SCATTER_POINTS);
    expect(chart.svg.length).toBeLessThan(1_000_000);
  });
});
