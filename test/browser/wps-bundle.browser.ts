/**
 * Smoke test of the BUILT hidden-page bundle (main.*.js, lowered for older WPS Chromium), built by
 * the browser suite's globalSetup: evaluated in a bare context with a fake ET Application,
 * window.ribbon must work end to end.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { gridFromSpecs } from '../../src/core/testing/tableSpec';
import { FakeEt } from '../wps/fakeEt';

const dir = process.env.JIXIAO_WPS_DIST ?? '';
const main = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => /^main\.[0-9a-f]+\.js$|^main\.js$/.test(f)) : undefined;

test('built main bundle defines window.ribbon and runs 一键校验 / 清除标记 against the ET model', async () => {
  if (!main) throw new Error(`没有找到 WPS 加载项的构建结果（${dir}）：globalSetup 应已构建 webpack.wps.js`);
  const fake = new FakeEt({ methods: true });
  fake.addGrid(gridFromSpecs([{ name: '示例项目', indicators: [['满意度指标', '服务对象满意度指标', '满意度', '满意度', '≤98%', '']] }]));
  const alerts: string[] = [];
  const win: Record<string, unknown> = {
    Application: fake.application(),
    alert: (m: string) => alerts.push(m),
    location: { href: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/jixiao-assistant_0.1.0/index.html' },
  };
  win.window = win;
  win.self = win;
  const context = vm.createContext(Object.assign(win, { URL, Promise, setTimeout, console }));
  vm.runInContext(fs.readFileSync(path.join(dir, main!), 'utf8'), context);
  const ribbon = win.ribbon as { OnAction(c: unknown): unknown; OnAddinLoad(u: unknown): unknown };
  expect(ribbon.OnAddinLoad({})).toBe(true);
  expect(ribbon.OnAction({ Id: 'btnJixiaoValidate' })).toBe(true);
  await new Promise((r) => setTimeout(r, 10));
  expect(alerts[0]).toMatch(/^绩效目标表助手 · 一键校验\n\n校验完成：1 张表/);
  expect(ribbon.OnAction({ Id: 'btnJixiaoClear' })).toBe(true);
  await new Promise((r) => setTimeout(r, 10));
  expect(alerts[1]).toMatch(/已清除标记/);
  expect(fake.fills()).toEqual({});
});
