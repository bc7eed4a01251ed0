/** `jixiao overview <file> [--format text|markdown|xlsx]`. */
import * as path from 'path';
import { parseWorkbook } from '../core/parse';
import { compareOverview, generateOverview, overviewToMarkdown, overviewToText } from '../core/overview';
import { overviewIntoBuffer } from '../hosts/file/insert';
import { readFileBytes } from '../hosts/file/node';
import { FileReadError, readGridsFromBuffer } from '../hosts/file/read';
import type { CliIO } from './io';
import { writeNewFile } from './template';
import { promises as fs } from 'fs';

export interface OverviewCliOptions {
  format?: string;
  out?: string;
}

export async function runOverview(file: string, opts: OverviewCliOptions, io: CliIO): Promise<number> {
  const format = opts.format ?? 'text';
  if (!['text', 'markdown', 'xlsx'].includes(format)) {
    io.stderr.write(`--format 的值“${format}”无效，可选值：text、markdown、xlsx\n`);
    return 2;
  }
  try {
    const bytes = await readFileBytes(path.resolve(io.cwd, file));
    const parsed = parseWorkbook(await readGridsFromBuffer(bytes));
    if (parsed.tables.length === 0) {
      io.stderr.write('没有找到项目支出绩效目标表，无法生成部门整体绩效目标\n');
      return 2;
    }
    const doc = generateOverview(parsed);
    const diffs = compareOverview(parsed);
    const report = diffs.length
      ? ['', `与工作簿中已有的部门整体绩效目标（工作表“${parsed.overview!.sheet}”）比较，发现 ${diffs.length} 处差异：`, ...diffs.map((d, i) => `${i + 1}. ${d.message}`)]
      : [];
    if (format === 'xlsx') {
      const { buffer, sheet } = await overviewIntoBuffer(bytes, doc);
      let target = opts.out ? path.resolve(io.cwd, opts.out) : '';
      if (!target) {
        const base = path.resolve(io.cwd, file).replace(/\.xlsx$/i, '');
        for (let i = 1; ; i++) {
          target = `${base}${i > 1 ? `(${i})` : ''}.部门整体绩效目标.xlsx`;
          if (!(await fs.stat(target).then(() => true, () => false))) break;
        }
      }
      if (!(await writeNewFile(target, file, io.cwd, buffer, io))) return 2;
      io.stdout.write(`已生成：${path.relative(io.cwd, target) || target}（新增工作表“${sheet}”，原文件未改动）\n`);
      io.stdout.write(`共 ${doc.projectCount} 个项目，预算资金合计 ${doc.totalBudget.toFixed(2)} 万元，分为 ${doc.areas.length} 个工作领域。\n`);
    } else {
      io.stdout.write(format === 'markdown' ? overviewToMarkdown(doc) : overviewToText(doc, true));
    }
    for (const line of report) io.stdout.write(line + '\n');
    return 0;
  } catch (err) {
    io.stderr.write(`无法生成部门整体绩效目标：${err instanceof FileReadError ? err.message : (err as Error).message}\n`);
    return 2;
  }
}
