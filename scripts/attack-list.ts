/**
 * Re-runs the attack list of issue 14 end to end on the compiled CLI (bin/jixiao.js, `npm run build:cli`
 * first), each attack in a fresh folder, and prints one line per attack: 通过 or 失败 with what was seen.
 * Files written by another program come from LibreOffice when `soffice` is installed (skipped otherwise).
 *
 *   npx ts-node --transpile-only scripts/attack-list.ts      (exit 1 when an attack is not answered correctly)
 */
import { createHash } from 'crypto';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, zipSync } from 'fflate';
import { richWorkbook } from '../test/fixtures/richXlsx';
import { basicParts, cellXml, sheetData, zipParts } from '../test/fixtures/rawXlsx';

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'jixiao.js');
const EXAMPLE = path.join(ROOT, 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');
const NOTE_PREFIX = '绩效目标表助手：';

interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

function jixiao(cwd: string, args: string[], timeoutMs = 120_000): Run {
  const t = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms: Date.now() - t };
}

const sha = (p: string): string => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
const parts = (p: string): Record<string, Uint8Array> => unzipSync(new Uint8Array(fs.readFileSync(p)));
const dec = new TextDecoder();
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));
const crash = (r: Run): boolean => /\n\s+at |TypeError|RangeError|ReferenceError|内部错误/.test(r.out + r.err);

function fresh(withExample = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-attack-'));
  if (withExample) fs.copyFileSync(EXAMPLE, path.join(dir, '甲.xlsx'));
  return dir;
}

function notes(file: string): number {
  let n = 0;
  for (const [name, data] of Object.entries(parts(file))) if (/comments\d*\.xml$/.test(name)) n += dec.decode(data).split(NOTE_PREFIX).length - 1;
  return n;
}

const sheetNames = (file: string): string[] => [...dec.decode(parts(file)['xl/workbook.xml']).matchAll(/<sheet [^>]*?name="([^"]*)"/g)].map((m) => m[1]);

type Attack = [title: string, run: () => string | true];

