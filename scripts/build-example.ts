/**
 * Builds examples/曹妃甸区委组织部2025绩效目标.xlsx from the Word-export seed text.
 *
 * Usage: npm run build:example [-- <seed.txt> [<out.xlsx>]]
 *
 * Seed format: every table cell is a line starting with a tab; a line without the tab directly after a
 * cell continues that cell (a second paragraph); empty lines usually end a row, but a cell ending with an
 * empty paragraph also yields one, so rows are recovered from the labels and by counting cells.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

export interface SeedIndicator {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value: string;
  basis: string;
}

export interface SeedTable {
  /** 1-based number from the seed ("9." prefix). */
  no: number;
  /** Title without the "N." prefix. */
  title: string;
  unitName: string;
  moneyUnitLabel: string;
  codeLabel: string;
  projectCode: string;
  nameLabel: string;
  projectName: string;
  budgetLabel: string;
  budget: string;
  fiscalLabel: string;
  fiscal: string;
  otherLabel: string;
  other: string;
  fundUse: string;
  scheduleLabels: string[];
  /** Schedule values as in the seed ("25%"), '' for blanks. */
  schedule: string[];
  goal: string;
  header: string[];
  indicators: SeedIndicator[];
}

export interface SeedArea {
  title: string;
  goal: string;
  indicators: string;
}

export interface SeedOverview {
  heading: string;
  overallHeading: string;
  overall: string;
  areasHeading: string;
  areas: SeedArea[];
  measuresHeading: string;
  measures: string[];
}

export interface Seed {
  overview: SeedOverview;
  tables: SeedTable[];
}

const BOOKMARK = /^\[bookmark: [^\]]*\]/;
const TABLE_TITLE = /^\[bookmark: [^\]]*\](\d+)\.(.+)$/;

export const DEFAULT_SEED = path.resolve(__dirname, '..', '..', 'shared', 'seed', '000_be74cdc42a064fe4.txt');
export const DEFAULT_OUT = path.resolve(__dirname, '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

export function parseSeed(text: string): Seed {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const partTwo = lines.findIndex((l) => l.trim() === '第二部分');
  if (partTwo < 0) throw new Error('种子文件中找不到“第二部分”');
  const overview = parseOverview(lines.slice(0, partTwo));

  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (i > partTwo && TABLE_TITLE.test(l)) starts.push(i);
  });
  const tables = starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
    const m = TABLE_TITLE.exec(lines[start])!;
    return parseTable(Number(m[1]), m[2].trim(), lines.slice(start + 1, end));
  });
  return { overview, tables };
}

function parseOverview(lines: string[]): SeedOverview {
  const paras = lines.map((l) => l.replace(BOOKMARK, '').trim()).filter((l) => l !== '');
  const at = (label: string): number => {
    const i = paras.findIndex((p) => p === label);
    if (i < 0) throw new Error(`种子文件中找不到“${label}”`);
    return i;
  };
  const heading = paras[at('部门整体绩效目标')];
  const i1 = at('一、总体绩效目标');
  const i2 = at('二、分项绩效目标');
  const i3 = at('三、工作保障措施');
  const areas: SeedArea[] = [];
  for (const p of paras.slice(i2 + 1, i3)) {
    if (/^（[一二三四五六七八九十]+）/.test(p)) areas.push({ title: p, goal: '', indicators: '' });
    else if (p.startsWith('绩效目标：') && areas.length) areas[areas.length - 1].goal = p;
    else if (p.startsWith('绩效指标：') && areas.length) areas[areas.length - 1].indicators = p;
  }
  return {
    heading,
    overallHeading: paras[i1],
    overall: paras.slice(i1 + 1, i2).join('\n'),
    areasHeading: paras[i2],
    areas,
    measuresHeading: paras[i3],
    measures: paras.slice(i3 + 1).filter((p) => /^（[一二三四五六七八九十]+）/.test(p)),
  };
}

