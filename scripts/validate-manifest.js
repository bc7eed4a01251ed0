#!/usr/bin/env node
/**
 * Offline structural check of the add-in manifest (the official `office-addin-manifest validate` posts the
 * file to a Microsoft web service, which isolated networks cannot reach).
 *
 *   node scripts/validate-manifest.js manifest.xml [--online]
 *
 * Exit code 1 when there are errors. Messages are zh-CN, with the line number where it can be found.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const ROOT = path.join(__dirname, '..');

/** Child elements of OfficeApp (TaskPaneApp) in schema order. */
const OFFICEAPP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];
const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'Hosts',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadWriteDocument', 'WriteDocument', 'ReadAllDocument'];
const SHORT_MAX = 125;
const LONG_MAX = 250;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ICON_SIZES = ['16', '20', '24', '32', '40', '48', '64', '80'];

/** Which Resources section a resid must point to, by the element that carries it. */
const RESID_KIND = {
  Image: 'Images',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Runtime: 'Urls',
  Override: 'Urls',
};
const KIND_LABEL = { Images: '图片（bt:Images）', Urls: '网址（bt:Urls）', ShortStrings: '短字符串（bt:ShortStrings）', LongStrings: '长字符串（bt:LongStrings）' };

const local = (name) => name.replace(/^.*:/, '');
const tagOf = (node) => Object.keys(node).find((k) => k !== ':@');
const attrs = (node) => node[':@'] || {};
const children = (node) => {
  const tag = tagOf(node);
  return tag && Array.isArray(node[tag]) ? node[tag].filter((c) => !('#text' in c) && tagOf(c) && !tagOf(c).startsWith('?')) : [];
};
const textOf = (node) => {
  const tag = tagOf(node);
  const list = tag && Array.isArray(node[tag]) ? node[tag] : [];
  return list
    .filter((c) => '#text' in c)
    .map((c) => String(c['#text']))
    .join('')
    .trim();
};

function walk(node, visit, trail = []) {
  const tag = tagOf(node);
  if (!tag) return;
  const here = [...trail, local(tag)];
  visit(node, here);
  for (const child of children(node)) walk(child, visit, here);
}

function lineFinder(text) {
  return (needle, from = 0) => {
    const i = needle ? text.indexOf(needle, from) : -1;
    return i < 0 ? undefined : text.slice(0, i).split('\n').length;
  };
}

