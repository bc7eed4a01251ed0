/** Ribbon buttons that open the pane on a tool (Excel manifest, WPS ribbon) name tools the pane has. */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { TEMPLATE_TOOLS } from '../../src/taskpane/extraTools';
import { toolFromSearch } from '../../src/taskpane/tools';
import { BUTTONS, BUTTON_TOOLS } from '../../src/wps/ribbon';

const ROOT = path.join(__dirname, '..', '..');
const toolIds = TEMPLATE_TOOLS.map((t) => t.id);

test('Excel: 插入模板 and 部门整体目标 open the task pane on taskpane.html?tool=… of an existing tool', () => {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const overrides = doc.OfficeApp.VersionOverrides;
  const urls: Record<string, string> = Object.fromEntries(
    [overrides.Resources['bt:Urls']['bt:Url']].flat().map((u: { id: string; DefaultValue: string }) => [u.id, u.DefaultValue]),
  );
  const labels: Record<string, string> = Object.fromEntries(
    [overrides.Resources['bt:ShortStrings']['bt:String']].flat().map((u: { id: string; DefaultValue: string }) => [u.id, u.DefaultValue]),
  );
  const group = overrides.Hosts.Host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group;
  const controls: { id: string; Label: { resid: string }; Action: { 'xsi:type': string; TaskpaneId?: string; SourceLocation?: { resid: string } } }[] =
    [group.Control].flat();
  const panes = controls.filter((c) => c.Action['xsi:type'] === 'ShowTaskpane');
  const opened = panes.map((c) => {
    const url = new URL(urls[c.Action.SourceLocation!.resid]);
    expect(url.pathname).toBe('/taskpane.html');
    // One task pane for every button: a second button shows the same pane, not a second one.
    expect(c.Action.TaskpaneId).toBe('Jixiao.Taskpane');
    return [labels[c.Label.resid], toolFromSearch(url.search) ?? null];
  });
  expect(opened).toEqual([
    ['打开助手', null],
    ['插入模板', 'templates'],
    ['部门整体目标', 'overview'],
  ]);
  for (const [label, tool] of opened) {
    if (tool) expect(TEMPLATE_TOOLS.find((t) => t.id === tool)?.label).toBe(label);
  }
});

test('WPS: the tool buttons are in ribbon.xml with the pane tool’s label and open an existing tool', () => {
  const xml = fs.readFileSync(path.join(ROOT, 'src/wps/ribbon.xml'), 'utf8');
  for (const [id, { tool, title }] of Object.entries(BUTTON_TOOLS)) {
    expect(Object.values(BUTTONS)).toContain(id);
    expect(toolIds).toContain(tool);
    expect(TEMPLATE_TOOLS.find((t) => t.id === tool)?.label).toBe(title);
    expect(xml).toContain(`<button id="${id}" label="${title}"`);
  }
  expect(Object.keys(BUTTON_TOOLS)).toHaveLength(2);
});
