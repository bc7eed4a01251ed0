/** @jest-environment jsdom */
import '../taskpane/jsdomShims';
import { act, render, screen } from '@testing-library/react';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import { PANE_TOOL_KEY } from '../../src/wps/entry';
import { WATCH_MS, WpsPane, requestedTool } from '../../src/wps/WpsPane';
import { createMemoryHost } from '../../src/web/memoryHost';

const host = () => createMemoryHost([gridFromSpecs([{ name: '会议经费', indicators: [['产出指标', '数量指标', '召开会议次数', '全年召开会议次数', '≥4次', '计划标准']] }])]);

function selectedTab(): string | null {
  return screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent ?? null;
}

afterEach(() => {
  jest.useRealTimers();
  window.history.replaceState(null, '', '/');
});

test('requestedTool reads "tool@n" and rejects anything else', () => {
  expect(requestedTool('templates@1733.1')).toBe('templates');
  expect(requestedTool('overview')).toBe('overview');
  expect(requestedTool('<script>@1')).toBeUndefined();
  expect(requestedTool(42)).toBeUndefined();
  expect(requestedTool(undefined)).toBeUndefined();
});

test('opens on the tool in its URL, and switches when the ribbon writes a new request; old requests are ignored', () => {
  jest.useFakeTimers();
  window.history.replaceState(null, '', '/taskpane.html?tool=templates&_host_Info=Excel$Win32');
  const storage = new Map<string, unknown>([[PANE_TOOL_KEY, 'overview@1']]);
  render(<WpsPane host={host()} storage={{ getItem: (k) => storage.get(k), setItem: (k, v) => storage.set(k, v) }} />);
  expect(selectedTab()).toBe('插入模板');
  // The request that was there before the pane opened is not replayed.
  act(() => void jest.advanceTimersByTime(WATCH_MS * 3));
  expect(selectedTab()).toBe('插入模板');
  storage.set(PANE_TOOL_KEY, 'overview@2');
  act(() => void jest.advanceTimersByTime(WATCH_MS + 10));
  expect(selectedTab()).toBe('部门整体目标');
  storage.set(PANE_TOOL_KEY, 'check@3');
  act(() => void jest.advanceTimersByTime(WATCH_MS + 10));
  expect(selectedTab()).toBe('校验');
  // Back to a tool asked for before: a new request, so it switches again.
  storage.set(PANE_TOOL_KEY, 'templates@4');
  act(() => void jest.advanceTimersByTime(WATCH_MS + 10));
  expect(selectedTab()).toBe('插入模板');
});

test('an unknown tool in the URL opens the first tool', () => {
  window.history.replaceState(null, '', '/taskpane.html?tool=nonsense');
  render(<WpsPane host={host()} />);
  expect(selectedTab()).toBe('校验');
});

test('a PluginStorage that throws leaves the pane working on its URL tool', () => {
  jest.useFakeTimers();
  window.history.replaceState(null, '', '/taskpane.html?tool=overview');
  const broken = { getItem: () => { throw new Error('PluginStorage unavailable'); }, setItem: () => undefined };
  render(<WpsPane host={host()} storage={broken} />);
  act(() => void jest.advanceTimersByTime(WATCH_MS * 2));
  expect(selectedTab()).toBe('部门整体目标');
});
