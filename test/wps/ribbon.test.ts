import * as fs from 'fs';
import * as path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import type { EtApplication } from '../../src/hosts/wps/et';
import { type WpsWindow, entryPoints } from '../../src/wps/entry';
import { BUTTONS, PANE_ID_KEY, PANE_TOOL_KEY, makeRibbon } from '../../src/wps/ribbon';
import { requestedTool } from '../../src/wps/WpsPane';
import { FakeEt } from './fakeEt';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(fake?: FakeEt, extra: Partial<EtApplication> = {}) {
  const messages: [string, string][] = [];
  const app = fake ? Object.assign(fake.application() as EtApplication, extra) : undefined;
  const ribbon = makeRibbon({
    app: () => app,
    notify: (title, message) => messages.push([title, message]),
    paneUrl: () => 'file:///jsaddons/jixiao/taskpane.html',
  });
  return { ribbon, messages, app };
}

function workbook(): FakeEt {
  const fake = new FakeEt();
  fake.addGrid(
    gridFromSpecs([
      {
        name: '驻村工作队经费',
        schedule: [0.25, 0.25, 0.25, 0.25],
        indicators: [['满意度指标', '服务对象满意度指标', '使用单位成员满意度', '满意度', '≤98%', '']],
      },
    ]),
  );
  return fake;
}

test('一键校验 returns true synchronously, then reports the summary', async () => {
  const fake = workbook();
  const { ribbon, messages } = setup(fake);
  const result = ribbon.OnAction({ Id: BUTTONS.validate });
  expect(result).toBe(true);
  expect(messages).toEqual([]);
  await flush();
  expect(messages).toHaveLength(1);
  expect(messages[0][0]).toBe('一键校验');
  expect(messages[0][1]).toMatch(/^校验完成：1 张表/);
  expect([...fake.sheets[0].cells.values()].some((c) => c.comment?.startsWith('【绩效目标表助手】'))).toBe(true);

  expect(ribbon.OnAction({ Id: BUTTONS.clear })).toBe(true);
  await flush();
  expect(messages[1]).toEqual(['清除标记', expect.stringMatching(/^已清除标记/)]);
  expect([...fake.sheets[0].cells.values()].some((c) => c.comment !== undefined)).toBe(false);
});

test('failures are reported in zh-CN, never thrown', async () => {
  const fake = workbook();
  fake.workbookOpen = false;
  const { ribbon, messages } = setup(fake);
  expect(ribbon.OnAction({ Id: BUTTONS.validate })).toBe(true);
  expect(ribbon.OnAction({ Id: BUTTONS.clear })).toBe(true); // busy: told to wait
  await flush();
  expect(messages[0]).toEqual(['清除标记', '上一次操作尚未完成，请稍候再试。']);
  expect(messages[1][1]).toMatch(/^校验未完成：当前没有打开的工作簿/);

  const outside = setup(undefined);
  expect(outside.ribbon.OnAction({ Id: BUTTONS.clear })).toBe(true);
  await flush();
  expect(outside.messages[0][1]).toMatch(/^清除标记未完成：未检测到 WPS 表格运行环境/);

  const broken = makeRibbon({
    app: () => {
      throw new Error('boom');
    },
    notify: () => {
      throw new Error('no alert');
    },
    paneUrl: () => '',
  });
  expect(broken.OnAction({ Id: BUTTONS.validate })).toBe(true);
  expect(broken.OnAction({ Id: BUTTONS.pane })).toBe(true);
  expect(broken.OnAddinLoad({})).toBe(true);
  expect(broken.OnAction(null)).toBe(true);
  await flush();
});

test('protected sheet: marking fails with a zh-CN reason', async () => {
  const fake = workbook();
  fake.protectedSheets.add(fake.sheets[0].name);
  const { ribbon, messages } = setup(fake);
  ribbon.OnAction({ Id: BUTTONS.validate });
  await flush();
  expect(messages[0][1]).toMatch(/^校验未完成：标注单元格失败（工作表受保护）。请确认/);
});

/** A workbook whose Application creates task panes (recorded) and has a PluginStorage. */
function withPanes() {
  const panes: { ID: string; Visible: boolean; DockPosition?: number; url: string }[] = [];
  const storage = new Map<string, unknown>();
  const { ribbon, messages } = setup(workbook(), {
    CreateTaskPane: (url: string) => {
      const pane = { ID: `p${panes.length + 1}`, Visible: false, url };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: string | number) => panes.find((p) => p.ID === id),
    PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
  });
  return { panes, storage, ribbon, messages };
}

test('打开助手 creates the task pane once, docks it right and shows it; the id is kept in PluginStorage', () => {
  const { panes, storage, ribbon } = withPanes();
  expect(ribbon.OnAction({ Id: BUTTONS.pane })).toBe(true);
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2, url: 'file:///jsaddons/jixiao/taskpane.html' });
  expect(storage.get(PANE_ID_KEY)).toBe('p1');
  panes[0].Visible = false;
  ribbon.OnAction({ Id: BUTTONS.pane });
  expect(panes).toHaveLength(1);
  expect(panes[0].Visible).toBe(true);
});