/** Tab lines become cells; an untabbed line right after a cell is that cell's next paragraph. */
function tokenize(lines: string[]): string[] {
  const cells: string[] = [];
  let afterCell = false;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      // A trailing tab is an export artefact, not content.
      cells.push(line.slice(1).replace(/\t+$/, ''));
      afterCell = true;
    } else if (line.trim() === '') {
      afterCell = false;
    } else if (afterCell) {
      cells[cells.length - 1] += '\n' + line.replace(/\t+$/, '');
    }
  }
  return cells.map((c) => (c.trim() === '' ? '' : c));
}

function parseTable(no: number, rawTitle: string, body: string[]): SeedTable {
  const cells = tokenize(body);
  let i = 0;
  const where = `第 ${no} 张表`;
  const take = (): string => {
    if (i >= cells.length) throw new Error(`${where}意外结束`);
    return cells[i++];
  };
  const expect = (label: string | RegExp): string => {
    const c = take();
    const ok = typeof label === 'string' ? c === label : label.test(c);
    if (!ok) throw new Error(`${where}：期望“${String(label)}”，实际为“${c}”`);
    return c;
  };
  const seek = (label: string): string[] => {
    const skipped: string[] = [];
    while (i < cells.length && cells[i] !== label) skipped.push(cells[i++]);
    if (i >= cells.length) throw new Error(`${where}：找不到“${label}”`);
    return skipped;
  };

  const unitName = take();
  const moneyUnitLabel = expect(/^单位/);
  const codeLabel = expect('项目编码');
  const projectCode = take();
  const nameLabel = expect('项目名称');
  const projectName = take();
  expect('预算规模及资金用途');
  const budgetLabel = expect('预算数');
  const budget = take();
  const fiscalLabel = expect(/财政/);
  const fiscal = take();
  const otherLabel = expect('其他资金');
  const other = take();
  const fundUse = seek('资金支出计划（%）').filter((c) => c !== '').join('\n');
  expect('资金支出计划（%）');
  const scheduleLabels = [take(), take(), take(), take()];
  expect(''); // the merged label column under 资金支出计划
  const schedule = [take(), take(), take(), take()];
  expect('绩效目标');
  const goal = take();
  const header = [take(), take(), take(), take(), take(), take()];
  if (header[0] !== '一级指标') throw new Error(`${where}：指标表头不正确（${header.join('|')}）`);

  const rest = cells.slice(i);
  const indicators: SeedIndicator[] = [];
  for (let k = 0; k < rest.length; k += 6) {
    const r = rest.slice(k, k + 6);
    while (r.length < 6) r.push('');
    indicators.push({ level1: r[0], level2: r[1], level3: r[2], description: r[3], value: r[4], basis: r[5] });
  }
  return {
    no,
    title: rawTitle,
    unitName,
    moneyUnitLabel,
    codeLabel,
    projectCode,
    nameLabel,
    projectName,
    budgetLabel,
    budget,
    fiscalLabel,
    fiscal,
    otherLabel,
    other,
    fundUse,
    scheduleLabels,
    schedule,
    goal,
    header,
    indicators,
  };
}

// ---------------------------------------------------------------------------------------------
// Workbook

const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const COLUMN_WIDTHS = [14, 16, 24, 30, 12, 14, 14];
const LINE_HEIGHT = 14;
const PAGE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
};

/** Rough line count of wrapped text in a box `width` characters wide (CJK glyphs count double). */
function estimateLines(text: string, width: number): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let units = 0;
    for (const ch of para) units += ch.charCodeAt(0) > 0xff ? 2 : 1;
    // Renderers fit a little less than the nominal width; 0.85 keeps text from being clipped.
    lines += Math.max(1, Math.ceil(units / Math.max(1, width * 0.85)));
  }
  return lines;
}

function fitRow(ws: ExcelJS.Worksheet, row: number, parts: { text: string; width: number }[], min = 1): void {
  const lines = Math.max(min, ...parts.map((p) => estimateLines(p.text, p.width)));
  ws.getRow(row).height = Math.max(18, lines * LINE_HEIGHT + 4);
}

const widthOf = (from: number, to: number): number =>
  COLUMN_WIDTHS.slice(from - 1, to).reduce((a, b) => a + b, 0);

function percentNumber(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  return m ? Number(m[1]) / 100 : undefined;
}

