import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli';
import { memoryIO } from '../../src/cli/io';
import { ALL_RULES } from '../../src/core/rules';
import { readGridsFromFile } from '../../src/hosts/file/node';
import { EXAMPLE, type BadFiles, tmpDir, writeBadFiles } from '../fixtures/files';

jest.setTimeout(60_000);

const NAME = '曹妃甸区委组织部2025绩效目标';

async function run(cwd: string, ...args: string[]) {
  const io = memoryIO(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

function withExample(): string {
  const dir = tmpDir();
  fs.copyFileSync(EXAMPLE, path.join(dir, `${NAME}.xlsx`));
  return dir;
}

interface JsonReport {
  files: {
    file: string;
    tables: { id: string; sheet: string; projectName: string | null; projectCode: string | null; budget: unknown; address: string }[];
    findings: { severity: string; ref: { sheet: string; address: string } }[];
    notes: { message: string }[];
    annotated: string | null;
    changes?: { ref: { sheet: string; row: number; col: number; address: string }; from: string; to: string }[];
    error?: { code: string; message: string };
  }[];
  summary: { error: number; warning: number; info: number };
}

describe('jixiao check on the example workbook', () => {
  it('prints tables and a total, writes the annotated copy, exit code follows errors', async () => {
    const dir = withExample();
    const { code, out } = await run(dir, 'check', `${NAME}.xlsx`);
    expect(out).toMatch(/^【表 1】2024年驻村工作队结转经费 项目编码 13020925P00155810003E 预算 39\.00 万元 — 项目支出绩效目标表!A1$/m);
    expect(out).toMatch(/总计：共 24 张表，错误 (\d+) 个，警告 \d+ 个，提示 \d+ 个/);
    const errors = Number(/错误 (\d+) 个/.exec(out.split('总计')[1])![1]);
    expect(code).toBe(errors > 0 ? 1 : 0);
    expect(fs.existsSync(path.join(dir, `${NAME}.已校验.xlsx`))).toBe(true);
    expect(out).toContain(`已生成标注副本：${NAME}.已校验.xlsx`);
    // One finding per line, even when a message quotes a multi-line goal.
    const shapes = /^(|检查 .*|【.*|先改这些（按轻重排列，共 \d+ 项）：|  \d+\. 【(错误|警告|提示)】[^a-z]*|  【(错误|警告|提示)】\S+![A-Z]+\d+ [^a-z]*|      · [A-Z]+\d+ [^a-z]*|      (  )?建议修改：.*|  说明：.*|  未发现问题|  小计：错误 \d+，警告 \d+，提示 \d+；按评审标准：完整性 \d+ · 相关性 \d+ · 适当性 \d+ · 可行性 \d+|小结：.*|已生成标注副本：.*|总计：.*)$/;
    for (const line of out.split('\n')) expect([line, shapes.test(line)]).toEqual([line, true]);
    // Each table with findings ends with its tally, as a reviewer grades it.
    expect(out.match(/^  小计：/gm)).toHaveLength(24);
  });

  it('--format json prints one JSON document and nothing else', async () => {
    const dir = withExample();
    const { code, out } = await run(dir, 'check', `${NAME}.xlsx`, '--format', 'json');
    const report = JSON.parse(out) as JsonReport;
    expect(report.files).toHaveLength(1);
    const f = report.files[0];
    expect(f.file).toBe(`${NAME}.xlsx`);
    expect(f.tables).toHaveLength(24);
    expect(f.tables[2]).toMatchObject({
      sheet: '项目支出绩效目标表',
      projectName: '村级服务群众专项经费（村队）',
      projectCode: '13020925P000120100026',
      budget: 470,
    });
    expect(f.annotated).toBe(`${NAME}.已校验.xlsx`);
    expect(report.summary.error).toBe(f.findings.filter((x) => x.severity === 'error').length);
    expect(code).toBe(report.summary.error > 0 ? 1 : 0);
  });

  it('--no-annotate writes nothing; --out-dir puts the copy elsewhere', async () => {
    const dir = withExample();
    await run(dir, 'check', `${NAME}.xlsx`, '--no-annotate');
    expect(fs.readdirSync(dir)).toEqual([`${NAME}.xlsx`]);
    await run(dir, 'check', `${NAME}.xlsx`, '--out-dir', 'out/已校验');
    expect(fs.existsSync(path.join(dir, 'out', '已校验', `${NAME}.已校验.xlsx`))).toBe(true);
  });

  it('a copy that cannot be written is reported (exit 2) after the report', async () => {
    const dir = withExample();
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const { code, out, err } = await run(dir, 'check', `${NAME}.xlsx`, '--out-dir', 'blocker/sub');
    expect(code).toBe(2);
    expect(out).toContain('【表 24】');
    expect(err).toContain('无法写入标注副本');
    expect(err).toContain('目标目录不存在或无法创建');
  });

  it('--fix changes only the copy, and only the listed cells', async () => {
    const dir = withExample();
    const original = fs.readFileSync(path.join(dir, `${NAME}.xlsx`));
    const { out } = await run(dir, 'check', `${NAME}.xlsx`, '--fix', '--format', 'json');
    const f = (JSON.parse(out) as JsonReport).files[0];
    expect(fs.readFileSync(path.join(dir, `${NAME}.xlsx`))).toEqual(original);
    const before = await readGridsFromFile(path.join(dir, `${NAME}.xlsx`));
    const after = await readGridsFromFile(path.join(dir, f.annotated!));
    const changed = new Set((f.changes ?? []).map((c) => `${c.ref.sheet}!${c.ref.row},${c.ref.col}`));
    for (const g of before) {
      const h = after.find((x) => x.sheetName === g.sheetName)!;
      g.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const key = `${g.sheetName}!${r},${c}`;
          if (changed.has(key)) return;
          expect([key, h.cells[r]?.[c]?.value]).toEqual([key, cell?.value]);
        }),
      );
    }
    for (const c of f.changes ?? []) {
      const h = after.find((x) => x.sheetName === c.ref.sheet)!;
      expect(h.cells[c.ref.row]?.[c.ref.col]?.text ?? '').toBe(c.to);
    }
    const text = await run(dir, 'check', `${NAME}.xlsx`, '--fix');
    for (const c of f.changes ?? []) {
      expect(text.out).toContain(`已在副本中修改 ${c.ref.sheet}!${c.ref.address}：“${c.from}” → “${c.to}”`);
    }
  });

  // Guards the rules' fixes: applying them must never create new errors.
  it('a copy made with --fix has no more errors than the original', async () => {
    const dir = withExample();
    const first = JSON.parse((await run(dir, 'check', `${NAME}.xlsx`, '--fix', '--format', 'json')).out) as JsonReport;
    const again = JSON.parse((await run(dir, 'check', `${NAME}.已校验.xlsx`, '--no-annotate', '--format', 'json')).out) as JsonReport;
    expect(again.summary.error).toBeLessThanOrEqual(first.summary.error);
  });

  it('reads jixiao.config.json from the working directory; options are validated', async () => {
    const dir = withExample();
    const rules = Object.fromEntries(ALL_RULES.map((r) => [r.id, 'off']));
    fs.writeFileSync(path.join(dir, 'jixiao.config.json'), JSON.stringify({ schedule: 'per-period', rules }));
    const quiet = await run(dir, 'check', `${NAME}.xlsx`, '--format', 'json', '--no-annotate');
    expect(quiet.code).toBe(0);
    expect((JSON.parse(quiet.out) as JsonReport).summary).toEqual({ error: 0, warning: 0, info: 0 });

    // Problems inside a config file are warnings; the rest of the file still applies.
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "framework": "shanghai", "schedule": "当期" }');
    const bad = await run(dir, 'check', `${NAME}.xlsx`, '--config', 'bad.json', '--no-annotate');
    expect(bad.code).not.toBe(2);
    expect(bad.err).toContain('配置文件 bad.json：framework');
    expect(bad.err).toContain('caiyu101');

    fs.writeFileSync(path.join(dir, 'broken.json'), '{ framework: ');
    const broken = await run(dir, 'check', `${NAME}.xlsx`, '--config', 'broken.json', '--no-annotate');
    expect(broken.err).toContain('不是有效的 JSON');
    const none = await run(dir, 'check', `${NAME}.xlsx`, '--config', 'none.json');
    expect(none.code).toBe(2);
    expect(none.err).toContain('找不到配置文件 none.json');
    const sched = await run(dir, 'check', `${NAME}.xlsx`, '--schedule', 'monthly');
    expect(sched.code).toBe(2);
    expect(sched.err).toContain('--schedule 的值“monthly”无效');
    expect((await run(dir, 'check', `${NAME}.xlsx`, '--format', 'xml')).code).toBe(2);
  });
});

