/** @jest-environment jsdom */
import './jsdomShims';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Finding } from '../../src/core/findings';
import type { Settings } from '../../src/core/settings';
import { validateGrids } from '../../src/core/validate';
import { AssistantPane } from '../../src/taskpane/AssistantPane';
import { IGNORED_STATE_KEY, ignoreKey } from '../../src/core/workbookState';
import type { PaneTool } from '../../src/taskpane/tools';
import { DEFAULT_TOOLS } from '../../src/taskpane/tools';
import { FINDINGS, FakeHost, parsedWith } from './fakeHost';

jest.mock('../../src/core/validate', () => ({ validateGrids: jest.fn() }));
jest.mock('../../src/core/rules', () => {
  const titles: Record<string, string> = {
    'satisfaction-direction': '满意度指标方向',
    'count-unit': '数量指标单位',
    placeholder: '占位内容',
  };
  return {
    ALL_RULES: [],
    findRule: (id: string) => (titles[id] ? { id, meta: { title: titles[id] } } : undefined),
  };
});

// Tabster's modalizer can leave aria-hidden on the Dialog surface under jsdom (microsoft/fluentui#33897),
// so queries inside the fix dialog pass `hidden: true`; the real browser test covers the live dialog.
const validate = validateGrids as jest.MockedFunction<typeof validateGrids>;

function useFindings(findings: Finding[] = FINDINGS) {
  validate.mockImplementation(() => ({ parsed: parsedWith(), findings: findings.map((f) => ({ ...f })) }));
}

async function renderAndRun(host = new FakeHost()) {
  render(<AssistantPane host={host} />);
  const run = await screen.findByRole('button', { name: '开始校验绩效目标表' });
  await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(run);
  await screen.findByTestId('summary');
  return host;
}

function count(severity: string): number {
  return Number(screen.getByTestId(`count-${severity}`).getAttribute('data-count'));
}

function shownFindings(): HTMLElement[] {
  return screen.queryAllByTestId('finding');
}

beforeEach(() => {
  validate.mockReset();
  useFindings();
});

