/**
 * The figures of a batch report, computed once from the per-file results and shared by the HTML page,
 * the 汇总.xlsx workbook and `jixiao report --format json`.
 */
import * as path from 'path';
import type { Criterion, Finding, Severity } from '../../core/findings';
import { SEVERITY_ORDER, countByCriterion, countBySeverity } from '../../core/findings';
import { type TableScore, scoreTable } from '../../core/score';
import type { FixItem } from '../fix-first';
import { ruleTitle } from '../fix-first';
import type { FileResult } from '../process';

export interface ReportFinding {
  severity: Severity;
  ruleId: string;
  criterion: Criterion;
  /** "Sheet!C12". */
  cell: string;
  message: string;
}

export interface TableRow {
  /** Anchor of the table's section in the page: "t1", "t2", … */
  key: string;
  file: string;
  /** Path of the annotated copy as written by the CLI, or null. */
  annotated: string | null;
  unit: string;
  /** True when the unit is the file name because the table names none. */
  unitFromFile: boolean;
  project: string;
  code: string | null;
  /** "Sheet!A1" of the table. */
  address: string;
  budgetWan: number | null;
  budgetText: string | null;
  score: TableScore;
  counts: Record<Severity, number>;
  criteria: Record<Criterion, number>;
  fixFirst: FixItem[];
  findings: ReportFinding[];
}

export interface UnitRow {
  name: string;
  workbooks: number;
  tables: number;
  budgetWan: number;
  meanScore: number | null;
  counts: Record<Severity, number>;
}

export interface RuleRow {
  ruleId: string;
  title: string;
  criterion: Criterion;
  counts: Record<Severity, number>;
  total: number;
  /** Tables and units in which the rule fired at least once. */
  tables: number;
  units: number;
}

export interface FileRow {
  file: string;
  annotated: string | null;
  tables: number;
  counts: Record<Severity, number>;
  /** Set when the file could not be read or checked: the zh-CN reason. */
  error?: string;
  notes: string[];
}

