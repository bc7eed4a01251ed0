/** `jixiao template list|show|insert`. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { detectFramework, FRAMEWORKS, hasCostLevel1, resolveFrameworkId, type FrameworkKey } from '../core/frameworks';

/** Templates are laid out in the two 财政部 目标表 sets: 成本 as a 一级 (101号) or under 产出 (88号). */
function templateFramework(key: FrameworkKey): FrameworkKey {
  return hasCostLevel1(FRAMEWORKS[key]) ? 'caiyu101' : 'caiyu88';
}
import { parseA1 } from '../core/grid';
import { parseWorkbook } from '../core/parse';
import { TEMPLATES, findTemplate, renderTemplate } from '../core/templates';
import { renderTemplateMarkdown } from '../core/templates/docs';
import { planForCell } from '../core/templates/plan';
import { insertPlanIntoBuffer } from '../hosts/file/insert';
import { readFileBytes } from '../hosts/file/node';
import { FileReadError, readGridsFromBuffer } from '../hosts/file/read';
import type { CliIO } from './io';

export const EXIT_OK = 0;
export const EXIT_BAD = 2;

export interface TemplateOptions {
  kind?: string;
  at?: string;
  framework?: string;
  year?: string;
  budget?: string;
  name?: string;
  out?: string;
}

function unknownKind(kind: string | undefined, io: CliIO): number {
  io.stderr.write(`${kind ? `没有名为“${kind}”的模板` : '请用 --kind 指定模板'}。可用模板：${TEMPLATES.map((t) => `${t.id}（${t.title}）`).join('、')}\n`);
  return EXIT_BAD;
}

function frameworkOf(value: string | undefined, io: CliIO): FrameworkKey | undefined | null {
  if (value === undefined) return 'caiyu88';
  const key = resolveFrameworkId(value);
  // Templates are written in the two 财政部 styles only.
  if (key === 'caiyu88' || key === 'caiyu101') return key;
  io.stderr.write(`--framework 的值“${value}”无效，可选值：caiyu88（财预〔2015〕88号，旧名 hebei88）、caiyu101（财预〔2021〕101号）\n`);
  return null;
}

export function runTemplateList(io: CliIO): number {
  io.stdout.write(`共 ${TEMPLATES.length} 类标准指标模板（用 jixiao template show <编号> 查看指标）：\n`);
  for (const t of TEMPLATES) io.stdout.write(`  ${t.id.padEnd(22)}${t.title}：${t.scope}\n`);
  return EXIT_OK;
}

export function runTemplateShow(kind: string, opts: TemplateOptions, io: CliIO): number {
  const t = findTemplate(kind);
  if (!t) return unknownKind(kind, io);
  const year = opts.year ? Number(opts.year) : new Date().getFullYear();
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    io.stderr.write(`--year 的值“${opts.year}”无效，请写四位年份，如 2025\n`);
    return EXIT_BAD;
  }
  io.stdout.write(renderTemplateMarkdown(t, year) + '\n');
  return EXIT_OK;
}

/** "<名>.已插入模板.xlsx" next to the input (or --out); never the input, never an existing file. */
async function freshPath(input: string, suffix: string, cwd: string, out?: string): Promise<string> {
  if (out) return path.resolve(cwd, out);
  const abs = path.resolve(cwd, input);
  const base = abs.replace(/\.xlsx$/i, '');
  for (let i = 1; ; i++) {
    const candidate = `${base}${i > 1 ? `(${i})` : ''}${suffix}`;
    const exists = await fs.stat(candidate).then(() => true, () => false);
    if (!exists) return candidate;
  }
}

export async function writeNewFile(target: string, input: string, cwd: string, bytes: Uint8Array, io: CliIO): Promise<boolean> {
  if (path.resolve(cwd, input) === target) {
    io.stderr.write('输出文件不能与原文件相同：原文件不会被改动，请换一个 --out\n');
    return false;
  }
  try {
    await fs.writeFile(target, bytes, { flag: 'wx' });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr.write(code === 'EEXIST' ? `文件 ${target} 已存在，不会覆盖：请换一个 --out\n` : `无法写入 ${target}（${(err as Error).message}）\n`);
    return false;
  }
}

export async function runTemplateInsert(file: string, opts: TemplateOptions, io: CliIO): Promise<number> {
  const t = opts.kind ? findTemplate(opts.kind) : undefined;
  if (!t) return unknownKind(opts.kind, io);
  const framework = frameworkOf(opts.framework, io);
  if (framework === null) return EXIT_BAD;
  const m = /^(?:'?(.+?)'?!)?(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(opts.at ?? '');
  const cell = m ? parseA1(m[2]) : undefined;
  if (!m || !cell) {
    io.stderr.write('请用 --at 指定插入位置，如 --at 项目支出绩效目标表!A500\n');
    return EXIT_BAD;
  }
  const budget = opts.budget !== undefined ? Number(opts.budget) : undefined;
  if (budget !== undefined && !(budget > 0)) {
    io.stderr.write(`--budget 的值“${opts.budget}”无效，请写预算数（万元），如 20 或 85.5\n`);
    return EXIT_BAD;
  }
  const year = opts.year ? Number(opts.year) : new Date().getFullYear();
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(path.resolve(io.cwd, file));
    const grids = await readGridsFromBuffer(bytes);
    const sheet = m[1] ?? grids[0]?.sheetName;
    if (!sheet || !grids.some((g) => g.sheetName === sheet)) {
      io.stderr.write(`找不到工作表“${sheet ?? ''}”。工作表：${grids.map((g) => g.sheetName).join('、')}\n`);
      return EXIT_BAD;
    }
    const parsed = parseWorkbook(grids);
    const plan = planForCell(
      parsed.tables,
      (b, table) =>
        renderTemplate(t, {
          // Completing a table follows its own layout; a new table uses --framework.
          framework: table ? templateFramework(detectFramework(table)) : framework ?? 'caiyu88',
          year,
          budget: b,
          projectName: table ? undefined : opts.name,
        }),
      { sheet, row: cell.row, col: cell.col },
      { budget },
    );
    const out = await insertPlanIntoBuffer(bytes, plan);
    const target = await freshPath(file, '.已插入模板.xlsx', io.cwd, opts.out);
    if (!(await writeNewFile(target, file, io.cwd, out, io))) return EXIT_BAD;
    for (const line of plan.preview) io.stdout.write(line + '\n');
    io.stdout.write(`已生成：${path.relative(io.cwd, target) || target}（原文件未改动）\n`);
    return EXIT_OK;
  } catch (err) {
    io.stderr.write(`无法插入模板：${err instanceof FileReadError ? err.message : (err as Error).message}\n`);
    return EXIT_BAD;
  }
}