describe('AssistantPane 校验', () => {
  test('runs read → validate → mark and shows the counts of the findings', async () => {
    const host = await renderAndRun();
    expect(host.names().filter((n) => n !== 'loadState')).toEqual(['readGrids', 'applyMarks']);
    expect(host.calls.find((c) => c[0] === 'readGrids')![1]).toBe('workbook');
    expect((host.calls.find((c) => c[0] === 'applyMarks')![1] as Finding[]).length).toBe(4);
    expect([count('error'), count('warning'), count('info')]).toEqual([1, 2, 1]);
    expect(screen.getByTestId('summary').textContent).toContain('错误 1');
    expect(shownFindings()).toHaveLength(4);
    expect(screen.getByTestId('status').textContent).toContain('共识别 2 张绩效目标表');
  });

  test('groups findings by project table with code, budget and address', async () => {
    await renderAndRun();
    const groups = screen.getAllByTestId('finding-group');
    expect(groups).toHaveLength(2);
    expect(groups[0].textContent).toContain('驻村工作队经费（2 条）');
    expect(groups[0].textContent).toContain('项目编码 13020925P00155810003E');
    expect(groups[0].textContent).toContain('预算数 39.00 万元');
    expect(groups[0].textContent).toContain('表1!A1');
    expect(groups[1].textContent).toContain('预算数 120.50 万元');
    expect(within(groups[1]).getAllByTestId('finding')).toHaveLength(2);
  });

  test('filters by severity and by rule', async () => {
    await renderAndRun();
    fireEvent.click(screen.getByTestId('filter-warning'));
    expect(shownFindings().map((e) => e.dataset.severity)).toEqual(['error', 'info']);
    fireEvent.click(screen.getByTestId('filter-warning'));
    expect(shownFindings()).toHaveLength(4);

    const ruleSelect = screen.getByRole('combobox', { name: '按规则筛选' });
    expect(within(ruleSelect).getByRole('option', { name: '数量指标单位（2）' })).toBeTruthy();
    fireEvent.change(ruleSelect, { target: { value: 'count-unit' } });
    expect(shownFindings().map((e) => e.dataset.rule)).toEqual(['count-unit', 'count-unit']);

    fireEvent.click(screen.getByTestId('filter-warning'));
    expect(shownFindings()).toHaveLength(0);
    expect(screen.getByText('当前筛选条件下没有问题。')).toBeTruthy();
  });

  test('filters by review criterion', async () => {
    await renderAndRun();
    const select = screen.getByRole('combobox', { name: '按评审标准筛选' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '全部评审标准',
      '完整性（1）',
      '适当性（3）',
    ]);
    fireEvent.change(select, { target: { value: '完整性' } });
    expect(shownFindings().map((e) => e.dataset.rule)).toEqual(['placeholder']);
    fireEvent.change(select, { target: { value: '' } });
    expect(shownFindings()).toHaveLength(4);
  });

  test('定位 selects the finding cell in the host', async () => {
    const host = await renderAndRun();
    fireEvent.click(screen.getByRole('button', { name: '定位到单元格 表1!E13' }));
    await waitFor(() => expect(host.names()).toContain('select'));
    expect(host.calls.find((c) => c[0] === 'select')![1]).toEqual(FINDINGS[1].ref);
  });

  test('忽略 hides the finding, re-marks without it and remembers it in the workbook', async () => {
    const host = await renderAndRun();
    host.calls = [];
    fireEvent.click(screen.getByRole('button', { name: '忽略 表1!E13 的这条问题' }));
    await waitFor(() => expect(host.names()).toEqual(['saveState', 'applyMarks']));
    const [, key, value] = host.calls[0];
    expect(key).toBe(IGNORED_STATE_KEY);
    expect(JSON.parse(value as string)).toEqual([ignoreKey(FINDINGS[1])]);
    expect((host.calls[1][1] as Finding[]).map((f) => f.ref.address)).toEqual(['E12', 'E40', 'E41']);
    expect(shownFindings().map((e) => e.dataset.ref)).toEqual(['表1!E12', '表1!E40', '表1!E41']);
    expect(count('warning')).toBe(1);

    // The toggle shows ignored findings again, with a way back.
    fireEvent.click(screen.getByRole('switch', { name: /显示已忽略/ }));
    expect(shownFindings()).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: '取消忽略 表1!E13 的这条问题' }));
    await waitFor(() => expect(JSON.parse(host.state.get(IGNORED_STATE_KEY)!)).toEqual([]));
    expect(count('warning')).toBe(2);
  });

  test('findings ignored earlier in this workbook stay hidden and unmarked', async () => {
    const host = new FakeHost();
    host.state.set(IGNORED_STATE_KEY, JSON.stringify([ignoreKey(FINDINGS[0])]));
    await renderAndRun(host);
    expect(count('error')).toBe(0);
    expect(shownFindings().map((e) => e.dataset.ref)).not.toContain('表1!E12');
    const marked = host.calls.find((c) => c[0] === 'applyMarks')![1] as Finding[];
    expect(marked.map((f) => f.ref.address)).toEqual(['E13', 'E40', 'E41']);
  });

  test('修复 writes the fix after confirmation, then validates again', async () => {
    const host = await renderAndRun();
    host.calls = [];
    fireEvent.click(screen.getByRole('button', { name: '修复单元格 表1!E12' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('≤98%');
    expect(dialog.textContent).toContain('≥98%');
    expect(host.names()).toEqual([]); // nothing written before the user agrees
    useFindings(FINDINGS.slice(1));
    fireEvent.click(await within(dialog).findByRole('button', { name: '确认修改', hidden: true }));
    await waitFor(() => expect(host.names()).toEqual(['writeCells', 'readGrids', 'applyMarks']));
    expect(host.calls[0][1]).toEqual([{ ref: FINDINGS[0].ref, text: '≥98%' }]);
    await waitFor(() => expect(count('error')).toBe(0));
    expect(screen.getByTestId('status').textContent).toContain('已修改 表1!E12');
  });

  test('cancelling 修复 writes nothing', async () => {
    const host = await renderAndRun();
    host.calls = [];
    fireEvent.click(screen.getByRole('button', { name: '修复单元格 表1!E12' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(await within(dialog).findByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.names()).toEqual([]);
  });

  test('清除标记 clears the marks and the list', async () => {
    const host = await renderAndRun();
    fireEvent.click(screen.getByRole('button', { name: '清除表格中的校验标记' }));
    await waitFor(() => expect(host.names()).toContain('clearMarks'));
    await waitFor(() => expect(screen.queryByTestId('summary')).toBeNull());
    expect(screen.getByTestId('status').textContent).toContain('已清除标记');
  });

  test('changing 资金支出计划口径 re-validates with the new setting and remembers it', async () => {
    const host = await renderAndRun();
    expect(validate.mock.calls[0][1]).toMatchObject({ schedule: 'auto', framework: 'auto' });
    useFindings(FINDINGS.slice(2));
    fireEvent.click(screen.getByRole('radio', { name: '当期' }));
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(2));
    expect((validate.mock.calls[1][1] as Settings).schedule).toBe('per-period');
    await waitFor(() => expect(count('error')).toBe(0));
    expect(JSON.parse(host.state.get('jixiao.settings')!)).toMatchObject({ schedule: 'per-period' });

    fireEvent.change(screen.getByRole('combobox', { name: '指标体系' }), { target: { value: 'caiyu101' } });
    await waitFor(() => expect(validate).toHaveBeenCalledTimes(3));
    expect((validate.mock.calls[2][1] as Settings).framework).toBe('caiyu101');

    fireEvent.click(screen.getByRole('radio', { name: '当前工作表' }));
    await waitFor(() => expect(host.calls.filter((c) => c[0] === 'readGrids').pop()![1]).toBe('sheet'));
  });

  test('remembered settings are loaded before the first run', async () => {
    const host = new FakeHost();
    host.state.set('jixiao.settings', JSON.stringify({ schedule: 'per-period', framework: 'hebei88' }));
    await renderAndRun(host);
    expect(validate.mock.calls[0][1]).toMatchObject({ schedule: 'per-period', framework: 'hebei88' });
    expect((screen.getByRole("radio", { name: "当期" }) as HTMLInputElement).checked).toBe(true);
  });

  test('shows a note when no table was recognised, and 未发现问题 when clean', async () => {
    validate.mockImplementation(() => ({ parsed: parsedWith([]), findings: [] }));
    await renderAndRun();
    expect(screen.getByText(/未识别为绩效目标表/)).toBeTruthy();
  });
});

describe('errors are shown in zh-CN', () => {
  test('a failing read shows an error MessageBar naming the step', async () => {
    const host = new FakeHost();
    host.fail.readGrids = new Error('RichApi.Error: busy');
    render(<AssistantPane host={host} />);
    const run = await screen.findByRole('button', { name: '开始校验绩效目标表' });
    await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(run);
    const bar = await screen.findByTestId('error');
    expect(bar.textContent).toContain('操作失败');
    expect(bar.textContent).toContain('读取表格失败：RichApi.Error: busy');
    expect(host.names()).not.toContain('applyMarks');
    fireEvent.click(within(bar).getByRole('button', { name: '关闭' }));
    expect(screen.queryByTestId('error')).toBeNull();
  });

  test('a validation crash and a failing select are reported, not thrown', async () => {
    validate.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const host = new FakeHost();
    render(<AssistantPane host={host} />);
    const run = await screen.findByRole('button', { name: '开始校验绩效目标表' });
    await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(run);
    expect((await screen.findByTestId('error')).textContent).toContain('校验时出错：boom');

    fireEvent.click(run);
    await screen.findByTestId('summary');
    expect(screen.queryByTestId('error')).toBeNull();
    host.fail.select = new Error('sheet hidden');
    fireEvent.click(screen.getByRole('button', { name: '定位到单元格 表1!E13' }));
    expect((await screen.findByTestId('error')).textContent).toContain('定位单元格失败：sheet hidden');
  });

  test('a failing write during 修复 is reported and nothing is re-validated', async () => {
    const host = await renderAndRun();
    host.fail.writeCells = new Error('protected sheet');
    host.calls = [];
    fireEvent.click(screen.getByRole('button', { name: '修复单元格 表1!E12' }));
    fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: '确认修改', hidden: true }));
    expect((await screen.findByTestId('error')).textContent).toContain('修改单元格失败：protected sheet');
    expect(host.names()).toEqual(['writeCells']);
  });
});