/** Names registered with Office.actions.associate('name', …) in the commands source. */
function registeredFunctions(commandsFile) {
  if (!commandsFile || !fs.existsSync(commandsFile)) return undefined;
  const src = fs.readFileSync(commandsFile, 'utf8');
  const names = new Set();
  for (const m of src.matchAll(/actions\.associate\(\s*['"`]([^'"`]+)['"`]/g)) names.add(m[1]);
  return names;
}

/**
 * @param {string} xml manifest text
 * @param {{ assetsDir?: string, commandsFile?: string }} [options]
 * @returns {{ errors: {message: string, line?: number}[], warnings: {message: string, line?: number}[] }}
 */
function validateManifest(xml, options = {}) {
  const assetsDir = options.assetsDir ?? path.join(ROOT, 'assets');
  const commandsFile = options.commandsFile ?? path.join(ROOT, 'src', 'commands', 'commands.ts');
  const errors = [];
  const warnings = [];
  const lineOf = lineFinder(xml);
  const err = (message, line) => errors.push({ message, line });
  const warn = (message, line) => warnings.push({ message, line });

  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    err(`XML 格式错误：${wellFormed.err.msg}`, wellFormed.err.line);
    return { errors, warnings };
  }
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, parseAttributeValue: false, trimValues: true }).parse(xml);
  const root = doc.find((n) => tagOf(n) && local(tagOf(n)) === 'OfficeApp');
  if (!root) {
    err('根元素必须是 OfficeApp。', 1);
    return { errors, warnings };
  }
  if (attrs(root)['xsi:type'] !== 'TaskPaneApp') err('OfficeApp 的 xsi:type 应为 "TaskPaneApp"。', lineOf('<OfficeApp'));

  // Order and presence of the top-level elements.
  const top = children(root).map((c) => ({ name: local(tagOf(c)), node: c }));
  let last = -1;
  let lastName = '';
  const seen = new Map();
  for (const { name, node } of top) {
    const idx = OFFICEAPP_ORDER.indexOf(name);
    const line = lineOf(`<${name}`);
    if (idx < 0) {
      err(`OfficeApp 下有未知元素 <${name}>。`, line);
      continue;
    }
    if (seen.has(name)) err(`元素 <${name}> 重复出现。`, line);
    seen.set(name, node);
    if (idx < last) err(`元素顺序错误：<${name}> 应在 <${lastName}> 之前（顺序见 Office 清单架构）。`, line);
    else {
      last = idx;
      lastName = name;
    }
  }
  for (const name of REQUIRED) if (!seen.has(name)) err(`缺少必需的元素 <${name}>。`);

  const text = (name) => (seen.has(name) ? textOf(seen.get(name)) : '');
  const id = text('Id');
  if (seen.has('Id') && !GUID.test(id)) err(`<Id> 必须是 GUID（例如 3cc5d4f0-8ab4-45ef-94a5-9c2e82f734b1），当前为“${id}”。`, lineOf('<Id>'));
  const version = text('Version');
  if (seen.has('Version') && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) err(`<Version> 格式应为 1.0.0.0，当前为“${version}”。`, lineOf('<Version>'));
  const locale = text('DefaultLocale');
  if (seen.has('DefaultLocale') && !/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(locale)) err(`<DefaultLocale> 不是有效的语言代码：“${locale}”。`, lineOf('<DefaultLocale>'));
  const perm = text('Permissions');
  if (seen.has('Permissions') && !PERMISSIONS.includes(perm)) err(`<Permissions> 取值无效：“${perm}”，应为 ${PERMISSIONS.join(' / ')} 之一。`, lineOf('<Permissions>'));
  for (const [name, max] of [
    ['DisplayName', SHORT_MAX],
    ['Description', LONG_MAX],
  ]) {
    const node = seen.get(name);
    if (!node) continue;
    const values = [attrs(node).DefaultValue, ...children(node).map((c) => attrs(c).Value)].filter((v) => v !== undefined);
    if (!attrs(node).DefaultValue) err(`<${name}> 缺少 DefaultValue。`, lineOf(`<${name}`));
    for (const v of values) if (String(v).length > max) err(`<${name}> 的文字超过 ${max} 个字符：“${String(v).slice(0, 20)}…”。`, lineOf(String(v)));
  }

  // Every URL: https, parseable, icons present in assets/.
  walk(root, (node, trail) => {
    const a = attrs(node);
    const candidates = [a.DefaultValue, a.Value, a.SourceLocation, trail[trail.length - 1] === 'AppDomain' ? textOf(node) : undefined];
    for (const v of candidates) {
      if (typeof v !== 'string' || !/^[a-z]+:\/\//i.test(v)) continue;
      const line = lineOf(v);
      if (!/^https:\/\//i.test(v)) {
        err(`网址必须使用 HTTPS：${v}`, line);
        continue;
      }
      let url;
      try {
        url = new URL(v);
      } catch {
        err(`网址无效：${v}`, line);
        continue;
      }
      if (url.pathname.startsWith('/assets/')) {
        const file = path.join(assetsDir, decodeURIComponent(url.pathname.slice('/assets/'.length)));
        if (!fs.existsSync(file)) err(`图标文件不存在：${v} 指向的 assets/${path.basename(file)} 未找到（可运行 node scripts/make-icons.js 生成）。`, line);
      }
    }
  });

  // VersionOverrides: unique ids, resids resolved, string lengths, FunctionName registered.
  const vo = seen.get('VersionOverrides');
  if (vo) {
    const ids = new Map();
    const resources = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
    const resids = [];
    const functions = [];
    walk(vo, (node, trail) => {
      const a = attrs(node);
      const name = trail[trail.length - 1];
      if (a.id !== undefined) {
        const line = lineOf(`id="${a.id}"`);
        if (ids.has(a.id)) err(`id“${a.id}”重复（VersionOverrides 中的 id 必须唯一）。`, lineOf(`id="${a.id}"`, xml.indexOf(`id="${a.id}"`) + 1) ?? line);
        else ids.set(a.id, line);
        const section = trail[trail.length - 2];
        if (section in resources && trail.includes('Resources')) resources[section].set(a.id, node);
      }
      if (a.resid !== undefined) resids.push({ resid: a.resid, element: name, line: lineOf(`resid="${a.resid}"`) });
      if (name === 'FunctionName') functions.push({ name: textOf(node), line: lineOf(`<FunctionName>${textOf(node)}`) });
      if (name === 'Image' && trail.includes('Icon') && !ICON_SIZES.includes(String(a.size))) {
        err(`图标尺寸 size="${a.size}" 无效，应为 ${ICON_SIZES.join('/')} 之一。`, lineOf(`size="${a.size}"`));
      }
      if (name === 'Icon' && !trail.includes('Resources')) {
        const sizes = children(node).map((c) => String(attrs(c).size));
        for (const s of ['16', '32', '80']) if (!sizes.includes(s)) err(`<Icon> 缺少 ${s}×${s} 像素的图片。`, lineOf('<Icon>'));
      }
    });
    for (const { resid, element, line } of resids) {
      if (resid.length > 32) err(`resid“${resid}”超过 32 个字符。`, line);
      const expected = RESID_KIND[element];
      const found = Object.keys(resources).find((k) => resources[k].has(resid));
      if (!found) err(`resid“${resid}”（<${element}>）在 Resources 中找不到对应的条目。`, line);
      else if (expected && element !== 'Override' && found !== expected) {
        err(`resid“${resid}”用于 <${element}>，应定义在${KIND_LABEL[expected]}中，实际在${KIND_LABEL[found]}中。`, line);
      }
    }
    for (const [section, max] of [
      ['ShortStrings', SHORT_MAX],
      ['LongStrings', LONG_MAX],
    ]) {
      for (const [rid, node] of resources[section]) {
        const values = [attrs(node).DefaultValue, ...children(node).map((c) => attrs(c).Value)];
        for (const v of values) {
          if (v === undefined) continue;
          if (String(v).length > max) err(`${KIND_LABEL[section]}“${rid}”超过 ${max} 个字符（${String(v).length} 个）。`, lineOf(`id="${rid}"`));
        }
        if (!attrs(node).DefaultValue) err(`${KIND_LABEL[section]}“${rid}”缺少 DefaultValue。`, lineOf(`id="${rid}"`));
      }
    }
    const registered = registeredFunctions(commandsFile);
    if (!registered) {
      if (functions.length) warn(`未找到 ${path.relative(ROOT, commandsFile)}，无法核对 FunctionName。`);
    } else {
      for (const { name, line } of functions) {
        if (!registered.has(name)) {
          err(`FunctionName“${name}”没有在 ${path.relative(ROOT, commandsFile)} 中用 Office.actions.associate 注册。`, line);
        }
      }
    }
    if (!xml.includes('<FunctionFile')) warn('没有 <FunctionFile>：ExecuteFunction 按钮将无法运行。');
  }
  return { errors, warnings };
}

function format(item, file) {
  return item.line ? `${file}:${item.line}  ${item.message}` : `${file}  ${item.message}`;
}

async function online(file) {
  const dns = require('dns').promises;
  try {
    await Promise.race([
      dns.lookup('validationgateway.omex.office.net'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ]);
  } catch {
    console.log('提示：无法连接微软在线验证服务（无网络或处于内网），已跳过在线验证。');
    return 0;
  }
  const { spawnSync } = require('child_process');
  console.log('正在运行在线验证：office-addin-manifest validate（会把清单发送到微软的验证服务）…');
  const res = spawnSync('npx', ['--no-install', 'office-addin-manifest', 'validate', file], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, OFFICE_ADDIN_USAGE_DATA: 'off' },
  });
  return res.status ?? 1;
}

async function main(argv) {
  const args = argv.filter((a) => !a.startsWith('--'));
  const file = args[0] || 'manifest.xml';
  if (!fs.existsSync(file)) {
    console.error(`找不到清单文件：${file}`);
    return 1;
  }
  const { errors, warnings } = validateManifest(fs.readFileSync(file, 'utf8'));
  for (const w of warnings) console.warn(`警告  ${format(w, file)}`);
  for (const e of errors) console.error(`错误  ${format(e, file)}`);
  if (errors.length) {
    console.error(`清单检查未通过：${errors.length} 个错误${warnings.length ? `，${warnings.length} 个警告` : ''}。`);
    return 1;
  }
  console.log(`清单检查通过：${file}（离线结构检查${warnings.length ? `，${warnings.length} 个警告` : ''}）。`);
  if (argv.includes('--online')) return online(file);
  return 0;
}

module.exports = { validateManifest };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`清单检查出错：${e && e.message ? e.message : e}`);
      process.exit(1);
    },
  );
}
