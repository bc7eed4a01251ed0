#!/usr/bin/env node
/**
 * Offline check of the add-in manifest (the official `office-addin-manifest validate` posts the file to a
 * Microsoft web service, which isolated networks cannot reach):
 *   1. schema: the Office add-in manifest XSDs in schemas/office-addin-manifest/ (see its README), validated
 *      with xmllint-wasm (libxml2 in WebAssembly, no system package);
 *   2. vocabulary the schema cannot know: built-in OfficeTab ids, requirement-set names and versions, host
 *      names, URL length;
 *   3. consistency: element order, unique ids, resids resolved, string lengths, HTTPS, icons present,
 *      FunctionName registered.
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
const SCHEMA_DIR = path.join(ROOT, 'schemas', 'office-addin-manifest');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/**
 * Built-in tab ids an Excel add-in may extend (learn.microsoft.com, "Find the IDs of built-in Office ribbon
 * tabs"); the last two exist on desktop only.
 */
const EXCEL_TABS = ['TabHome', 'TabInsert', 'TabPageLayoutExcel', 'TabFormulas', 'TabData', 'TabReview', 'TabView', 'TabDeveloper', 'TabAddIns', 'TabPrintPreview', 'TabBackgroundRemoval'];
/** <Hosts><Host Name> values (manifest reference, "Host element"). */
const HOST_NAMES = ['Workbook', 'Document', 'Presentation', 'Mailbox', 'Notebook', 'Project', 'Database'];
/**
 * Requirement sets an Excel add-in can name, with the highest published version (Microsoft's requirement-set
 * tables, autumn 2025). Names are case-sensitive: "ExcelAPI" is not "ExcelApi".
 */
const REQUIREMENT_SETS = {
  ExcelApi: '1.20',
  ExcelApiDesktop: '1.1',
  ExcelApiOnline: '1.1',
  AddinCommands: '1.3',
  CustomFunctionsRuntime: '1.4',
  DialogApi: '1.2',
  DialogOrigin: '1.1',
  SharedRuntime: '1.2',
  RibbonApi: '1.2',
  IdentityAPI: '1.3',
  NestedAppAuth: '1.1',
  KeyboardShortcuts: '1.1',
  OpenBrowserWindowApi: '1.1',
  DevicePermission: '1.1',
  ImageCoercion: '1.2',
  BindingEvents: '1.1',
  CompressedFile: '1.1',
  DocumentEvents: '1.1',
  File: '1.1',
  MatrixBindings: '1.1',
  MatrixCoercion: '1.1',
  Selection: '1.1',
  Settings: '1.1',
  TableBindings: '1.1',
  TableCoercion: '1.1',
  TextBindings: '1.1',
  TextCoercion: '1.1',
};
const URL_MAX = 2048;

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

