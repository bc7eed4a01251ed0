#!/usr/bin/env node
/**
 * Checks a local copy of office.js (for the 政务内网 build, webpack --env offline) before it is shipped:
 * the version it declares, the Excel host files, the zh-CN locale strings, and whether its Excel API
 * proxies know the members the add-in uses (notes: ExcelApi 1.18; comments: 1.10). A stale copy — such as
 * the npm package @microsoft/office-js 1.1.110 (build 16.0.15407, ExcelApi ≤ 1.15, no notes) — is reported,
 * never shipped silently.
 *
 *   node scripts/office-js-check.js <folder with office.js>
 *
 * Exit code 1 when something required is missing; warnings (e.g. no notes support) keep exit code 0.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** Excel host scripts office.js loads per platform; at least the Windows and web ones must be there. */
const EXCEL_HOST_FILES = ['excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js'];
const REQUIRED_HOST_FILES = ['excel-win32-16.01.js', 'excel-web-16.00.js'];
/** First Office build whose office.js has ExcelApi 1.18 (Version 2501, Build 18429). */
const NOTES_BUILD = 18429;
/** Microsoft's proxy class names, present in a host file when its office.js knows the API. */
const API_MARKERS = [
  ['NoteCollection', '注释（notes，ExcelApi 1.18）：没有它时批注改用旧式批注或只标底色'],
  ['CommentCollection', '批注（comments，ExcelApi 1.10）'],
  ['getCellProperties', '单元格格式批量读取（getCellProperties，ExcelApi 1.9）'],
];

/**
 * @param {string} dir
 * @returns {{ fileVersion?: string, build?: number, errors: string[], warnings: string[] }}
 */
function inspectOfficeJs(dir) {
  const errors = [];
  const warnings = [];
  const main = path.join(dir, 'office.js');
  if (!fs.existsSync(main)) {
    errors.push(`${dir} 中没有 office.js。`);
    return { errors, warnings };
  }
  const text = fs.readFileSync(main, 'utf8');
  const m = /FileVersion\s*:\s*"(\d+)\.(\d+)\.(\d+)\.(\d+)"/.exec(text);
  const fileVersion = m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : undefined;
  const build = m ? Number(m[3]) : undefined;
  if (!fileVersion) warnings.push('office.js 中找不到版本号（FileVersion），无法判断新旧。');
  else if (build < NOTES_BUILD) {
    warnings.push(
      `office.js 版本 ${fileVersion} 较旧（早于 16.0.${NOTES_BUILD}，不含 ExcelApi 1.18）：在新版 Excel 上“注释”不可用，助手会改用旧式批注或只标底色，并提示用户更新 office.js。`,
    );
  }
  for (const f of REQUIRED_HOST_FILES) if (!fs.existsSync(path.join(dir, f))) errors.push(`缺少 Excel 宿主文件 ${f}。`);
  const hostText = EXCEL_HOST_FILES.filter((f) => fs.existsSync(path.join(dir, f)))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  if (hostText) {
    for (const [marker, label] of API_MARKERS) if (!hostText.includes(marker)) warnings.push(`Excel 宿主文件中没有 ${label}。`);
  }
  for (const locale of ['zh-cn', 'en-us']) {
    if (!fs.existsSync(path.join(dir, locale, 'office_strings.js'))) errors.push(`缺少语言文件 ${locale}/office_strings.js。`);
  }
  return { fileVersion, build, errors, warnings };
}

module.exports = { inspectOfficeJs, NOTES_BUILD, EXCEL_HOST_FILES };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('用法：node scripts/office-js-check.js <office.js 所在文件夹>');
    process.exit(1);
  }
  const r = inspectOfficeJs(path.resolve(dir));
  if (r.fileVersion) console.log(`office.js 版本：${r.fileVersion}`);
  for (const w of r.warnings) console.warn(`警告  ${w}`);
  for (const e of r.errors) console.error(`错误  ${e}`);
  console.log(r.errors.length ? 'office.js 检查未通过。' : r.warnings.length ? 'office.js 可以使用，但有警告。' : 'office.js 检查通过。');
  process.exit(r.errors.length ? 1 : 0);
}