describe('jixiao check on bad input', () => {
  let dir: string;
  let bad: BadFiles;
  beforeAll(async () => {
    dir = tmpDir();
    bad = await writeBadFiles(dir);
  });

  it.each([
    ['missing', '文件不存在'],
    ['text', '不是 .xlsx 文件'],
    ['encrypted', '密码'],
    ['legacyXls', '旧版 .xls'],
    ['truncated', '文件已损坏无法读取（文件不完整'],
  ] as const)('%s → exit 2 naming the file and the reason', async (key, reason) => {
    const file = path.basename(bad[key]);
    const { code, err, out } = await run(dir, 'check', file);
    expect(code).toBe(2);
    expect(err).toContain(`无法读取 ${file}：`);
    expect(err).toContain(reason);
    expect(out).toContain('总计：');
  });

  it('a workbook without sheets, or with an empty sheet, is a note, not a failure', async () => {
    const none = await run(dir, 'check', path.basename(bad.noSheets), '--no-annotate');
    expect(none.code).toBe(0);
    expect(none.out).toContain('工作簿中没有工作表');
    const empty = await run(dir, 'check', path.basename(bad.emptySheet), '--no-annotate');
    expect(empty.code).toBe(0);
    expect(empty.out).toMatch(/说明：.*(未识别|没有|未.*找到)/);
    expect(empty.out).toContain('共 0 张表');
  });

  it('keeps going after an unreadable file; exit 2 wins', async () => {
    const copy = path.join(dir, 'good.xlsx');
    fs.copyFileSync(EXAMPLE, copy);
    const { code, out, err } = await run(dir, 'check', path.basename(bad.missing), 'good.xlsx', '--format', 'json');
    expect(code).toBe(2);
    const report = JSON.parse(out) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual([path.basename(bad.missing), 'good.xlsx']);
    expect(report.files[0].error).toEqual({ code: 'missing', message: '文件不存在' });
    expect(report.files[1].tables).toHaveLength(24);
    expect(err).toContain('文件不存在');
  });
});

