#!/usr/bin/env node
/**
 * Installs the built WPS 加载项 (dist/wps/, from `npm run build:wps`) into this user's WPS jsaddons folder,
 * offline: copies it to jsaddons/jixiao-assistant_<version>/ and registers it in jsaddons/publish.xml
 * (merged: other add-ins' entries are kept). Restart WPS 表格 afterwards.
 *
 *   node scripts/wps-install.js                 install for the current user
 *   node scripts/wps-install.js --dir <path>    use another jsaddons folder (e.g. a shared/packaged copy)
 *   node scripts/wps-install.js --uninstall     remove our folder and our publish.xml entry
 *
 * jsaddons folder: Windows %APPDATA%\kingsoft\wps\jsaddons; Linux ~/.local/share/Kingsoft/wps/jsaddons.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const NAME = 'jixiao-assistant';
const { version } = require('../package.json');
const FOLDER = `${NAME}_${version}`;
const SOURCE = path.join(__dirname, '..', 'dist', 'wps');

function jsaddonsDir() {
  const i = process.argv.indexOf('--dir');
  if (i >= 0 && process.argv[i + 1]) return path.resolve(process.argv[i + 1]);
  if (process.platform === 'win32') {
    if (!process.env.APPDATA) throw new Error('读不到 %APPDATA% 环境变量，请用 --dir 指定 jsaddons 目录。');
    return path.join(process.env.APPDATA, 'kingsoft', 'wps', 'jsaddons');
  }
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Containers', 'com.kingsoft.wpsoffice.mac', 'Data', '.kingsoft', 'wps', 'jsaddons');
  }
  return path.join(os.homedir(), '.local', 'share', 'Kingsoft', 'wps', 'jsaddons');
}

const ENTRY_ATTRS = { name: NAME, type: 'et', url: FOLDER, version, enable: 'enable_dev', install: 'null', customDomain: '' };
const ENTRY = `<jsplugin ${Object.entries(ENTRY_ATTRS)
  .map(([k, v]) => `${k}="${v}"`)
  .join(' ')}/>`;

const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  commentPropName: '#comment',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  allowBooleanAttributes: true,
};

const tagOf = (node) => Object.keys(node).find((k) => k !== ':@');

/**
 * publish.xml with our entry replaced/added (remove = drop it). The file is parsed as XML (fast-xml-parser),
 * so an entry is found however it is laid out (one line, several lines, the whole file on one line) and a
 * reinstall never duplicates it; other add-ins' entries and comments are kept.
 */
function mergePublish(existing, remove) {
  const { XMLParser, XMLBuilder, XMLValidator } = require('fast-xml-parser');
  const text = existing.replace(/^\uFEFF/, '').trim();
  if (!text) return remove ? '' : `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${ENTRY}\n</jsplugins>\n`;
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new Error(`publish.xml 不是有效的 XML（第 ${valid.err.line} 行：${valid.err.msg}），未作修改。请按 docs/wps.md 手动登记。`);
  }
  const doc = new XMLParser(XML_OPTIONS).parse(text);
  const root = doc.find((n) => tagOf(n) === 'jsplugins');
  if (!root) throw new Error('publish.xml 中找不到 <jsplugins> 根元素，格式无法识别，未作修改。请按 docs/wps.md 手动登记。');
  const ours = (node) => /^jsplugin(online)?$/.test(tagOf(node) ?? '') && node[':@'] && node[':@']['@_name'] === NAME;
  const kept = root.jsplugins.filter((n) => !ours(n) && !('#text' in n));
  if (!remove) {
    kept.push({ jsplugin: [], ':@': Object.fromEntries(Object.entries(ENTRY_ATTRS).map(([k, v]) => [`@_${k}`, v])) });
  }
  root.jsplugins = kept;
  const body = new XMLBuilder({ ...XML_OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true, suppressBooleanAttributes: false })
    .build(doc)
    .trim();
  const declared = /^<\?xml/.test(body) ? body : `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
  return `${declared}\n`;
}

function main() {
  const remove = process.argv.includes('--uninstall');
  const root = jsaddonsDir();
  if (!remove && !fs.existsSync(path.join(SOURCE, 'ribbon.xml'))) {
    throw new Error('未找到 dist/wps/ribbon.xml：请先运行 npm run build:wps。');
  }
  fs.mkdirSync(root, { recursive: true });
  // Old versions of ours (jixiao-assistant_*) would stay registered otherwise.
  for (const entry of fs.readdirSync(root)) {
    if (entry.startsWith(`${NAME}_`)) fs.rmSync(path.join(root, entry), { recursive: true, force: true });
  }
  if (!remove) {
    fs.cpSync(SOURCE, path.join(root, FOLDER), { recursive: true, filter: (src) => !src.endsWith('.sample') });
  }
  const publish = path.join(root, 'publish.xml');
  const existing = fs.existsSync(publish) ? fs.readFileSync(publish, 'utf8') : '';
  fs.writeFileSync(publish, mergePublish(existing, remove), 'utf8');
  console.log(
    remove
      ? `已卸载：删除了 ${root} 下的 ${NAME}_* 文件夹，并从 publish.xml 去掉了登记。重新启动 WPS 表格后生效。`
      : `已安装到 ${path.join(root, FOLDER)}，并登记到 ${publish}。\n请完全退出 WPS（包括托盘/后台进程）后重新打开 WPS 表格，功能区会出现“绩效目标”选项卡。`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(`安装未完成：${err && err.message ? err.message : err}`);
    process.exit(1);
  }
}

module.exports = { mergePublish, ENTRY, FOLDER };