describe('keyboard and labels', () => {
  test('every button has a zh-CN accessible name and is in the tab order', async () => {
    await renderAndRun();
    const buttons = screen.getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(10);
    for (const b of buttons) {
      expect(b.getAttribute('tabindex')).not.toBe('-1');
      const name = b.getAttribute('aria-label') ?? b.textContent ?? '';
      expect(name).toMatch(/[\u4e00-\u9fff]/);
    }
    // Action buttons name their visible text plus the cell they act on.
    for (const f of shownFindings()) {
      const where = f.dataset.ref!;
      expect(within(f).getByRole('button', { name: `定位到单元格 ${where}` }).textContent).toBe('定位');
    }
  });

  test('the findings list is a labelled accordion with list items', async () => {
    await renderAndRun();
    const findings = screen.getByTestId('findings');
    expect(within(findings).getAllByRole('list').length).toBe(2);
    expect(within(findings).getAllByRole('listitem')).toHaveLength(4);
    const headers = within(findings).getAllByRole('button', { expanded: true });
    expect(headers).toHaveLength(2);
    fireEvent.click(headers[0]);
    await waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(2));
  });

  test('buttons activate with the keyboard (focus + Enter through a native button)', async () => {
    await renderAndRun();
    const locate = screen.getByRole('button', { name: '定位到单元格 表1!E40' });
    act(() => locate.focus());
    expect(document.activeElement).toBe(locate);
    expect(locate.tagName).toBe('BUTTON'); // native buttons fire click on Enter/Space
  });
});

describe('tools registry', () => {
  test('a single tool shows no tab list; two tools do', async () => {
    const { unmount } = render(<AssistantPane host={new FakeHost()} />);
    await screen.findByRole('button', { name: '开始校验绩效目标表' });
    expect(screen.queryByRole('tablist')).toBeNull();
    unmount();

    const extra: PaneTool = { id: 'template', label: '模板', component: () => <p>模板内容</p> };
    render(<AssistantPane host={new FakeHost()} tools={[...DEFAULT_TOOLS, extra]} />);
    expect(screen.getByRole('tablist', { name: '功能' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '模板' }));
    expect(screen.getByText('模板内容')).toBeTruthy();
  });

  test('a tool the host cannot support is hidden', () => {
    const extra: PaneTool = { id: 'x', label: '插入', component: () => null, isAvailable: () => false };
    render(<AssistantPane host={new FakeHost()} tools={[...DEFAULT_TOOLS, extra]} />);
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  test('autoRun validates once on mount', async () => {
    const host = new FakeHost();
    render(<AssistantPane host={host} autoRun />);
    await screen.findByTestId('summary');
    expect(host.names().filter((n) => n === 'readGrids')).toHaveLength(1);
  });
});