const versionParts = (v) => String(v).split('.').map((n) => Number(n));
function compareVersions(a, b) {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Office vocabulary the XSDs leave open (they type these as plain strings). */
function vocabularyErrors(root, lineOf, err) {
  walk(root, (node, trail) => {
    const a = attrs(node);
    const name = trail[trail.length - 1];
    if (name === 'OfficeTab' && a.id !== undefined && !EXCEL_TABS.includes(a.id)) {
      const near = EXCEL_TABS.find((t) => t.toLowerCase() === String(a.id).toLowerCase() || String(a.id).startsWith(t));
      err(`<OfficeTab id="${a.id}"> 不是 Excel 的内置选项卡${near ? `（是否应为 ${near}？）` : ''}；可用的有 ${EXCEL_TABS.join('、')}。`, lineOf(`id="${a.id}"`));
    }
    if (name === 'Host' && trail[trail.length - 2] === 'Hosts' && a.Name !== undefined && !HOST_NAMES.includes(a.Name)) {
      const near = HOST_NAMES.find((h) => h.toLowerCase() === String(a.Name).toLowerCase());
      err(`<Host Name="${a.Name}"> 不是有效的宿主名称${near ? `（是否应为 ${near}？）` : ''}；Excel 加载项应为 Workbook。`, lineOf(`Name="${a.Name}"`));
    }
    if (name === 'Set' && trail.includes('Requirements') && a.Name !== undefined) {
      const setName = String(a.Name);
      const line = lineOf(`Name="${setName}"`);
      if (!(setName in REQUIREMENT_SETS)) {
        const near = Object.keys(REQUIREMENT_SETS).find((k) => k.toLowerCase() === setName.toLowerCase());
        err(`要求集“${setName}”不存在${near ? `（名称区分大小写，应为 ${near}）` : '，或不适用于 Excel'}。`, line);
        return;
      }
      const max = REQUIREMENT_SETS[setName];
      const min = a.MinVersion;
      if (min !== undefined && (!/^\d+\.\d+$/.test(String(min)) || compareVersions(min, '1.1') < 0 || compareVersions(min, max) > 0)) {
        err(`要求集 ${setName} 的版本“${min}”不存在（已发布 1.1–${max}）。`, line);
      }
    }
  });
  // Every URL, in attributes and text (AppDomain, SupportUrl), at most 2048 characters.
  walk(root, (node) => {
    const a = attrs(node);
    for (const v of [...Object.values(a), textOf(node)]) {
      if (typeof v === 'string' && /^[a-z]+:\/\//i.test(v) && v.length > URL_MAX) {
        err(`网址超过 ${URL_MAX} 个字符（${v.length} 个）：${v.slice(0, 60)}…`, lineOf(v.slice(0, 80)));
      }
    }
  });
}

/** Splits "{namespace}Name" into its parts. */
function qname(text) {
  const r = /^\{([^}]*)\}(.*)$/.exec(text.trim());
  return r ? { ns: r[1], name: r[2] } : { ns: '', name: text.trim() };
}

/** zh-CN wording of libxml2's schema messages; namespaces are dropped unless they are the problem. */
function describeSchemaError(message) {
  const raw = message.replace(/^Schemas validity error\s*:\s*/, '');
  let r = /^Element '([^']+)': This element is not expected\. Expected is (?:one of )?\( ?(.+?) ?\)\.?$/.exec(raw);
  if (r) {
    const found = qname(r[1]);
    const expected = r[2].split(/,\s*/).map(qname);
    const sameName = expected.find((e) => e.name === found.name && e.ns !== found.ns);
    if (sameName) return `元素 <${found.name}> 的命名空间“${found.ns}”不对，应为“${sameName.ns}”。`;
    const list = expected.filter((e) => e.name !== '*').map((e) => `<${e.name}>`);
    return `元素 <${found.name}> 不应出现在此处${list.length ? `，此处应为 ${list.join(' 或 ')}` : ''}。`;
  }
  const m = raw.replace(/\{[^}]*\}/g, '');
  if ((r = /^Element '([^']+)': This element is not expected\.?$/.exec(m))) return `元素 <${r[1]}> 不应出现在此处（清单架构中这个位置没有此元素）。`;
  if ((r = /^Element '([^']+)', attribute '(?:[^']*)type': The QName value '([^']+)' of the xsi:type attribute does not resolve to a type definition\.?$/.exec(m))) {
    return `元素 <${r[1]}> 的 xsi:type="${r[2]}" 不是清单架构中的类型（拼写或命名空间有误）。`;
  }
  if ((r = /^Element '([^']+)': The type definition is abstract\.?$/.exec(m))) return `元素 <${r[1]}> 需要一个有效的 xsi:type。`;
  if ((r = /^Element '([^']+)': No matching global declaration available for the validation root\.?$/.exec(m))) {
    return `根元素 <${r[1]}> 的命名空间不对：应为 xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"。`;
  }
  if ((r = /^Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( ?(.+?) ?\)\.?$/.exec(m))) {
    return `元素 <${r[1]}> 缺少子元素 ${r[2].split(/,\s*/).map((x) => `<${x.trim()}>`).join(' 或 ')}。`;
  }
  if ((r = /^Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed\.?$/.exec(m))) return `元素 <${r[1]}> 不允许有属性 ${r[2]}。`;
  if ((r = /^Element '([^']+)': The attribute '([^']+)' is required but missing\.?$/.exec(m))) return `元素 <${r[1]}> 缺少必需的属性 ${r[2]}。`;
  if ((r = /^Element '([^']+)'(?:, attribute '([^']+)')?: \[facet '(\w+)'\] The value '([^']*)' (.*)$/.exec(m))) {
    const why = { maxLength: '超过最大长度', minLength: '不能为空', enumeration: '不在允许的取值中', pattern: '格式不对' }[r[3]] ?? r[3];
    return `元素 <${r[1]}>${r[2] ? ` 的属性 ${r[2]}` : ''} 的值“${r[4].slice(0, 60)}”${why}。`;
  }
  if ((r = /^Element '([^']+)'(?:, attribute '([^']+)')?: '([^']*)' is not a valid value (.*)$/.exec(m))) {
    return `元素 <${r[1]}>${r[2] ? ` 的属性 ${r[2]}` : ''} 的值“${r[3].slice(0, 60)}”无效（${r[4]}）。`;
  }
  return m;
}