test('插入模板 and 部门整体目标 open the pane on their tool: a new pane through its URL, an open one through PluginStorage', () => {
  const { panes, storage, ribbon, messages } = withPanes();
  expect(ribbon.OnAction({ Id: BUTTONS.templates })).toBe(true);
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ Visible: true, url: 'file:///jsaddons/jixiao/taskpane.html?tool=templates' });
  expect(requestedTool(storage.get(PANE_TOOL_KEY))).toBe('templates');
  // The pane is open: no second pane; the request changes so the open pane switches to 部门整体目标.
  const before = storage.get(PANE_TOOL_KEY);
  panes[0].Visible = false;
  expect(ribbon.OnAction({ Id: BUTTONS.overview })).toBe(true);
  expect(panes).toHaveLength(1);
  expect(panes[0].Visible).toBe(true);
  expect(storage.get(PANE_TOOL_KEY)).not.toBe(before);
  expect(requestedTool(storage.get(PANE_TOOL_KEY))).toBe('overview');
  // Clicking the same button twice is a new request too (the user may have changed tabs in between).
  const again = storage.get(PANE_TOOL_KEY);
  ribbon.OnAction({ Id: BUTTONS.overview });
  expect(storage.get(PANE_TOOL_KEY)).not.toBe(again);
  // 打开助手 shows the pane without asking for a tool.
  const last = storage.get(PANE_TOOL_KEY);
  ribbon.OnAction({ Id: BUTTONS.pane });
  expect(storage.get(PANE_TOOL_KEY)).toBe(last);
  expect(messages).toEqual([]);
});

test('插入模板 outside WPS says so in zh-CN instead of throwing', () => {
  const { ribbon, messages } = setup(undefined);
  expect(ribbon.OnAction({ Id: BUTTONS.templates })).toBe(true);
  expect(messages).toHaveLength(1);
  expect(messages[0][0]).toBe('插入模板');
  expect(messages[0][1]).toMatch(/WPS/);
});

test('ribbon.xml: every button is handled and every callback exists', () => {
  const xml = fs.readFileSync(path.join(__dirname, '../../src/wps/ribbon.xml'), 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(XMLValidator.validate(fs.readFileSync(path.join(__dirname, '../../src/wps/publish.xml'), 'utf8'))).toBe(true);
  const ids = [...xml.matchAll(/<button id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.sort()).toEqual(Object.values(BUTTONS).sort());
  const { ribbon } = setup(workbook());
  const callbacks = new Set([...xml.matchAll(/"ribbon\.(\w+)"/g)].map((m) => m[1]));
  for (const name of callbacks) expect(typeof (ribbon as unknown as Record<string, unknown>)[name]).toBe('function');
  expect(callbacks).toEqual(new Set(['OnAddinLoad', 'OnAction', 'GetImage', 'OnGetEnabled', 'OnGetVisible']));
  expect(ribbon.GetImage({ Id: BUTTONS.validate })).toBe('images/icon-32.png');
});

describe('WPS entry points: wps.* first, Application fallbacks second', () => {
  const paneUrl = () => 'file:///jsaddons/jixiao/taskpane.html';

  function ribbonFor(win: WpsWindow) {
    const messages: [string, string][] = [];
    const ribbon = makeRibbon({ app: () => entryPoints(win).app, entry: () => entryPoints(win), notify: (t, m) => messages.push([t, m]), paneUrl });
    return { ribbon, messages };
  }

  it.each([
    ['global wps object (Kingsoft typings), Application without task-pane members', (f: FakeEt) => ({ wps: f.wpsGlobal() })],
    ['global wps object whose EtApplication() returns { Application }', (f: FakeEt) => ({ wps: f.wpsGlobal({ wrapped: true }) })],
    ['window.Application only, with the members on it (older builds)', (f: FakeEt) => ({ Application: f.application({ withTaskPanes: true }) })],
  ] as [string, (f: FakeEt) => WpsWindow][])('%s: 打开助手 opens one pane, 一键校验 marks', async (_name, shape) => {
    const fake = workbook();
    const win = shape(fake);
    const { ribbon, messages } = ribbonFor(win);
    expect(ribbon.OnAction({ Id: BUTTONS.pane })).toBe(true);
    expect(messages).toEqual([]);
    expect(fake.panes).toHaveLength(1);
    expect(fake.panes[0]).toMatchObject({ Visible: true, url: paneUrl(), title: '绩效目标表助手' });
    expect(fake.storage.get(PANE_ID_KEY)).toBe('p1');
    fake.panes[0].Visible = false;
    ribbon.OnAction({ Id: BUTTONS.pane });
    expect(fake.panes).toHaveLength(1);
    expect(fake.panes[0].Visible).toBe(true);
    ribbon.OnAction({ Id: BUTTONS.validate });
    await flush();
    expect(messages[0][1]).toMatch(/^校验完成：1 张表/);
  });

  it('prefers wps.* over Application members when both exist', () => {
    const viaGlobal = workbook();
    const viaApp = workbook();
    const win: WpsWindow = { wps: viaGlobal.wpsGlobal(), Application: viaApp.application({ withTaskPanes: true }) as EtApplication };
    ribbonFor(win).ribbon.OnAction({ Id: BUTTONS.pane });
    expect(viaGlobal.panes).toHaveLength(1);
    expect(viaApp.panes).toHaveLength(0);
  });

  it('says the WPS version lacks task panes only when neither shape has them', async () => {
    const fake = workbook();
    const { ribbon, messages } = ribbonFor({ Application: fake.application() as EtApplication });
    ribbon.OnAction({ Id: BUTTONS.pane });
    expect(messages[0][1]).toContain('当前 WPS 版本不支持任务窗格');
    const outside = ribbonFor({});
    outside.ribbon.OnAction({ Id: BUTTONS.pane });
    expect(outside.messages[0][1]).toContain('未检测到 WPS 表格运行环境');
  });
});