export interface BatchSummary {
  generatedAt: string;
  /** False when the batch had too many findings to list each table's findings (only 先改这些 is kept). */
  details: boolean;
  totals: {
    workbooks: number;
    unreadable: number;
    units: number;
    tables: number;
    budgetWan: number;
    findings: number;
    severity: Record<Severity, number>;
    criterion: Record<Criterion, number>;
    meanScore: number | null;
    grades: Record<TableScore['grade'], number>;
  };
  files: FileRow[];
  units: UnitRow[];
  tables: TableRow[];
  rules: RuleRow[];
  /** Score histogram: counts for 0–9, 10–19, …, 90–100. */
  scoreBins: number[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function unitOf(file: string, department: string | null): { unit: string; fromFile: boolean } {
  if (department) return { unit: department, fromFile: false };
  return { unit: path.basename(file).replace(/\.xlsx$/i, ''), fromFile: true };
}

type RuleAcc = RuleRow & { tableSet: Set<string>; unitSet: Set<string> };

/**
 * Builds the summary one file at a time, so a batch of any size keeps only what the report shows: per-table
 * figures, and each table's findings only while the batch stays under `detailLimit` findings in all.
 */
export class SummaryBuilder {
  private readonly tables: TableRow[] = [];
  private readonly files: FileRow[] = [];
  private readonly rules = new Map<string, RuleAcc>();
  private readonly severity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly criterion: Record<Criterion, number> = { 完整性: 0, 相关性: 0, 适当性: 0, 可行性: 0 };
  private findingCount = 0;
  private details = true;

  constructor(private readonly detailLimit = Infinity) {}

  private rule(f: Finding): RuleAcc {
    let row = this.rules.get(f.ruleId);
    if (!row) {
      row = {
        ruleId: f.ruleId,
        title: ruleTitle(f.ruleId),
        criterion: f.criterion,
        counts: { error: 0, warning: 0, info: 0 },
        total: 0,
        tables: 0,
        units: 0,
        tableSet: new Set(),
        unitSet: new Set(),
      };
      this.rules.set(f.ruleId, row);
    }
    row.counts[f.severity]++;
    row.total++;
    return row;
  }

  add(r: FileResult): void {
    for (const f of r.findings) {
      this.severity[f.severity]++;
      this.criterion[f.criterion]++;
    }
    this.findingCount += r.findings.length;
    if (this.details && this.findingCount > this.detailLimit) {
      // Too many to list: drop the per-cell lists kept so far and keep only the figures from now on.
      this.details = false;
      for (const t of this.tables) t.findings = [];
    }
    const byTable = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const key = f.tableId ?? '';
      const list = byTable.get(key) ?? [];
      list.push(f);
      byTable.set(key, list);
    }
    const fileUnit = unitOf(r.file, r.tables.find((t) => t.department)?.department ?? null);
    for (const t of r.tables) {
      const own = byTable.get(t.id) ?? [];
      const { unit, fromFile } = t.department ? unitOf(r.file, t.department) : fileUnit;
      const key = `t${this.tables.length + 1}`;
      this.tables.push({
        key,
        file: r.file,
        annotated: r.annotated,
        unit,
        unitFromFile: fromFile,
        project: t.projectName ?? '（未填项目名称）',
        code: t.projectCode,
        address: t.address,
        budgetWan: t.budgetWan,
        budgetText: typeof t.budget === 'string' ? t.budget : null,
        score: scoreTable(own),
        counts: countBySeverity(own),
        criteria: countByCriterion(own),
        fixFirst: t.fixFirst ?? [],
        findings: this.details
          ? [...own]
              .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
              .map((f) => ({ severity: f.severity, ruleId: f.ruleId, criterion: f.criterion, cell: `${f.ref.sheet}!${f.ref.address}`, message: f.message }))
          : [],
      });
      for (const f of own) {
        const row = this.rule(f);
        row.tableSet.add(key);
        row.unitSet.add(unit);
      }
    }
    // Workbook-level findings count in the totals and per rule, not in any table.
    for (const f of byTable.get('') ?? []) this.rule(f);
    this.files.push({
      file: r.file,
      annotated: r.annotated,
      tables: r.tables.length,
      counts: countBySeverity(r.findings),
      ...(r.error ? { error: r.error.message } : {}),
      notes: r.notes.map((n) => n.message),
    });
  }

  finish(now: Date = new Date()): BatchSummary {
    const { tables, files } = this;
    const unitMap = new Map<string, UnitRow & { fileSet: Set<string>; scoreSum: number }>();
    for (const t of tables) {
      let u = unitMap.get(t.unit);
      if (!u) {
        u = { name: t.unit, workbooks: 0, tables: 0, budgetWan: 0, meanScore: null, counts: { error: 0, warning: 0, info: 0 }, fileSet: new Set(), scoreSum: 0 };
        unitMap.set(t.unit, u);
      }
      u.fileSet.add(t.file);
      u.tables++;
      u.budgetWan += t.budgetWan ?? 0;
      u.scoreSum += t.score.total;
      for (const sv of ['error', 'warning', 'info'] as Severity[]) u.counts[sv] += t.counts[sv];
    }
    const units: UnitRow[] = [...unitMap.values()]
      .map(({ fileSet, scoreSum, ...u }) => ({
        ...u,
        workbooks: fileSet.size,
        budgetWan: round2(u.budgetWan),
        meanScore: u.tables ? Math.round((scoreSum / u.tables) * 10) / 10 : null,
      }))
      .sort((a, b) => (a.meanScore ?? 0) - (b.meanScore ?? 0) || a.name.localeCompare(b.name, 'zh-CN'));

    const rules: RuleRow[] = [...this.rules.values()]
      .map(({ tableSet, unitSet, ...r }) => ({ ...r, tables: tableSet.size, units: unitSet.size }))
      .sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId));

    const scoreBins = new Array<number>(10).fill(0);
    const grades: Record<TableScore['grade'], number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
    for (const t of tables) {
      scoreBins[Math.min(9, Math.floor(t.score.total / 10))]++;
      grades[t.score.grade]++;
    }
    return {
      generatedAt: now.toISOString(),
      details: this.details,
      totals: {
        workbooks: files.length,
        unreadable: files.filter((f) => f.error).length,
        units: units.length,
        tables: tables.length,
        budgetWan: round2(tables.reduce((sum, t) => sum + (t.budgetWan ?? 0), 0)),
        findings: this.findingCount,
        severity: { ...this.severity },
        criterion: { ...this.criterion },
        meanScore: tables.length ? Math.round((tables.reduce((sum, t) => sum + t.score.total, 0) / tables.length) * 10) / 10 : null,
        grades,
      },
      files,
      units,
      tables,
      rules,
      scoreBins,
    };
  }
}

export function summarize(results: readonly FileResult[], now: Date = new Date(), detailLimit = Infinity): BatchSummary {
  const b = new SummaryBuilder(detailLimit);
  for (const r of results) b.add(r);
  return b.finish(now);
}
