/** Compares an existing 部门整体绩效目标 section with the project tables: totals, areas without projects, projects without area. */
import type { CellRef } from '../grid';
import type { DepartmentOverview, ParsedWorkbook, ProjectTable } from '../model';
import { compact } from '../text';
import { suggestForTable, suggestTemplates } from '../templates/suggest';
import { money } from './generate';

export interface OverviewDifference {
  kind: 'total' | 'count' | 'area-without-projects' | 'project-without-area' | 'missing-part';
  /** zh-CN, in 审核意见 register. */
  message: string;
  ref?: CellRef;
}

function overviewText(o: DepartmentOverview): string {
  return [o.overall?.text, ...o.areas.flatMap((a) => [a.title.text, a.goal?.text, a.indicators?.text])].filter(Boolean).join('\n');
}

/** Template ids an area's own words point to (its title weighs most, then 绩效目标, then 绩效指标). */
function areaKinds(area: DepartmentOverview['areas'][number]): Set<string> {
  const ranked = suggestTemplates({ name: area.title.text, fundUse: area.goal?.text, goal: area.indicators?.text });
  const top = ranked[0]?.score ?? 0;
  return new Set(ranked.filter((s) => s.score >= top / 3).map((s) => s.template.id));
}

export function compareOverview(workbook: ParsedWorkbook): OverviewDifference[] {
  const o = workbook.overview;
  if (!o) return [];
  const out: OverviewDifference[] = [];
  const tables = workbook.tables;
  const total = Math.round(tables.reduce((s, t) => s + (t.budget?.amount ?? 0), 0) * 100) / 100;
  const text = compact(overviewText(o));
  const anchor = o.overall?.ref ?? o.heading?.ref;

  if (!o.overall) out.push({ kind: 'missing-part', message: '现有部门整体绩效目标缺少“总体绩效目标”部分。', ref: anchor });
  if (o.areas.length === 0) out.push({ kind: 'missing-part', message: '现有部门整体绩效目标缺少“分项绩效目标”部分。', ref: anchor });
  if (o.measures.length === 0) out.push({ kind: 'missing-part', message: '现有部门整体绩效目标缺少“工作保障措施”部分。', ref: anchor });

  const amounts = Array.from(text.matchAll(/(\d+(?:\.\d+)?)万元/gu), (m) => Number(m[1]));
  if (amounts.length === 0) {
    out.push({ kind: 'total', ref: anchor, message: `现有部门整体绩效目标没有写明预算总额；各项目预算数合计${money(total)}万元，建议在总体绩效目标中写明。` });
  } else if (!amounts.some((a) => Math.abs(a - total) < 0.005)) {
    out.push({ kind: 'total', ref: anchor, message: `现有部门整体绩效目标写明的金额（${amounts.map(money).join('、')}万元）与各项目预算数合计${money(total)}万元不一致，请核对。` });
  }
  const counts = Array.from(text.matchAll(/(\d+)个项目/gu), (m) => Number(m[1]));
  if (counts.length > 0 && !counts.includes(tables.length)) {
    out.push({ kind: 'count', ref: anchor, message: `现有部门整体绩效目标写明的项目个数（${counts.join('、')}个）与实际项目绩效目标表${tables.length}张不一致，请核对。` });
  }

  const kinds = o.areas.map(areaKinds);
  const firstChoice = new Map<ProjectTable, string | undefined>(tables.map((t) => [t, suggestForTable(t)[0]?.template.id]));
  o.areas.forEach((area, i) => {
    const has = tables.some((t) => {
      const k = firstChoice.get(t);
      return k !== undefined && kinds[i].has(k);
    });
    if (!has) {
      out.push({
        kind: 'area-without-projects',
        ref: area.title.ref,
        message: `分项绩效目标${area.title.text.trim()}没有对应的项目支出绩效目标表：请核对是否漏报项目，或删除、合并该分项。`,
      });
    }
  });
  const orphans = tables.filter((t) => {
    const k = firstChoice.get(t);
    return k === undefined || !kinds.some((set) => set.has(k));
  });
  if (orphans.length > 0 && o.areas.length > 0) {
    const names = orphans.map((t) => `“${(t.projectName?.text ?? t.title?.text ?? '').trim()}”`);
    out.push({
      kind: 'project-without-area',
      ref: o.areas[0].title.ref,
      message: `以下${orphans.length}个项目在分项绩效目标中没有对应的工作领域：${names.join('、')}；请在相应分项中补充，或增加分项。`,
    });
  }
  return out;
}