describe('folders', () => {
  it('expand recursively to .xlsx, skipping lock files and our outputs, with progress on stderr', async () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, '材料', '子目录'), { recursive: true });
    for (const name of ['甲.xlsx', '乙.xlsx', '子目录/丙.xlsx', '子目录/丁.xlsx']) {
      fs.copyFileSync(EXAMPLE, path.join(dir, '材料', name));
    }
    fs.copyFileSync(EXAMPLE, path.join(dir, '材料', '~$甲.xlsx'));
    fs.copyFileSync(EXAMPLE, path.join(dir, '材料', '甲.已校验.xlsx'));
    fs.writeFileSync(path.join(dir, '材料', '说明.txt'), '不是表格');
    const { out, err } = await run(dir, 'check', '材料', '--format', 'json');
    const files = (JSON.parse(out) as JsonReport).files.map((f) => f.file);
    expect(files.sort()).toEqual(
      ['材料/乙.xlsx', '材料/子目录/丁.xlsx', '材料/子目录/丙.xlsx', '材料/甲.xlsx'].map((p) => path.normalize(p)).sort(),
    );
    expect(err).toContain('正在检查 1/4：');
    expect(err).toContain('正在检查 4/4：');
    // The annotated copies of this run are not picked up by the next one.
    const again = await run(dir, 'check', '材料', '--format', 'json', '--no-annotate');
    expect((JSON.parse(again.out) as JsonReport).files).toHaveLength(4);
  });

  it('an empty folder is reported', async () => {
    const { code, err } = await run(tmpDir(), 'check', '.');
    expect(code).toBe(2);
    expect(err).toContain('没有找到要检查的 .xlsx 文件');
  });
});

describe('help and usage errors', () => {
  it('help is in Chinese', async () => {
    const top = await run(process.cwd(), '--help');
    expect(top.code).toBe(0);
    expect(top.out).toContain('用法：');
    expect(top.out).toContain('检查 .xlsx 文件');
    const sub = await run(process.cwd(), 'check', '--help');
    expect(sub.out).toContain('--no-annotate');
    expect(sub.out).toContain('退出码');
    expect((await run(process.cwd())).out).toContain('用法：');
  });

  it('usage errors exit 2 with a Chinese message', async () => {
    const unknown = await run(process.cwd(), 'check', 'x.xlsx', '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('无法识别的选项 --bogus');
    const missing = await run(process.cwd(), 'check');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('缺少参数');
  });
});
