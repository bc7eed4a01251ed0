import { summaryMessage } from '../../src/commands/actions';
import { COMMAND_BUDGET_MS, NOTICE_MAX_MS, makeCommands, registerCommands } from '../../src/commands/commands';
import { dialogUrl } from '../../src/commands/notify';
import type { Host } from '../../src/core/host';
import { ExcelHost } from '../../src/hosts/excel';
import { fakeRun, supportsUpTo } from './fakeExcel';
import { workbookWithTables } from './tables';

function brokenHost(): Host {
  const fail = async (): Promise<never> => {
    throw new Error('RichApi.Error: 单元格处于编辑模式');
  };
  return { kind: 'excel', readGrids: fail, applyMarks: fail, clearMarks: fail, select: fail };
}

describe('ribbon commands', () => {
  it('call event.completed() exactly once, also when the host throws', async () => {
    const said: string[] = [];
    const commands = makeCommands({ createHost: brokenHost, notify: async (_t, m) => void said.push(m) });
    for (const name of ['validateWorkbook', 'clearMarks'] as const) {
      const completed = jest.fn();
      await commands[name]({ completed });
      expect(completed).toHaveBeenCalledTimes(1);
    }
    expect(said[0]).toMatch(/^校验未完成：/);
    expect(said[1]).toMatch(/^清除标记未完成：/);
  });

  it('call event.completed() even when creating the host or notifying fails', async () => {
    const commands = makeCommands({
      createHost: () => {
        throw new Error('Excel 未就绪');
      },
      notify: async () => {
        throw new Error('dialog blocked');
      },
    });
    const completed = jest.fn();
    await commands.validateWorkbook({ completed });
    await commands.clearMarks({ completed });
    expect(completed).toHaveBeenCalledTimes(2);
  });

  it('validateWorkbook marks the workbook and reports counts in zh-CN', async () => {
    const state = workbookWithTables(24, 3);
    const said: string[] = [];
    const commands = makeCommands({
      createHost: () => new ExcelHost({ run: fakeRun(state), supports: supportsUpTo('1.18') }),
      notify: async (_t, m) => void said.push(m),
    });
    const completed = jest.fn();
    await commands.validateWorkbook({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(said[0]).toMatch(/^校验完成：24 张表，错误 \d+ 个、警告 \d+ 个、提示 \d+ 个。/);
    expect(state.notes.length).toBeGreaterThan(0);
    await commands.clearMarks({ completed });
    expect(said[1]).toContain('已清除标记');
    expect(state.notes).toHaveLength(0);
  });

  it('registers both FunctionName values with Office.actions.associate', () => {
    const associate = jest.fn();
    const commands = makeCommands({ createHost: brokenHost, notify: async () => undefined });
    registerCommands({ actions: { associate } } as unknown as typeof Office, commands);
    expect(associate.mock.calls.map((c) => c[0]).sort()).toEqual(['clearMarks', 'validateWorkbook']);
  });

  it('explains an empty result and builds the dialog URL next to the commands page', () => {
    expect(summaryMessage(0, { error: 0, warning: 0, info: 0 })).toContain('未在工作簿中识别出绩效目标表');
    const url = new URL(dialogUrl('https://localhost:3000/commands.html', '一键校验', '校验完成：1 张表'));
    expect(url.pathname).toBe('/dialog.html');
    expect(url.searchParams.get('m')).toBe('校验完成：1 张表');
  });

  it('the command budget is well under the 5-minute function-command limit; the dialog never outlasts it', async () => {
    expect(COMMAND_BUDGET_MS).toBeLessThanOrEqual(4 * 60_000);
    expect(NOTICE_MAX_MS).toBeLessThan(COMMAND_BUDGET_MS);
    const options: unknown[] = [];
    const commands = makeCommands({ createHost: brokenHost, notify: async (_t, _m, o) => void options.push(o) });
    await commands.validateWorkbook({ completed: () => undefined });
    expect(options).toEqual([{ timeoutMs: expect.any(Number) }]);
    const { timeoutMs } = options[0] as { timeoutMs: number };
    expect(timeoutMs).toBeGreaterThan(0);
    expect(timeoutMs).toBeLessThanOrEqual(NOTICE_MAX_MS);
  });

  it('completes the event when the budget runs out, even if the dialog never settles', async () => {
    const completed = jest.fn();
    const commands = makeCommands({ createHost: brokenHost, notify: () => new Promise<void>(() => undefined), budgetMs: 30 });
    void commands.validateWorkbook({ completed });
    await new Promise((r) => setTimeout(r, 80));
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('a second click while the first is working is answered at once and completes; the first still finishes', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slowHost = (): Host => ({ ...brokenHost(), clearMarks: async () => gate });
    const said: string[] = [];
    const commands = makeCommands({ createHost: slowHost, notify: async (_t, m) => void said.push(m) });
    const first = jest.fn();
    const second = jest.fn();
    const running = commands.clearMarks({ completed: first });
    await commands.validateWorkbook({ completed: second });
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    expect(said).toEqual(['“清除标记”尚未完成，请等它结束后再点击“一键校验”。']);
    release();
    await running;
    expect(first).toHaveBeenCalledTimes(1);
    expect(said[1]).toContain('已清除标记');
  });

  it('a click while the previous result dialog is open closes it instead of queueing behind it', async () => {
    const open: (() => void)[] = [];
    const notify = (): Promise<void> => new Promise<void>((resolve) => open.push(resolve));
    const closeNotice = jest.fn(() => open.splice(0).forEach((close) => close()));
    const commands = makeCommands({ createHost: brokenHost, notify, closeNotice });
    const first = jest.fn();
    const pending = commands.clearMarks({ completed: first });
    await new Promise((r) => setTimeout(r, 0));
    expect(open).toHaveLength(1); // result dialog of the first click is showing
    const second = jest.fn();
    const next = commands.clearMarks({ completed: second });
    await pending;
    expect(first).toHaveBeenCalledTimes(1);
    closeNotice();
    await next;
    expect(second).toHaveBeenCalledTimes(1);
  });
});