function money(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

function addOverviewSheet(wb: ExcelJS.Workbook, o: SeedOverview): void {
  const ws = wb.addWorksheet('部门整体绩效目标', { pageSetup: PAGE });
  ws.columns = Array.from({ length: 8 }, () => ({ width: 11 }));
  const width = 8 * 11;
  const put = (row: number, text: string, bold = false, size = 10.5): void => {
    ws.mergeCells(row, 1, row, 8);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...FONT, bold, size };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: row === 1 ? 'center' : 'left' };
    fitRow(ws, row, [{ text, width: size > 10.5 ? width * 0.7 : width }]);
  };
  let r = 1;
  put(r++, o.heading, true, 16);
  put(r++, o.overallHeading, true);
  put(r++, o.overall);
  put(r++, o.areasHeading, true);
  for (const a of o.areas) {
    put(r++, a.title, true);
    put(r++, a.goal);
    put(r++, a.indicators);
  }
  put(r++, o.measuresHeading, true);
  for (const m of o.measures) put(r++, m);
}

/** Writes one table at 1-based row `r`; returns the last row used. */
function writeTable(ws: ExcelJS.Worksheet, t: SeedTable, r: number): number {
  const cell = (row: number, col: number): ExcelJS.Cell => ws.getCell(row, col);
  const set = (row: number, col: number, value: ExcelJS.CellValue, numFmt?: string): void => {
    const c = cell(row, col);
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
  };
  const merge = (r1: number, c1: number, r2: number, c2: number): void => {
    if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1, c1, r2, c2);
  };

  // Title
  merge(r, 1, r, 7);
  set(r, 1, t.title);
  ws.getRow(r).height = 24;
  // Unit line
  merge(r + 1, 1, r + 1, 4);
  set(r + 1, 1, t.unitName);
  merge(r + 1, 6, r + 1, 7);
  set(r + 1, 6, t.moneyUnitLabel);
  // Code and name
  set(r + 2, 1, t.codeLabel);
  merge(r + 2, 2, r + 2, 3);
  set(r + 2, 2, t.projectCode);
  set(r + 2, 4, t.nameLabel);
  merge(r + 2, 5, r + 2, 7);
  set(r + 2, 5, t.projectName);
  fitRow(ws, r + 2, [{ text: t.projectName, width: widthOf(5, 7) }]);
  // Budget and use of funds
  merge(r + 3, 1, r + 4, 1);
  set(r + 3, 1, '预算规模及资金用途');
  set(r + 3, 2, t.budgetLabel);
  set(r + 3, 3, money(t.budget), '0.00');
  set(r + 3, 4, t.fiscalLabel);
  set(r + 3, 5, money(t.fiscal), '0.00');
  set(r + 3, 6, t.otherLabel);
  if (t.other !== '') set(r + 3, 7, money(t.other), '0.00');
  ws.getRow(r + 3).height = 30;
  merge(r + 4, 2, r + 4, 7);
  set(r + 4, 2, t.fundUse);
  fitRow(ws, r + 4, [{ text: t.fundUse, width: widthOf(2, 7) }], 2);
  // Schedule: numbers formatted as % in odd tables, text in even ones (both occur in real sheets).
  merge(r + 5, 1, r + 6, 1);
  set(r + 5, 1, '资金支出计划（%）');
  t.scheduleLabels.forEach((label, k) => set(r + 5, 2 + k, label));
  t.schedule.forEach((v, k) => {
    if (v === '') return;
    const n = percentNumber(v);
    if (t.no % 2 === 1 && n !== undefined) set(r + 6, 2 + k, n, '0%');
    else set(r + 6, 2 + k, v);
  });
  // Goal
  set(r + 7, 1, '绩效目标');
  merge(r + 7, 2, r + 7, 7);
  set(r + 7, 2, t.goal);
  fitRow(ws, r + 7, [{ text: t.goal, width: widthOf(2, 7) }], 2);
  // Indicator header
  const h = r + 8;
  t.header.forEach((label, k) => set(h, 1 + k, label));
  merge(h, 6, h, 7);
  for (let c = 1; c <= 7; c++) {
    cell(h, c).font = { ...FONT, bold: true };
    cell(h, c).fill = HEADER_FILL;
  }
  // Indicators; 一级 merged over its group (the seed leaves continuation rows blank).
  let groupStart = h + 1;
  t.indicators.forEach((ind, k) => {
    const row = h + 1 + k;
    if (k > 0 && ind.level1 !== '') {
      merge(groupStart, 1, row - 1, 1);
      groupStart = row;
    }
    if (ind.level1 !== '') set(row, 1, ind.level1);
    set(row, 2, ind.level2);
    set(row, 3, ind.level3);
    set(row, 4, ind.description);
    if (ind.value !== '') set(row, 5, ind.value);
    merge(row, 6, row, 7);
    if (ind.basis !== '') set(row, 6, ind.basis);
    fitRow(ws, row, [
      { text: ind.level3, width: widthOf(3, 3) },
      { text: ind.description, width: widthOf(4, 4) },
      { text: ind.basis, width: widthOf(6, 7) },
    ]);
  });
  const last = h + t.indicators.length;
  merge(groupStart, 1, last, 1);

  // Shared look: 宋体 10.5, thin borders, wrap, vertical centre.
  for (let row = r; row <= last; row++) {
    for (let col = 1; col <= 7; col++) {
      const c = cell(row, col);
      if (row === r) {
        c.font = { ...FONT, bold: true, size: 14 };
        c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        continue;
      }
      if (row === r + 1) {
        c.font = { ...FONT };
        c.alignment = { horizontal: col >= 6 ? 'right' : 'left', vertical: 'middle', wrapText: true };
        continue;
      }
      if (row !== h) c.font = { ...FONT };
      c.border = THIN;
      const centred = row === h || row === r + 5 || row === r + 6 || (row > h && col <= 2);
      c.alignment = { vertical: 'middle', wrapText: true, ...(centred ? { horizontal: 'center' } : {}) };
    }
  }
  return last;
}

