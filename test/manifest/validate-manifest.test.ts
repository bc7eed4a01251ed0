import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

interface Issue {
  message: string;
  line?: number;
}
type Result = { errors: Issue[]; warnings: Issue[] };
type Validate = (xml: string, options?: { assetsDir?: string; commandsFile?: string }) => Result;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest, checkManifest } = require('../../scripts/validate-manifest.js') as {
  validateManifest: Validate;
  checkManifest: (xml: string) => Promise<Result>;
};

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function errorsOf(xml: string): string[] {
  return validateManifest(xml).errors.map((e) => e.message);
}

describe('offline manifest check', () => {
  it('accepts the shipped manifest', () => {
    const { errors, warnings } = validateManifest(manifest);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('rejects a resid with no resource, naming it and its line', () => {
    const xml = manifest.replace('<Label resid="Clear.Label"/>', '<Label resid="Clear.Missing"/>');
    const { errors } = validateManifest(xml);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('resid“Clear.Missing”');
    expect(errors[0].message).toContain('找不到');
    expect(xml.split('\n')[(errors[0].line ?? 0) - 1]).toContain('Clear.Missing');
  });

  it('rejects http URLs', () => {
    const xml = manifest.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html');
    expect(errorsOf(xml)).toEqual(['网址必须使用 HTTPS：http://localhost:3000/commands.html']);
  });

  it('rejects duplicate ids', () => {
    const xml = manifest.replace('id="Jixiao.Clear"', 'id="Jixiao.Validate"');
    expect(errorsOf(xml).some((m) => m.includes('id“Jixiao.Validate”重复'))).toBe(true);
  });

  it('rejects icons missing from assets/', () => {
    const xml = manifest.replace('assets/icon-80.png', 'assets/icon-99.png');
    expect(errorsOf(xml)).toEqual([expect.stringContaining('图标文件不存在：https://localhost:3000/assets/icon-99.png')]);
  });

  it('rejects elements out of schema order and missing required ones', () => {
    const moved = manifest.replace(/\s*<Version>1\.0\.0\.0<\/Version>/, '').replace('</ProviderName>', '</ProviderName>\n  <Version>1.0.0.0</Version>').replace('<ProviderName>', '<ProviderNameX>');
    expect(errorsOf(moved).join('\n')).toMatch(/未知元素 <ProviderNameX>|XML 格式错误/);
    const reordered = manifest.replace(/(\s*<Permissions>ReadWriteDocument<\/Permissions>)/, '').replace('<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    expect(errorsOf(reordered)).toEqual([expect.stringContaining('元素顺序错误：<DefaultSettings> 应在 <Permissions> 之前')]);
    const noIcon = manifest.replace(/\s*<HighResolutionIconUrl[^>]*\/>/, '');
    expect(errorsOf(noIcon)).toEqual(['缺少必需的元素 <HighResolutionIconUrl>。']);
  });

  it('rejects a non-GUID Id, over-long strings, wrong resource kinds and unregistered functions', () => {
    expect(errorsOf(manifest.replace(/<Id>[^<]+<\/Id>/, '<Id>jixiao</Id>'))[0]).toContain('<Id> 必须是 GUID');
    const longLabel = manifest.replace('DefaultValue="清除标记"', `DefaultValue="${'清'.repeat(126)}"`);
    expect(errorsOf(longLabel)[0]).toContain('超过 125 个字符');
    const longTip = manifest.replace('DefaultValue="清除“一键校验”', `DefaultValue="${'长'.repeat(251)}`);
    expect(errorsOf(longTip)[0]).toContain('超过 250 个字符');
    const wrongKind = manifest.replace('<Description resid="Clear.Tooltip"/>', '<Description resid="Clear.Label"/>');
    expect(errorsOf(wrongKind)[0]).toContain('应定义在长字符串');
    const fn = manifest.replace('<FunctionName>clearMarks</FunctionName>', '<FunctionName>clearAll</FunctionName>');
    expect(errorsOf(fn)[0]).toContain('FunctionName“clearAll”没有在');
  });

  it('reports malformed XML with its line', () => {
    const { errors } = validateManifest(manifest.replace('</Permissions>', '</Permission>'));
    expect(errors[0].message).toMatch(/^XML 格式错误/);
    expect(errors[0].line).toBeGreaterThan(1);
  });
});

/** Broken manifests: each must fail the full check (schema + vocabulary) with a message naming the problem. */
const BROKEN: [string, (m: string) => string, RegExp, string][] = [
  ['misspelled element', (m) => m.replace('<Label resid="Clear.Label"/>', '<Lable resid="Clear.Label"/>'), /元素 <Lable> 不应出现在此处，此处应为 <Label>/, '<Lable'],
  ['wrong xsi:type on an action', (m) => m.replace(/<Action xsi:type="ExecuteFunction">(\s*<FunctionName>clearMarks)/, '<Action xsi:type="ExecuteFunctio">$1'), /xsi:type="ExecuteFunctio" 不是清单架构中的类型/, 'ExecuteFunctio'],
  ['wrong xsi:type on a control', (m) => m.replace('<Control xsi:type="Button" id="Jixiao.Clear">', '<Control xsi:type="Buton" id="Jixiao.Clear">'), /xsi:type="Buton"/, 'Buton'],
  ['wrong root namespace', (m) => m.replace('xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"', 'xmlns="http://schemas.microsoft.com/office/appforoffice/1.0"'), /根元素 <OfficeApp> 的命名空间不对/, 'TaskPaneApp'],
  ['wrong basic-types namespace', (m) => m.replace('officeappbasictypes/1.0"', 'officeappbasictypes/1.1"'), /<Image> 的命名空间“[^”]*1\.1”不对，应为“[^”]*1\.0”/, 'bt:Image'],
  ['wrong VersionOverrides namespace', (m) => m.replace('xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"', 'xmlns="http://schemas.microsoft.com/office/mailappversionoverrides"'), /<VersionOverrides> 的命名空间/, '<VersionOverrides'],
  ['unknown OfficeTab id', (m) => m.replace('OfficeTab id="TabHome"', 'OfficeTab id="TabHomeX"'), /TabHomeX.*不是 Excel 的内置选项卡（是否应为 TabHome？）/, 'TabHomeX'],
  ['requirement set name in the wrong case', (m) => m.replace('Name="ExcelApi"', 'Name="ExcelAPI"'), /要求集“ExcelAPI”不存在（名称区分大小写，应为 ExcelApi）/, 'ExcelAPI'],
  ['requirement set version that does not exist', (m) => m.replace(/(Name="ExcelApi" MinVersion=)"[^"]+"/, '$1"1.99"'), /ExcelApi 的版本“1\.99”不存在/, '1.99'],
  ['unknown host name', (m) => m.replace('<Host Name="Workbook"/>', '<Host Name="Workbooks"/>'), /<Host Name="Workbooks"> 不是有效的宿主名称/, 'Workbooks'],
  ['URL over 2048 characters', (m) => m.replace('"https://localhost:3000/commands.html"', `"https://localhost:3000/commands.html?${'x'.repeat(2100)}"`), /网址超过 2048 个字符/, 'commands.html?'],
  ['missing required child', (m) => m.replace('<Label resid="Group.Label"/>', ''), /此处应为 <Label>/, '<Icon>'],
  ['attribute the schema does not allow', (m) => m.replace('<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Commands.Url" url="commands.html"/>'), /<FunctionFile> 不允许有属性 url/, '<FunctionFile'],
  ['unknown VersionOverrides type', (m) => m.replace('xsi:type="VersionOverridesV1_0"', 'xsi:type="VersionOverridesV2_0"'), /VersionOverridesV2_0/, 'VersionOverridesV2_0'],
];

describe('full manifest check: schema (XSD) + Office vocabulary', () => {
  it('accepts the shipped manifest', async () => {
    const { errors, warnings } = await checkManifest(manifest);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it.each(BROKEN)('rejects %s with a clear message on the right line', async (_name, breakIt, expected, lineText) => {
    const xml = breakIt(manifest);
    expect(xml).not.toBe(manifest);
    const { errors } = await checkManifest(xml);
    const hit = errors.find((e) => expected.test(e.message));
    if (!hit) throw new Error(`no message matching ${expected} among: ${errors.map((e) => e.message).join(' | ')}`);
    // The line reported shows the broken text (libxml2 reports a start tag's last line).
    expect(hit.line).toBeDefined();
    expect(xml.split('\n')[(hit.line ?? 0) - 1]).toContain(lineText);
  });

  it('the command exits 1 on a broken manifest and 0 on the shipped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-manifest-'));
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, BROKEN[6][1](manifest));
    const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'validate-manifest.js'), file], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('TabHomeX');
    writeFileSync(file, manifest);
    const ok = spawnSync(process.execPath, [join(ROOT, 'scripts', 'validate-manifest.js'), file], { encoding: 'utf8' });
    expect([ok.status, ok.stdout]).toEqual([0, expect.stringContaining('清单检查通过')]);
  });
});
