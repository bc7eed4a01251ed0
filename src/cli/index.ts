import { Command, CommanderError, Help } from 'commander';
import { type CheckOptions, EXIT_UNREADABLE, runCheck } from './check';
import type { ReportOptions } from './batch-report/command';
import { DEFAULT_HTML, DEFAULT_XLSX } from './batch-report/names';
import { type CliIO, processIO } from './io';
import type { OverviewCliOptions } from './overview';
import type { TemplateOptions } from './template';
import { tuneCompiler } from './v8tuning';

// Commands other than check load their code (ExcelJS, ECharts) only when run: check starts faster.
const templateCli = (): Promise<typeof import('./template')> => import('./template');

const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

const BASE_HELP = new Help();
const zhUsage = (s: string): string => s.replace('[options]', '[选项]').replace('[command]', '[命令]');

/** Commander's own error texts are English; translate the common ones. */
function translateError(text: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/unknown option '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/, (o, s) => `无法识别的选项 ${o}${s ? `（是否想用 ${s}？）` : ''}`],
    [/unknown command '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/, (c, s) => `无法识别的命令 ${c}${s ? `（是否想用 ${s}？）` : ''}`],
    [/missing required argument '([^']+)'/, () => '缺少参数：请给出要检查的 .xlsx 文件或文件夹'],
    [/option '([^']+)' argument missing/, (o) => `选项 ${o} 缺少取值`],
    [/too many arguments(?: for '([^']+)')?/, () => '参数过多'],
  ];
  for (const [re, fn] of rules) {
    const m = re.exec(text);
    if (m) return `错误：${fn(...m.slice(1))}。运行 jixiao --help 查看用法。\n`;
  }
  return text;
}

