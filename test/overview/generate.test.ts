import path from 'path';
import type { Grid } from '../../src/core/grid';
import { textAt } from '../../src/core/grid';
import type { ParsedWorkbook } from '../../src/core/model';
import { parseWorkbook } from '../../src/core/parse';
import {
  compareOverview,
  generateOverview,
  overviewSheetValues,
  overviewToMarkdown,
  overviewToText,
  paragraphText,
  uniqueSheetName,
  type OverviewDocument,
  type Source,
} from '../../src/core/overview';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { buildWorkbook, spec } from '../helpers/ruleTester';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

let grids: Grid[];
let wb: ParsedWorkbook;
let doc: OverviewDocument;

beforeAll(async () => {
  grids = await readGridsFromFile(EXAMPLE);
  wb = parseWorkbook(grids);
  doc = generateOverview(wb);
});

/** Displayed text of a sheet cell. */
function cellText(sheet: string, row: number, col: number): string {
  const g = grids.find((x) => x.sheetName === sheet)!;
  return textAt(g, row - (g.origin?.row ?? 0), col - (g.origin?.col ?? 0));
}

function amountOf(sheet: string, row: number, col: number): number {
  return Number(cellText(sheet, row, col).replace(/,/g, ''));
}

const numbersIn = (s: string): string[] => s.match(/\d+(?:\.\d+)?/gu) ?? [];

describe('部门整体绩效目标 generator on the example workbook', () => {
  it('has the three parts, in order, in formal wording', () => {
    const headings = doc.paragraphs.filter((p) => p.style === 'heading').map(paragraphText);
    expect(headings).toEqual(['一、总体绩效目标', '二、分项绩效目标', '三、工作保障措施']);
    const text = overviewToText(doc);
    expect(text).toContain('2025年，中共曹妃甸区委组织部共安排项目支出24个，预算资金合计3777.20万元。');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    const subs = doc.paragraphs.filter((p) => p.style === 'subheading').map(paragraphText);
    expect(subs.length).toBeGreaterThanOrEqual(3);
    expect(subs[0]).toMatch(/^（一）/);
  });

  it('total budget equals the sum of 预算数: 3777.20 万元', () => {
    expect(doc.totalBudget).toBe(3777.2);
    expect(doc.projectCount).toBe(24);
    const sum = wb.tables.reduce((s, t) => s + t.budget!.amount!, 0);
    expect(Math.round(sum * 100) / 100).toBe(3777.2);
  });

  it('every number in the text traces back to a cell (trace test)', () => {
    let traced = 0;
    for (const p of doc.paragraphs) {
      for (const s of p.segments) {
        const nums = numbersIn(s.text);
        if (nums.length === 0) continue;
        expect({ text: s.text, source: s.source ? 'yes' : 'none' }).toEqual({ text: s.text, source: 'yes' });
        const src = s.source as Source;
        if (src.kind === 'cell') {
          const shown = cellText(src.ref.sheet, src.ref.row, src.ref.col).replace(/\s+/gu, '');
          for (const n of nums) expect(numbersIn(shown)).toContain(n);
        } else if (src.kind === 'sum') {
          const sum = src.refs.reduce((acc, r) => acc + amountOf(r.sheet, r.row, r.col), 0);
          expect(Number(s.text)).toBeCloseTo(sum, 2);
          expect(src.value).toBeCloseTo(sum, 2);
        } else {
          expect(Number(s.text)).toBe(src.refs.length);
          expect(new Set(src.refs.map((r) => `${r.sheet}!${r.address}`)).size).toBe(src.refs.length);
        }
        traced++;
      }
    }
    expect(traced).toBeGreaterThan(20);
  });

  it('areas cover every project exactly once, and re-assignment moves a project', () => {
    const ids = doc.areas.flatMap((a) => a.tableIds);
    expect(ids.sort()).toEqual(wb.tables.map((t) => t.id).sort());
    const moved = wb.tables[0];
    const again = generateOverview(wb, { assignments: { [moved.id]: '自定义领域' } });
    expect(again.areas.find((a) => a.name === '自定义领域')?.tableIds).toEqual([moved.id]);
    expect(again.totalBudget).toBe(3777.2);
    expect(overviewToText(again)).toContain('自定义领域（1个项目，39.00万元）');
  });

  it('quotes no indicator the rules flag (defects are not repeated)', () => {
    const text = overviewToText(doc);
    expect(text).not.toContain('≥90%次'); // sanity
    expect(text).not.toContain('维修次数≤5次');
    expect(text).not.toContain('社区矫正');
  });

  it('uses the editable measures when given', () => {
    const d = generateOverview(wb, { measures: ['加强组织领导。成立工作专班。'] });
    const last = d.paragraphs[d.paragraphs.length - 1];
    expect(paragraphText(last)).toBe('（一）加强组织领导。成立工作专班。');
  });

  it('renders markdown with a source list and sheet rows with a source column', () => {
    const md = overviewToMarkdown(doc);
    expect(md).toMatch(/^# 2025年中共曹妃甸区委组织部部门整体绩效目标/);
    expect(md).toContain('## 二、分项绩效目标');
    expect(md).toContain('- 3777.20 ← 项目支出绩效目标表!C4+');
    const rows = overviewSheetValues(doc);
    expect(rows[0]).toEqual(['2025年中共曹妃甸区委组织部部门整体绩效目标', '数据来源（单元格）']);
    expect(rows.some((r) => r[1]?.includes('3777.20 ←'))).toBe(true);
  });

  it('compares with the existing 部门整体 section: total not stated, projects without area', () => {
    expect(wb.overview).toBeDefined();
    const diffs = compareOverview(wb);
    expect(diffs.find((d) => d.kind === 'total')?.message).toContain('各项目预算数合计3777.20万元');
    const orphans = diffs.find((d) => d.kind === 'project-without-area');
    expect(orphans?.message).toContain('老干部工作经费');
    expect(orphans?.message).not.toContain('党员教育管理综合经费');
    expect(diffs.filter((d) => d.kind === 'area-without-projects')).toEqual([]);
  });
});

describe('generator on small workbooks', () => {
  it('handles a single clean table and a workbook without an overview', () => {
    const small = buildWorkbook([spec()]);
    const d = generateOverview(small);
    expect(d.projectCount).toBe(1);
    expect(d.totalBudget).toBe(85.5);
    expect(overviewToText(d)).toContain('大楼维修维护次数≥6次');
    expect(compareOverview(small)).toEqual([]);
  });

  it('never crashes on an empty workbook', () => {
    const d = generateOverview({ tables: [], notes: [] });
    expect(d.projectCount).toBe(0);
    expect(overviewToText(d)).toContain('共安排项目支出0个，预算资金合计0.00万元');
  });

  it('picks a free sheet name', () => {
    expect(uniqueSheetName('部门整体绩效目标', ['项目表'])).toBe('部门整体绩效目标');
    expect(uniqueSheetName('部门整体绩效目标', ['部门整体绩效目标', '部门整体绩效目标(2)'])).toBe('部门整体绩效目标(3)');
  });
});