const attacks: Attack[] = [
  [
    '已有的 .已校验.xlsx 不被覆盖（未加 --force）',
    () => {
      const dir = fresh();
      jixiao(dir, ['check', '甲.xlsx']);
      const copy = path.join(dir, '甲.已校验.xlsx');
      fs.appendFileSync(copy, ''); // a hand-edited copy would do the same
      const before = sha(copy);
      const r = jixiao(dir, ['check', '甲.xlsx']);
      if (sha(copy) !== before) return '已有副本被改写';
      return fs.existsSync(path.join(dir, '甲(2).已校验.xlsx')) && /未覆盖/.test(r.out) ? true : `未另存编号副本：${r.out.slice(-200)}`;
    },
  ],
  [
    '副本路径是原文件的硬链接（加 --force 也不写）',
    () => {
      const dir = fresh();
      const input = path.join(dir, '甲.xlsx');
      fs.linkSync(input, path.join(dir, '甲.已校验.xlsx'));
      const before = sha(input);
      const r = jixiao(dir, ['check', '甲.xlsx', '--force']);
      if (sha(input) !== before) return '原文件被改写';
      return crash(r) ? `崩溃：${r.err}` : true;
    },
  ],
  [
    '副本路径是符号链接（加 --force 也不写其指向的文件）',
    () => {
      const dir = fresh();
      const other = path.join(dir, '别的文件.xlsx');
      fs.copyFileSync(EXAMPLE, other);
      fs.symlinkSync(other, path.join(dir, '甲.已校验.xlsx'));
      const before = sha(other);
      const r = jixiao(dir, ['check', '甲.xlsx', '--force']);
      if (sha(other) !== before) return '符号链接指向的文件被改写';
      // Refused with a reason, or written under a numbered name next to it.
      return /符号链接/.test(r.out + r.err) || fs.existsSync(path.join(dir, '甲(2).已校验.xlsx')) ? true : `没有说明：${(r.out + r.err).slice(-200)}`;
    },
  ],
  [
    '复查副本：不生成 .已校验.已校验，批注不叠加，汇总表只有一张',
    () => {
      const dir = fresh();
      jixiao(dir, ['check', '甲.xlsx']);
      const first = path.join(dir, '甲.已校验.xlsx');
      const r = jixiao(dir, ['check', '甲.已校验.xlsx']);
      if (fs.readdirSync(dir).some((f) => f.includes('.已校验.已校验'))) return `生成了 .已校验.已校验：${fs.readdirSync(dir).join('，')}`;
      const second = path.join(dir, '甲(2).已校验.xlsx');
      if (!fs.existsSync(second)) return `没有生成复查副本：${r.out.slice(-200)}`;
      if (notes(second) !== notes(first)) return `批注数 ${notes(first)} → ${notes(second)}`;
      const summaries = sheetNames(second).filter((n) => n.startsWith('汇总'));
      return summaries.length === 1 ? true : `汇总表：${summaries.join('，')}`;
    },
  ],
  [
    '10.5 磅（五号）字体与每个单元格的字体、边框、数字格式保持不变',
    () => {
      const dir = fresh();
      jixiao(dir, ['check', '甲.xlsx']);
      const a = parts(path.join(dir, '甲.xlsx'));
      const b = parts(path.join(dir, '甲.已校验.xlsx'));
      const sa = dec.decode(a['xl/styles.xml']);
      const sb = dec.decode(b['xl/styles.xml']);
      // The 汇总 sheet may append a bold font; every font of the workbook stays as it was, in its place.
      const fonts = (s: string): string[] => [...(/<fonts[\s\S]*?<\/fonts>/.exec(s)?.[0] ?? '').matchAll(/<font\b[\s\S]*?<\/font>/g)].map((m) => m[0]);
      if (fonts(sb).slice(0, fonts(sa).length).join() !== fonts(sa).join()) return '原有字体被改动';
      const xfs = (s: string): string[] => [...(/<cellXfs[\s\S]*?<\/cellXfs>/.exec(s)?.[0] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
      const key = (xf: string | undefined): string => (xf ?? '').replace(/\s(fillId|applyFill)="[^"]*"/g, '');
      const xa = xfs(sa);
      const xb = xfs(sb);
      let cells = 0;
      for (const name of Object.keys(a).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const styleOf = (xml: string): Map<string, number> =>
          new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)/g)].map((m) => [m[1], Number(/\ss="(\d+)"/.exec(m[2])?.[1] ?? 0)]));
        const before = styleOf(dec.decode(a[name]));
        const after = styleOf(dec.decode(b[name]));
        for (const [ref, s] of before) {
          cells++;
          if (key(xa[s]) !== key(xb[after.get(ref) ?? 0])) return `${name} ${ref} 的样式除填充外被改动`;
        }
      }
      const n105 = (sa.match(/sz val="10.5"/g) ?? []).length;
      return n105 > 0 && cells > 0 ? true : '示例中没有 10.5 磅字体，无法验证';
    },
  ],
  [
    '图表、图表工作表、数据透视表、VBA、保护、自定义属性、批注逐个部件保留（.xlsm 仍是 .xlsm）',
    () => {
      const dir = fresh(false);
      fs.writeFileSync(path.join(dir, '宏.xlsm'), richWorkbook());
      const r = jixiao(dir, ['check', '宏.xlsm']);
      const copy = path.join(dir, '宏.已校验.xlsm');
      if (!fs.existsSync(copy)) return `没有生成 .xlsm 副本：${r.out.slice(-200)}${r.err}`;
      const a = parts(path.join(dir, '宏.xlsm'));
      const b = parts(copy);
      const ours = /^(\[Content_Types\]\.xml|xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/;
      const changed = Object.keys(a).filter((n) => !ours.test(n) && !same(a[n], b[n]));
      if (changed.length) return `这些部件被改动：${changed.join('，')}`;
      const wb = dec.decode(b['xl/workbook.xml']);
      if (!wb.includes('<workbookProtection') || !wb.includes('localSheetId="0"') || /fullCalcOnLoad/.test(wb)) return '工作簿保护、名称作用域或计算设置被改动';
      return dec.decode(b['xl/comments1.xml']).includes('<author>张三</author>') ? true : '批注作者丢失';
    },
  ],
  [
    '其他程序（LibreOffice）写的工作簿（含批注、图表、数据透视表）可以检查并标注',
    () => {
      if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) return true; // not installed: nothing to try
      const dir = fresh(false);
      fs.writeFileSync(path.join(dir, '源.xlsm'), richWorkbook());
      fs.copyFileSync(EXAMPLE, path.join(dir, '例.xlsx'));
      jixiao(dir, ['check', '例.xlsx']); // adds notes, fills and the 汇总 sheet
      const out = path.join(dir, 'lo');
      const convert = (file: string, to: string): void => {
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', to, '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
      };
      convert(path.join(dir, '源.xlsm'), 'xlsx');
      convert(path.join(dir, '例.已校验.xlsx'), 'xlsx');
      const problems: string[] = [];
      for (const f of ['源.xlsx', '例.已校验.xlsx']) {
        const file = path.join(out, f);
        if (!fs.existsSync(file)) {
          problems.push(`LibreOffice 未能转换 ${f}`);
          continue;
        }
        const r = jixiao(out, ['check', f, '--force']);
        if (r.code !== 0 && r.code !== 1) problems.push(`${f}：退出码 ${r.code}，${(r.out + r.err).slice(-200)}`);
      }
      // LibreOffice opens our annotated copy (it renders it to PDF).
      convert(path.join(dir, '例.已校验.xlsx'), 'pdf');
      if (!fs.existsSync(path.join(out, '例.已校验.pdf'))) problems.push('LibreOffice 打不开标注副本');
      return problems.length ? problems.join('；') : true;
    },
  ],
  [
    '损坏的文件退出码为 2（截断、缺共享字符串、缺工作表、缺关系部件）',
    () => {
      const dir = fresh();
      const good = unzipSync(new Uint8Array(fs.readFileSync(EXAMPLE)));
      const without = (name: string): Uint8Array => {
        const p = { ...good };
        delete p[name];
        return zipSync(p);
      };
      const bad: Record<string, Uint8Array> = {
        '截断.xlsx': new Uint8Array(fs.readFileSync(EXAMPLE)).slice(0, 20_000),
        '无共享字符串.xlsx': without('xl/sharedStrings.xml'),
        '无工作表.xlsx': without(Object.keys(good).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!),
        '无关系.xlsx': without('_rels/.rels'),
      };
      const wrong: string[] = [];
      for (const [name, bytes] of Object.entries(bad)) {
        fs.writeFileSync(path.join(dir, name), bytes);
        const r = jixiao(dir, ['check', name]);
        if (r.code !== 2 || crash(r) || !/无法读取/.test(r.err)) wrong.push(`${name} 退出码 ${r.code}`);
      }
      return wrong.length ? wrong.join('；') : true;
    },
  ],
  [
    '命名管道（FIFO）和 /dev/zero 立即拒绝',
    () => {
      const dir = fresh(false);
      const fifo = path.join(dir, '管道.xlsx');
      execFileSync('mkfifo', [fifo]);
      const wrong: string[] = [];
      for (const target of [fifo, '/dev/zero']) {
        const r = jixiao(dir, ['check', target], 20_000);
        if (r.code !== 2 || r.ms > 5000 || !/不是普通文件/.test(r.err)) wrong.push(`${target}：退出码 ${r.code}，${r.ms} ms`);
      }
      return wrong.length ? wrong.join('；') : true;
    },
  ],
  [
    '选项与配置中的 constructor、__proto__：报错或照常检查，有错误的文件不会退出 0',
    () => {
      const dir = fresh();
      const wrong: string[] = [];
      for (const [opt, value] of [['--framework', 'constructor'], ['--schedule', '__proto__'], ['--framework', 'toString']]) {
        const r = jixiao(dir, ['check', '甲.xlsx', opt, value, '--no-annotate']);
        if (r.code !== 2 || !/[\u4e00-\u9fff]/.test(r.err) || crash(r)) wrong.push(`${opt} ${value}：退出码 ${r.code}`);
      }
      fs.writeFileSync(path.join(dir, 'jixiao.config.json'), JSON.stringify({ framework: 'constructor', schedule: 'constructor', rules: { constructor: 'off' } }));
      const r = jixiao(dir, ['check', '甲.xlsx', '--no-annotate']);
      if (r.code !== 1 || crash(r)) wrong.push(`配置文件：退出码 ${r.code}`);
      return wrong.length ? wrong.join('；') : true;
    },
  ],
  [
    '当前目录的 jixiao.config.json 会在报告开头说明',
    () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'jixiao.config.json'), JSON.stringify({ rules: { 'goal-vague': 'off' } }));
      const r = jixiao(dir, ['check', '甲.xlsx', '--no-annotate']);
      const first = r.out.split('\n')[0];
      return /^使用配置文件 .*jixiao\.config\.json：已关闭 1 条规则/.test(first) ? true : `第一行：${first}`;
    },
  ],
  [
    '单元格中的终端控制符不会原样输出',
    () => {
      const dir = fresh(false);
      const rows = [[cellXml('A1', '项目名称'), cellXml('B1', '_x001B_]0;标题_x0007_驻村_x001B_[2J经费')]];
      fs.writeFileSync(path.join(dir, '控制符.xlsx'), zipParts(basicParts([{ name: '表', body: sheetData(rows) }])));
      const r = jixiao(dir, ['check', '控制符.xlsx', '--no-annotate']);
      // eslint-disable-next-line no-control-regex
      return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.out + r.err) ? '输出中有控制字符' : true;
    },
  ],
  [
    '未计算的公式给出“公式未计算”，不当作空值',
    () => {
      const dir = fresh(false);
      const body = sheetData([[cellXml('A1', '指标值')], ['<c r="A2"><f>SUM(B1:B2)</f></c>']]);
      fs.writeFileSync(path.join(dir, '公式.xlsx'), zipParts(basicParts([{ name: '表', body }])));
      const r = jixiao(dir, ['check', '公式.xlsx']);
      return r.code === 2 && /公式未计算，请在 Excel 中打开并保存后再检查/.test(r.err) ? true : `退出码 ${r.code}：${r.err.slice(0, 200)}`;
    },
  ],
  [
    '合并炸弹（一个合并区域覆盖整张表）几秒内完成',
    () => {
      const dir = fresh(false);
      const body = sheetData([[cellXml('A1', '项目名称'), cellXml('B1', 1)]], '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
      fs.writeFileSync(path.join(dir, '合并.xlsx'), zipParts(basicParts([{ name: '表', body }])));
      const r = jixiao(dir, ['check', '合并.xlsx'], 60_000);
      return r.code !== null && r.code <= 1 && r.ms < 10_000 && !crash(r) ? true : `退出码 ${r.code}，${r.ms} ms`;
    },
  ],
];

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'index.js'))) {
  console.error('请先运行 npm run build:cli');
  process.exit(1);
}
let failed = 0;
console.log('issue 14 攻击清单（已编译的命令行工具）：');
for (const [title, run] of attacks) {
  let result: string | true;
  try {
    result = run();
  } catch (err) {
    result = `脚本出错：${(err as Error).message}`;
  }
  if (result !== true) failed++;
  console.log(`  ${result === true ? '通过' : '失败'}  ${title}${result === true ? '' : `\n        ${result}`}`);
}
console.log(failed ? `${failed} 项未通过` : '全部通过');
process.exitCode = failed ? 1 : 0;
