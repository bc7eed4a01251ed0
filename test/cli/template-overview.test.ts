import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { type Grid, textAt } from '../../src/core/grid';
import { parseWorkbook } from '../../src/core/parse';
import { TEMPLATES } from '../../src/core/templates';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { EXAMPLE, tmpDir } from '../fixtures/files';

jest.setTimeout(120_000);

async function run(cwd: string, ...args: string[]) {
  const io = memoryIO(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

function withExample(): string {
  const dir = tmpDir();
  fs.copyFileSync(EXAMPLE, path.join(dir, '示例.xlsx'));
  return dir;
}

function cellMap(grids: Grid[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const g of grids) {
    const o = g.origin ?? { row: 0, col: 0 };
    g.cells.forEach((r, i) => r?.forEach((_, c) => {
      const t = textAt(g, i, c);
      if (t) m.set(`${g.sheetName}!${i + o.row}:${c + o.col}`, t);
    }));
  }
  return m;
}

describe('jixiao template', () => {
  it('lists and shows templates', async () => {
    const dir = tmpDir();
    const list = await run(dir, 'template', 'list');
    expect(list.code).toBe(0);
    for (const t of TEMPLATES) expect(list.out).toContain(t.id);
    const show = await run(dir, 'template', 'show', '会议', '--year', '2026');
    expect(show.code).toBe(0);
    expect(show.out).toContain('### 会议（meeting）');
    expect(show.out).toContain('2026年度会议计划');
    const bad = await run(dir, 'template', 'show', '不存在');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('没有名为“不存在”的模板');
  });

  it('inserts a new table into a copy; the input is unchanged and every existing value is kept (shifted)', async () => {
    const dir = withExample();
    const input = path.join(dir, '示例.xlsx');
    const before = fs.readFileSync(input);
    const oldGrids = await readGridsFromFile(input);
    const at = 470; // 1-based row 470: below table 23, content below shifts down
    const r = await run(dir, 'template', 'insert', '示例.xlsx', '--kind', 'meeting', '--at', `项目支出绩效目标表!A${at}`, '--budget', '20', '--name', '2025年度全区工作会议经费');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成：示例.已插入模板.xlsx（原文件未改动）');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const newGrids = await readGridsFromFile(path.join(dir, '示例.已插入模板.xlsx'));
    const height = Number(/共 (\d+) 行/.exec(r.out)![1]) + 1;
    const oldCells = cellMap(oldGrids);
    const newCells = cellMap(newGrids);
    for (const [key, text] of oldCells) {
      const [sheet, pos] = key.split('!');
      const [row, col] = pos.split(':').map(Number);
      const moved = sheet === '项目支出绩效目标表' && row >= at - 1 ? row + height : row;
      expect([key, newCells.get(`${sheet}!${moved}:${col}`)]).toEqual([key, text]);
    }
    const parsed = parseWorkbook(newGrids);
    expect(parsed.tables).toHaveLength(25);
    expect(parsed.tables.map((t) => t.projectName?.text)).toContain('2025年度全区工作会议经费');
    // A second insertion never overwrites the first copy.
    const again = await run(dir, 'template', 'insert', '示例.xlsx', '--kind', 'meeting', '--at', 'A1');
    expect(again.out).toContain('示例(2).已插入模板.xlsx');
  });

  it('inside an existing table it completes the indicators', async () => {
    const dir = withExample();
    const r = await run(dir, 'template', 'insert', '示例.xlsx', '--kind', 'village-assistance', '--at', '项目支出绩效目标表!C12');
    expect(r.code).toBe(0);
    expect(r.out).toContain('为“2024年驻村工作队结转经费”补充“驻村帮扶”模板');
    const parsed = parseWorkbook(await readGridsFromFile(path.join(dir, '示例.已插入模板.xlsx')));
    expect(parsed.tables).toHaveLength(24);
    expect(parsed.tables[0].indicators.map((x) => x.level3.text)).toContain('保障驻村干部人数');
  });

  it('refuses bad arguments in zh-CN', async () => {
    const dir = withExample();
    expect((await run(dir, 'template', 'insert', '示例.xlsx', '--kind', 'x', '--at', 'A1')).err).toContain('没有名为“x”的模板');
    expect((await run(dir, 'template', 'insert', '示例.xlsx', '--kind', 'meeting', '--at', '第一行')).err).toContain('请用 --at 指定插入位置');
    expect((await run(dir, 'template', 'insert', '示例.xlsx', '--kind', 'meeting', '--at', '无此表!A1')).err).toContain('找不到工作表“无此表”');
    expect((await run(dir, 'template', 'insert', '无此文件.xlsx', '--kind', 'meeting', '--at', 'A1')).code).toBe(2);
  });
});

describe('jixiao overview', () => {
  it('prints the section with sources and the comparison', async () => {
    const dir = withExample();
    const r = await run(dir, 'overview', '示例.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('一、总体绩效目标');
    expect(r.out).toContain('预算资金合计3777.20万元');
    expect(r.out).toContain('〔来源〕3777.20 ← 项目支出绩效目标表!C4+');
    expect(r.out).toContain('与工作簿中已有的部门整体绩效目标');
    const md = await run(dir, 'overview', '示例.xlsx', '--format', 'markdown');
    expect(md.out).toMatch(/^# 2025年/);
  });

  it('writes a copy with a new, suffixed sheet; the existing sheets are unchanged', async () => {
    const dir = withExample();
    const r = await run(dir, 'overview', '示例.xlsx', '--format', 'xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('新增工作表“部门整体绩效目标(2)”');
    const oldGrids = await readGridsFromFile(path.join(dir, '示例.xlsx'));
    const newGrids = await readGridsFromFile(path.join(dir, '示例.部门整体绩效目标.xlsx'));
    expect(newGrids.map((g) => g.sheetName)).toEqual([...oldGrids.map((g) => g.sheetName), '部门整体绩效目标(2)']);
    const oldCells = cellMap(oldGrids);
    const newCells = cellMap(newGrids);
    for (const [key, text] of oldCells) expect(newCells.get(key)).toBe(text);
    const sheet = newGrids[newGrids.length - 1];
    expect(textAt(sheet, 0, 0)).toBe('2025年中共曹妃甸区委组织部部门整体绩效目标');
    expect(sheet.cells.some((row) => row?.some((c) => String(c?.value ?? '').includes('预算资金合计3777.20万元')))).toBe(true);
    expect((await run(dir, 'overview', '示例.xlsx', '--format', 'pdf')).err).toContain('--format 的值“pdf”无效');
  });
});
