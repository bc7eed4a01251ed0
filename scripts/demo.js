#!/usr/bin/env node
// `npm run demo`: checks the bundled example workbook. Finding errors is the point of the demo,
// so exit code 1 (errors found) counts as success here; 2 (unreadable input) does not.
// --force: the demo's copy is its own generated output, so a second run refreshes it instead of adding a numbered copy.
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const example = path.join('examples', '曹妃甸区委组织部2025绩效目标.xlsx');
const result = spawnSync(process.execPath, [path.join(root, 'bin', 'jixiao.js'), 'check', example, '--force', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status === 0 || result.status === 1) {
  console.log(`\n带标注的副本：${example.replace(/\.xlsx$/, '.已校验.xlsx')}（用 Excel、WPS 或 LibreOffice 打开查看高亮和批注）`);
  process.exit(0);
}
process.exit(result.status ?? 2);