function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command();
  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(s),
        outputError: (s, write) => write(translateError(s)),
      })
      .configureHelp({
        styleTitle: (s: string) => HELP_TITLES[s] ?? s,
        // CJK characters take two columns in a terminal; commander counts one.
        displayWidth: (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0),
        commandUsage: (c: Command) => zhUsage(BASE_HELP.commandUsage(c)),
        subcommandTerm: (c: Command) => zhUsage(BASE_HELP.subcommandTerm(c)),
      })
      .helpOption('-h, --help', '显示帮助');

  configure(program)
    .name('jixiao')
    .description('绩效目标表助手：检查项目支出绩效目标表（.xlsx），列出问题并生成带标注的副本')
    .version(version(), '-V, --version', '显示版本号')
    .helpCommand('help [命令]', '显示某个命令的帮助');

  configure(program.command('check'))
    .description('检查 .xlsx 文件（文件夹会递归查找其中的 .xlsx）')
    .argument('<路径...>', '要检查的 .xlsx 文件或文件夹')
    .option('--format <格式>', '输出格式：text（默认）或 json')
    .option('--out-dir <目录>', '标注副本的保存目录（默认与原文件同目录，文件名为“原名.已校验.xlsx”）')
    .option('--no-annotate', '不生成标注副本')
    .option('--fix', '在标注副本中应用可自动修复的建议（原文件不变）')
    .option('--force', '覆盖已存在的同名标注副本（默认不覆盖，另存为“原名(2).已校验.xlsx”；原文件、指向它的链接和符号链接一律不写）')
    .option('--schedule <口径>', '资金支出计划口径：auto（按各表数值自动识别，默认）、cumulative（累计，12月底为100%）或 per-period（各期为当期数，合计100%）')
    .option('--framework <体系>', '指标体系：auto（自动识别，默认）、caiyu88（财预〔2015〕88号，旧名 hebei88）、caiyu101、zhuanyi163、shenbao-touru、dongguan、sichuan、gongxing53 或 pingjia10')
    .option('--config <文件>', '配置文件（默认读取当前目录下的 jixiao.config.json）')
    .option('--jobs <个数>', '同时检查的文件数（默认为处理器核数的三分之二，至少 1 个）')
    .option('--progress', '总是显示进度条（默认仅在终端中、文件多于 3 个时显示）')
    .option('--no-progress', '不显示进度')
    .option('--verbose', '文字报告中同时列出每条问题的规则编号（供开发和配置规则时对照）')
    .addHelpText(
      'after',
      '\n退出码：0 未发现错误；1 发现错误级问题；2 有文件无法读取或参数有误；130 按 Ctrl-C 中止。\n' +
        '示例：\n  jixiao check 绩效目标.xlsx\n  jixiao check 材料文件夹 --out-dir 已校验 --format json\n',
    )
    .action(async (paths: string[], opts: CheckOptions) => {
      setExit(await runCheck(paths, opts, io));
    });

  configure(program.command('report'))
    .description('检查一批 .xlsx 并生成审核报告（单个离线 HTML 文件，含图表）和汇总表（.xlsx）')
    .argument('<路径...>', '要检查的 .xlsx 文件或文件夹')
    .option('--out <文件>', `审核报告（HTML）的保存位置（默认 ${DEFAULT_HTML}）`)
    .option('--xlsx <文件>', `汇总表的保存位置（默认 ${DEFAULT_XLSX}）`)
    .option('--no-xlsx', '不生成汇总表')
    .option('--out-dir <目录>', '标注副本的保存目录（默认与原文件同目录）')
    .option('--no-annotate', '不生成标注副本（报告中不链接副本）')
    .option('--format <格式>', '屏幕输出格式：text（默认）或 json（输出报告中的全部数据）')
    .option('--schedule <口径>', '资金支出计划口径：auto（按各表数值自动识别，默认）、cumulative（累计）或 per-period（当期）')
    .option('--framework <体系>', '指标体系：auto（默认）、caiyu88（旧名 hebei88）或 caiyu101')
    .option('--config <文件>', '配置文件（默认读取当前目录下的 jixiao.config.json）')
    .option('--jobs <个数>', '同时检查的文件数（默认为处理器核数的三分之二，至少 1 个）')
    .option('--progress', '总是显示进度条')
    .option('--no-progress', '不显示进度')
    .addHelpText(
      'after',
      '\n退出码：0 未发现错误；1 发现错误级问题；2 有文件无法读取或参数有误；130 按 Ctrl-C 中止（不生成报告）。\n' +
        '示例：\n  jixiao report 各单位材料 --out 审核报告.html --xlsx 汇总.xlsx\n',
    )
    .action(async (paths: string[], opts: ReportOptions) => {
      setExit(await runReport(paths, opts, io));
    });

  const template = configure(program.command('template')).description('标准指标模板：查看模板，或把模板插入 .xlsx 文件的副本');
  configure(template.command('list'))
    .description('列出全部模板')
    .action(async () => setExit((await templateCli()).runTemplateList(io)));
  configure(template.command('show'))
    .description('查看一个模板的全部指标')
    .argument('<模板>', '模板编号或名称，如 meeting 或 会议')
    .option('--year <年份>', '预算年度（默认今年）')
    .action(async (kind: string, opts: TemplateOptions) => setExit((await templateCli()).runTemplateShow(kind, opts, io)));
  configure(template.command('insert'))
    .description('把模板插入 .xlsx 文件的副本：位置在已有表格内时补充其缺少的指标，否则插入一张完整的项目表')
    .argument('<文件>', '.xlsx 文件（不会被修改）')
    .requiredOption('--kind <模板>', '模板编号或名称')
    .requiredOption('--at <位置>', '插入位置，如 项目支出绩效目标表!A500')
    .option('--framework <体系>', '新表的指标体系：caiyu88（默认，旧名 hebei88）或 caiyu101')
    .option('--year <年份>', '预算年度（默认今年）')
    .option('--budget <万元>', '新表的预算数')
    .option('--name <项目名称>', '新表的项目名称')
    .option('--out <文件>', '输出文件（默认“原名.已插入模板.xlsx”）')
    .action(async (file: string, opts: TemplateOptions) => setExit(await (await templateCli()).runTemplateInsert(file, opts, io)));

  configure(program.command('overview'))
    .description('根据项目支出绩效目标表生成部门整体绩效目标（总体目标、分项目标、保障措施）')
    .argument('<文件>', '.xlsx 文件（不会被修改）')
    .option('--format <格式>', 'text（默认，含数据来源）、markdown 或 xlsx（副本中新增工作表）')
    .option('--out <文件>', 'xlsx 格式的输出文件（默认“原名.部门整体绩效目标.xlsx”）')
    .action(async (file: string, opts: OverviewCliOptions) => setExit(await (await import('./overview')).runOverview(file, opts, io)));

  return program;
}

/** Runs the CLI with arguments (without "node" and the script path); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  tuneCompiler();
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version'
        ? 0
        : EXIT_UNREADABLE;
    }
    throw err;
  }
  return code;
}

export { runCheck } from './check';

/** `jixiao report` (its module is loaded on first use). */
export async function runReport(inputs: readonly string[], opts: ReportOptions, io: CliIO): Promise<number> {
  return (await import('./batch-report/command')).runReport(inputs, opts, io);
}
export type { CliIO } from './io';
