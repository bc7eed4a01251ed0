/** `jixiao report`: checks a batch and writes the HTML report and the 汇总.xlsx workbook. */
import * as path from 'path';
import type { Severity } from '../../core/findings';
import { type BatchOptions, planJobs, prepareBatch, rel, runBatch } from '../batch';
import { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNREADABLE } from '../check';
import type { CliIO } from '../io';
import { writeAtomic, writeFailure } from '../process';
import { countsText } from '../report';
import { DETAIL_LIMIT, renderHtml } from './html';
import { DEFAULT_HTML, DEFAULT_XLSX } from './names';
import { SummaryBuilder } from './summary';
import { renderXlsx } from './xlsx';

export interface ReportOptions extends BatchOptions {
  out?: string;
  /** Path of 汇总.xlsx, or false for --no-xlsx. */
  xlsx?: string | boolean;
  annotate?: boolean;
  outDir?: string;
  format?: string;
}

export { DEFAULT_HTML, DEFAULT_XLSX };
/** Items in each table's "先改这些" list. */
export const FIX_FIRST_LIMIT = 5;

/** A relative URL from the report's folder to a file (each path segment percent-encoded). */
export function relativeUrl(fromDir: string, file: string): string {
  return path
    .relative(fromDir, file)
    .split(path.sep)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export async function runReport(inputs: readonly string[], opts: ReportOptions, io: CliIO): Promise<number> {
  const json = opts.format === 'json';
  if (opts.format !== undefined && opts.format !== 'text' && !json) {
    io.stderr.write(`--format 的值“${opts.format}”无效，可选值：text、json\n`);
    return EXIT_UNREADABLE;
  }
  const htmlPath = path.resolve(io.cwd, opts.out ?? DEFAULT_HTML);
  const xlsxPath = opts.xlsx === false ? null : path.resolve(io.cwd, typeof opts.xlsx === 'string' ? opts.xlsx : DEFAULT_XLSX);
  if (!/\.html?$/i.test(htmlPath)) {
    io.stderr.write(`--out 应是 .html 文件：${opts.out}\n`);
    return EXIT_UNREADABLE;
  }
  if (xlsxPath && !/\.xlsx$/i.test(xlsxPath)) {
    io.stderr.write(`--xlsx 应是 .xlsx 文件：${String(opts.xlsx)}\n`);
    return EXIT_UNREADABLE;
  }
  const prepared = await prepareBatch(inputs, opts, io);
  if (!prepared) return EXIT_UNREADABLE;
  const { settings, files } = prepared;
  if (xlsxPath && files.some((f) => path.resolve(io.cwd, f) === xlsxPath)) {
    io.stderr.write(`--xlsx 指向了一个要检查的文件（${rel(io.cwd, xlsxPath)}），不会覆盖它，请换一个文件名\n`);
    return EXIT_UNREADABLE;
  }

  const jobs = planJobs(files, settings, io.cwd, {
    annotate: opts.annotate !== false,
    outDir: opts.outDir,
    fix: false,
    text: false,
    fixFirst: FIX_FIRST_LIMIT,
    payload: 'report',
  });
  // Each file's result is folded into the summary as it arrives and then dropped: memory stays bounded.
  const builder = new SummaryBuilder(DETAIL_LIMIT);
  let done = 0;
  let failures = 0;
  const { stopped } = await runBatch(jobs, io, { ...opts, workers: prepared.workers, isolate: true }, (o) => {
    if (o.part) builder.addPart(o.part);
    else builder.add(o.result);
    done++;
    for (const e of o.errors) io.stderr.write(e + '\n');
    if (o.failed) failures++;
  });
  if (stopped) {
    io.stderr.write(`已中止：${done}/${files.length} 个文件已检查，未生成报告。\n`);
    return EXIT_INTERRUPTED;
  }

  const summary = builder.finish();
  const htmlDir = path.dirname(htmlPath);
  // Loaded here so that other commands never pay for ECharts.
  const { buildCharts } = await import('./charts');
  const html = renderHtml(summary, buildCharts(summary), {
    inputs,
    linkFor: (annotated) => (annotated ? relativeUrl(htmlDir, path.resolve(io.cwd, annotated)) : null),
  });
  const written: string[] = [];
  try {
    await writeAtomic(htmlPath, Buffer.from(html, 'utf8'));
    written.push(`已生成审核报告：${rel(io.cwd, htmlPath)}`);
    if (xlsxPath) {
      await writeAtomic(xlsxPath, await renderXlsx(summary));
      written.push(`已生成汇总表：${rel(io.cwd, xlsxPath)}`);
    }
  } catch (err) {
    io.stderr.write(`无法写入报告：${writeFailure(err)}\n`);
    return EXIT_UNREADABLE;
  }

  const total: Record<Severity, number> = summary.totals.severity;
  if (json) {
    io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    for (const w of written) io.stderr.write(w + '\n');
  } else {
    const t = summary.totals;
    io.stdout.write(
      [
        `${t.workbooks} 个文件（${t.unreadable} 个无法读取），${t.units} 个单位，${countsText(t.tables, total)}；平均得分 ${t.meanScore ?? '—'}`,
        ...written,
      ].join('\n') + '\n',
    );
  }
  if (failures) return EXIT_UNREADABLE;
  return total.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