export function buildWorkbook(seed: Seed): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效目标表助手';
  // Fixed dates keep the generated file reproducible.
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = new Date(Date.UTC(2025, 0, 1));
  addOverviewSheet(wb, seed.overview);
  const ws = wb.addWorksheet('项目支出绩效目标表', { pageSetup: PAGE });
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  let r = 1;
  for (const t of seed.tables) r = writeTable(ws, t, r) + 3;
  return wb;
}

/** Re-zips with fixed entry dates so rebuilding from the same seed gives the same bytes. */
async function withFixedZipDates(bytes: Uint8Array): Promise<Uint8Array> {
  // jszip comes with exceljs; it is only needed here, at build time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as {
    loadAsync(data: Uint8Array): Promise<{ files: Record<string, { dir: boolean; async(t: 'uint8array'): Promise<Uint8Array> }> }>;
    new (): {
      file(name: string, data: Uint8Array, opts: { date: Date; createFolders: boolean }): void;
      generateAsync(opts: { type: 'uint8array'; compression: 'DEFLATE' }): Promise<Uint8Array>;
    };
  };
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const date = new Date(Date.UTC(2025, 0, 1));
  for (const [name, entry] of Object.entries(src.files)) {
    if (!entry.dir) out.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function buildExample(seedPath = DEFAULT_SEED, outPath = DEFAULT_OUT): Promise<Seed> {
  const seed = parseSeed(fs.readFileSync(seedPath, 'utf8'));
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const raw = await buildWorkbook(seed).xlsx.writeBuffer();
  fs.writeFileSync(outPath, await withFixedZipDates(new Uint8Array(raw as ArrayBuffer)));
  return seed;
}

if (require.main === module) {
  const [seedArg, outArg] = process.argv.slice(2);
  buildExample(seedArg ? path.resolve(seedArg) : DEFAULT_SEED, outArg ? path.resolve(outArg) : DEFAULT_OUT)
    .then((seed) => {
      const rows = seed.tables.reduce((n, t) => n + t.indicators.length, 0);
      console.log(`已生成 ${outArg ?? DEFAULT_OUT}：${seed.tables.length} 张表，${rows} 行指标`);
    })
    .catch((err: Error) => {
      console.error(`生成示例工作簿失败：${err.message}`);
      process.exitCode = 1;
    });
}