/**
 * Validates against the Office add-in manifest XSDs (schemas/office-addin-manifest/) with xmllint-wasm.
 * @param {string} xml
 * @returns {Promise<{message: string, line?: number}[]>}
 */
async function schemaErrors(xml) {
  const { validateXML } = require('xmllint-wasm');
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8') });
  const result = await validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: read(MAIN_SCHEMA),
    preload: files.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  if (result.valid) return [];
  const seen = new Set();
  const out = [];
  for (const e of result.errors) {
    const message = `清单架构：${describeSchemaError(e.message)}`;
    const line = e.loc && e.loc.lineNumber ? e.loc.lineNumber : undefined;
    if (seen.has(`${line}|${message}`)) continue;
    // "needs a valid xsi:type" only repeats the misspelled xsi:type reported on the same line.
    if (message.includes('需要一个有效的 xsi:type') && out.some((o) => o.line === line && o.message.includes('xsi:type='))) continue;
    seen.add(`${line}|${message}`);
    out.push({ message, line });
  }
  if (out.length === 0) out.push({ message: `清单架构：${result.rawOutput.trim().split('\n').slice(-1)[0] || '校验未通过'}` });
  return out;
}

/**
 * Everything: schema (XSD) + vocabulary + consistency. Schema findings come first.
 * @param {string} xml
 * @param {{ assetsDir?: string, commandsFile?: string }} [options]
 */
async function checkManifest(xml, options = {}) {
  const own = validateManifest(xml, options);
  if (own.errors.some((e) => e.message.startsWith('XML 格式错误'))) return own;
  const schema = await schemaErrors(xml);
  return { errors: [...schema, ...own.errors], warnings: own.warnings };
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
  vocabularyErrors(root, lineOf, err);

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
  const { errors, warnings } = await checkManifest(fs.readFileSync(file, 'utf8'));
  for (const w of warnings) console.warn(`警告  ${format(w, file)}`);
  for (const e of errors) console.error(`错误  ${format(e, file)}`);
  if (errors.length) {
    console.error(`清单检查未通过：${errors.length} 个错误${warnings.length ? `，${warnings.length} 个警告` : ''}。`);
    return 1;
  }
  console.log(`清单检查通过：${file}（离线检查：清单架构 XSD、Office 词汇、结构一致性${warnings.length ? `，${warnings.length} 个警告` : ''}）。`);
  if (argv.includes('--online')) return online(file);
  return 0;
}

module.exports = { validateManifest, checkManifest, schemaErrors, describeSchemaError };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`清单检查出错：${e && e.message ? e.message : e}`);
      process.exit(1);
    },
  );
}
