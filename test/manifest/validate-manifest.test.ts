import { readFileSync } from 'fs';
import { join } from 'path';

interface Issue {
  message: string;
  line?: number;
}
type Validate = (xml: string, options?: { assetsDir?: string; commandsFile?: string }) => { errors: Issue[]; warnings: Issue[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require('../../scripts/validate-manifest.js') as { validateManifest: Validate };

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
