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

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const round2 = (n: number): number => Math.round(n * 100) / 100;

function unitOf(file: string, department: string | null): { unit: string; fromFile: boolean } {
  if (department) return { unit: department, fromFile: false };
  return { unit: path.basename(file).replace(/\.xlsx$/i, ''), fromFile: true };
}

type RuleAcc = RuleRow & { tableSet: Set<string>; unitSet: Set<string> };

/** A rule's findings in one table (or in a workbook outside any table). */
export interface RuleHit {
  ruleId: string;
  criterion: Criterion;
  counts: Record<Severity, number>;
}

/** One file's share of the summary: computed where the file was checked (a worker thread), small to send. */
export interface FilePart {
  file: FileRow;
  findings: number;
  severity: Record<Severity, number>;
  criterion: Record<Criterion, number>;
  tables: (Omit<TableRow, 'key'> & { rules: RuleHit[] })[];
  /** Findings outside every table: they count in the totals and per rule, not in any table. */
  rules: RuleHit[];
}

/** Rule hits in order of each rule's first finding. */
function ruleHits(findings: readonly Finding[]): RuleHit[] {
  const byRule = new Map<string, RuleHit>();
  for (const f of findings) {
    let h = byRule.get(f.ruleId);
    if (!h) {
      h = { ruleId: f.ruleId, criterion: f.criterion, counts: { error: 0, warning: 0, info: 0 } };
      byRule.set(f.ruleId, h);
    }
    h.counts[f.severity]++;
  }
  return [...byRule.values()];
}

/** The summary's figures of one checked file (scores, counts, 先改这些, findings in report form). */
export function filePart(r: FileResult): FilePart {
  const byTable = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const key = f.tableId ?? '';
    const list = byTable.get(key) ?? [];
    list.push(f);
    byTable.set(key, list);
  }
  const fileUnit = unitOf(r.file, r.tables.find((t) => t.department)?.department ?? null);
  const tables = r.tables.map((t) => {
    const own = byTable.get(t.id) ?? [];
    const { unit, fromFile } = t.department ? unitOf(r.file, t.department) : fileUnit;
    return {
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
      findings: [...own]
        .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
        .map((f) => ({ severity: f.severity, ruleId: f.ruleId, criterion: f.criterion, cell: `${f.ref.sheet}!${f.ref.address}`, message: f.message })),
      rules: ruleHits(own),
    };
  });
  return {
    file: {
      file: r.file,
      annotated: r.annotated,
      tables: r.tables.length,
      counts: countBySeverity(r.findings),
      ...(r.error ? { error: r.error.message } : {}),
      notes: r.notes.map((n) => n.message),
    },
    findings: r.findings.length,
    severity: countBySeverity(r.findings),
    criterion: countByCriterion(r.findings),
    tables,
    rules: ruleHits(byTable.get('') ?? []),
  };
}

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

  private rule(h: RuleHit): RuleAcc {
    let row = this.rules.get(h.ruleId);
    if (!row) {
      row = {
        ruleId: h.ruleId,
        title: ruleTitle(h.ruleId),
        criterion: h.criterion,
        counts: { error: 0, warning: 0, info: 0 },
        total: 0,
        tables: 0,
        units: 0,
        tableSet: new Set(),
        unitSet: new Set(),
      };
      this.rules.set(h.ruleId, row);
    }
    for (const sv of SEVERITIES) {
      row.counts[sv] += h.counts[sv];
      row.total += h.counts[sv];
    }
    return row;
  }

  add(r: FileResult): void {
    this.addPart(filePart(r));
  }

  addPart(p: FilePart): void {
    for (const sv of SEVERITIES) this.severity[sv] += p.severity[sv];
    for (const c of Object.keys(this.criterion) as Criterion[]) this.criterion[c] += p.criterion[c];
    this.findingCount += p.findings;
    if (this.details && this.findingCount > this.detailLimit) {
      // Too many to list: drop the per-cell lists kept so far and keep only the figures from now on.
      this.details = false;
      for (const t of this.tables) t.findings = [];
    }
    for (const t of p.tables) {
      const key = `t${this.tables.length + 1}`;
      this.tables.push({
        key,
        file: t.file,
        annotated: t.annotated,
        unit: t.unit,
        unitFromFile: t.unitFromFile,
        project: t.project,
        code: t.code,
        address: t.address,
        budgetWan: t.budgetWan,
        budgetText: t.budgetText,
        score: t.score,
        counts: t.counts,
        criteria: t.criteria,
        fixFirst: t.fixFirst,
        findings: this.details ? t.findings : [],
      });
      for (const h of t.rules) {
        const row = this.rule(h);
        row.tableSet.add(key);
        row.unitSet.add(t.unit);
      }
    }
    for (const h of p.rules) this.rule(h);
    this.files.push(p.file);
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
      for (const sv of SEVERITIES) u.counts[sv] += t.counts[sv];
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
