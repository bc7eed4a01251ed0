/** @jest-environment jsdom */
import './jsdomShims';
import path from 'path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { parseWorkbook } from '../../src/core/parse';
import { readFileSync } from 'fs';
import { TextDecoder as NodeTextDecoder } from 'util';
import { readGridsFromXlsx } from '../../src/hosts/file/xlsxReader';
import { AssistantPane } from '../../src/taskpane/AssistantPane';
import { TEMPLATE_TOOLS } from '../../src/taskpane/extraTools';
import { createMemoryHost } from '../../src/web/memoryHost';

jest.setTimeout(120_000);

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');

// jsdom has no TextDecoder; the reader needs one.
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= NodeTextDecoder;

async function host() {
  return createMemoryHost(readGridsFromXlsx(new Uint8Array(readFileSync(EXAMPLE))).grids);
}

describe('pane tools: 插入模板 and 部门整体目标', () => {
  it('previews the suggested template for a table and inserts it after confirmation, listing the inputs', async () => {
    const h = await host();
    const before = parseWorkbook(h.getState().grids).tables[0];
    render(<AssistantPane host={h} tools={TEMPLATE_TOOLS} />);
    fireEvent.click(await screen.findByRole('tab', { name: '插入模板' }));
    const target = await screen.findByRole('combobox', { name: '插入位置' });
    await waitFor(() => expect(within(target).getAllByRole('option').length).toBeGreaterThan(20));
    fireEvent.change(target, { target: { value: before.id } });
    // The suggested template comes first, with the reason.
    const preview = await screen.findByTestId('template-preview');
    expect(preview.textContent).toContain('驻村帮扶');
    expect(preview.textContent).toContain('项目名称提到“驻村”');
    fireEvent.change(screen.getByRole('textbox', { name: /搜索模板/ }), { target: { value: '会议' } });
    expect(within(screen.getByRole('listbox', { name: '模板' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['会议']);
    fireEvent.change(screen.getByRole('textbox', { name: /搜索模板/ }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '预览' }));
    const plan = await screen.findByTestId('insert-preview');
    expect(plan.textContent).toContain('已有内容的单元格一律不改动');
    expect(h.getState().inserts).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '确认插入' }));
    await screen.findByText(/已插入/);
    expect(h.getState().inserts).toHaveLength(1);
    const after = parseWorkbook(h.getState().grids).tables[0];
    expect(after.indicators.length).toBeGreaterThan(before.indicators.length);
    await screen.findByText(/待填写的数据（\d+ 处）/);
    expect(screen.getAllByRole('button', { name: /^定位到 / }).length).toBeGreaterThan(0);
  });

  it('generates the overview, re-assigns a project and writes a new sheet', async () => {
    const h = await host();
    render(<AssistantPane host={h} tools={TEMPLATE_TOOLS} />);
    fireEvent.click(await screen.findByRole('tab', { name: '部门整体目标' }));
    fireEvent.click(screen.getByRole('button', { name: '生成部门整体绩效目标' }));
    const preview = await screen.findByTestId('overview-preview');
    expect(preview.textContent).toContain('预算资金合计3777.20万元');
    expect(screen.getByTestId('overview-diffs').textContent).toContain('没有对应的工作领域');
    const select = screen.getByRole('combobox', { name: '组织事务工作经费 的工作领域' });
    fireEvent.change(select, { target: { value: '党的建设' } });
    await waitFor(() => expect(screen.getByTestId('overview-preview').textContent).toContain('党的建设（4个项目'));
    fireEvent.click(screen.getByRole('button', { name: '写入新工作表' }));
    await screen.findByText('已写入新工作表“部门整体绩效目标(2)”。原有工作表未改动。');
    expect(h.getState().addedSheets.map((s) => s.name)).toEqual(['部门整体绩效目标(2)']);
  });
});
