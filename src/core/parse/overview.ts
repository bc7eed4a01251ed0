import type { DepartmentOverview, Field } from '../model';
import type { SheetView } from './sheet';

const MARKERS = {
  heading: /^部门整体(?:支出)?绩效目标(?:表)?$/,
  overall: /^(?:[一二三四五六七八九十]+[、.])?(?:总体绩效目标|总体目标|年度总体目标)[:：]?$/,
  areas: /^(?:[一二三四五六七八九十]+[、.])?(?:分项绩效目标|分项目标)[:：]?$/,
  measures: /^(?:[一二三四五六七八九十]+[、.])?(?:工作保障措施|保障措施)[:：]?$/,
  areaTitle: /^[(（][一二三四五六七八九十]+[)）]/,
  areaGoal: /^绩效目标[:：]/,
  areaIndicators: /^绩效指标[:：]/,
};

function mentionsSection(view: SheetView, row: number): boolean {
  for (let c = 0; c < view.cols; c++) {
    const k = view.key(row, c);
    if (k.includes('总体') || k.includes('保障措施')) return true;
  }
  return false;
}

/** Row-by-row paragraphs of the sheet: the first non-empty cell of each row, plus its right neighbour. */
function paragraphs(view: SheetView, rows: number[]): { field: Field; next?: Field }[] {
  const out: { field: Field; next?: Field }[] = [];
  for (const r of rows) {
    let first: number | undefined;
    for (let c = 0; c < view.cols; c++) {
      if (view.isMergeSlave(r, c) || view.key(r, c) === '') continue;
      if (first === undefined) first = c;
      else {
        out.push({ field: view.field(r, first, true), next: view.field(r, c, true) });
        first = -1;
        break;
      }
    }
    if (first !== undefined && first >= 0) out.push({ field: view.field(r, first, true) });
  }
  return out;
}

/** Finds the 部门整体绩效目标 section (总体绩效目标 / 分项绩效目标 / 工作保障措施) among rows not used by tables. */
export function parseOverview(view: SheetView, freeRows: number[]): DepartmentOverview | undefined {
  // Cheap test first: without a 总体…目标 or 保障措施 line there is no section, and a sheet of 500,000 rows
  // must not build a paragraph per row to find that out.
  if (!freeRows.some((r) => mentionsSection(view, r))) return undefined;
  const paras = paragraphs(view, freeRows);
  const compactOf = (f: Field) => f.text.replace(/\s+/g, '').replace(/:/g, '：');
  if (!paras.some((p) => MARKERS.overall.test(compactOf(p.field)) || MARKERS.measures.test(compactOf(p.field)))) {
    return undefined;
  }
  const overview: DepartmentOverview = { sheet: view.sheet, areas: [], measures: [] };
  let section: 'none' | 'overall' | 'areas' | 'measures' = 'none';
  for (const { field, next } of paras) {
    const key = compactOf(field);
    if (MARKERS.heading.test(key)) {
      overview.heading = field;
      continue;
    }
    if (MARKERS.overall.test(key)) {
      section = 'overall';
      if (next) overview.overall = next;
      continue;
    }
    if (MARKERS.areas.test(key)) {
      section = 'areas';
      continue;
    }
    if (MARKERS.measures.test(key)) {
      section = 'measures';
      continue;
    }
    const text = next ? { ...next, text: `${field.text}${next.text}` } : field;
    if (section === 'overall') {
      overview.overall = overview.overall ? { ...overview.overall, text: `${overview.overall.text}\n${field.text}` } : field;
    } else if (section === 'areas') {
      const current = overview.areas[overview.areas.length - 1];
      if (MARKERS.areaGoal.test(key) && current) current.goal = text;
      else if (MARKERS.areaIndicators.test(key) && current) current.indicators = text;
      else if (MARKERS.areaTitle.test(key) || !current) overview.areas.push({ title: field });
    } else if (section === 'measures') {
      overview.measures.push(text);
    }
  }
  return overview;
}
