/** scripts/wps-install.js: publish.xml is merged as XML, never duplicated, other entries kept. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mergePublish, FOLDER } = require('../../scripts/wps-install.js') as { mergePublish: (xml: string, remove: boolean) => string; FOLDER: string };

function entries(xml: string): Record<string, string>[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'jsplugin' }).parse(xml);
  return doc.jsplugins?.jsplugin ?? [];
}

const OTHER = '<jsplugin name="oa-helper" type="wps" url="http://oa.example/addin/?a=1&amp;b=2" version="2.1" enable="enable"/>';

describe('publish.xml merge', () => {
  it.each([
    ['a single-line file', `<?xml version="1.0" encoding="UTF-8"?><jsplugins>${OTHER}<jsplugin name="jixiao-assistant" type="et" url="jixiao-assistant_0.0.9" version="0.0.9"/></jsplugins>`],
    ['an entry spread over several lines', `<jsplugins>\n  ${OTHER}\n  <jsplugin\n    name="jixiao-assistant"\n    type="et" url="jixiao-assistant_0.0.9"\n    version="0.0.9"></jsplugin>\n</jsplugins>\n`],
    ['a BOM and CRLF line ends', `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<jsplugins>\r\n  ${OTHER}\r\n</jsplugins>\r\n`],
  ])('%s: one entry of ours after install and after reinstall; the other add-in kept', (_name, before) => {
    const once = mergePublish(before, false);
    const twice = mergePublish(once, false);
    expect(twice).toBe(once);
    const list = entries(twice);
    expect(list.filter((e) => e.name === 'jixiao-assistant')).toEqual([expect.objectContaining({ url: FOLDER, type: 'et' })]);
    expect(list.find((e) => e.name === 'oa-helper')).toEqual({ name: 'oa-helper', type: 'wps', url: 'http://oa.example/addin/?a=1&b=2', version: '2.1', enable: 'enable' });
    const removed = entries(mergePublish(twice, true));
    expect(removed.map((e) => e.name)).toEqual(['oa-helper']);
  });

  it('creates the file when there is none, and keeps comments', () => {
    expect(entries(mergePublish('', false)).map((e) => e.name)).toEqual(['jixiao-assistant']);
    expect(mergePublish('<jsplugins>\n  <!-- 单位统一登记 -->\n</jsplugins>', false)).toContain('<!-- 单位统一登记 -->');
  });

  it('refuses a file that is not XML or has another root, in zh-CN, without changing it', () => {
    expect(() => mergePublish('<jsplugins><jsplugin name="a"></jsplugins>', false)).toThrow(/publish\.xml 不是有效的 XML/);
    expect(() => mergePublish('<plugins/>', false)).toThrow(/找不到 <jsplugins>/);
  });
});
