#!/usr/bin/env node
/**
 * npm start — sideload the add-in for development.
 * Uses office-addin-debugging when it is installed (usage data switched off first); otherwise registers the
 * manifest directly where Office looks for developer add-ins (Windows registry, Mac wef folder) or prints
 * step-by-step instructions in zh-CN.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const shell = process.platform === 'win32';

function has(pkg) {
  try {
    require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

function manifestId() {
  const m = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(fs.readFileSync(MANIFEST, 'utf8'));
  return m ? m[1] : undefined;
}

function usageDataOff() {
  if (has('office-addin-usage-data')) {
    spawnSync('npx', ['--no-install', 'office-addin-usage-data', 'off'], { cwd: ROOT, stdio: 'ignore', shell });
  }
}

function withDebugging() {
  usageDataOff();
  console.log('使用 office-addin-debugging 旁加载（已关闭使用数据收集）…');
  const res = spawnSync(
    'npx',
    ['--no-install', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000'],
    { cwd: ROOT, stdio: 'inherit', shell, env: { ...process.env, OFFICE_ADDIN_USAGE_DATA: 'off' } },
  );
  return res.status === 0;
}

function windowsRegistry() {
  const id = manifestId();
  if (!id) return false;
  const res = spawnSync('reg', ['add', 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer', '/v', id, '/t', 'REG_SZ', '/d', MANIFEST, '/f'], { stdio: 'ignore' });
  if (res.status !== 0) return false;
  console.log(`已在注册表 HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer 登记清单：${MANIFEST}`);
  console.log('下一步：在另一个终端运行 npm run dev-server，然后重新打开 Excel，在“开始”选项卡找到“绩效目标”组。');
  console.log(`取消旁加载：reg delete HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer /v ${id} /f`);
  return true;
}

function macWef() {
  const wef = path.join(os.homedir(), 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef');
  if (!fs.existsSync(path.dirname(wef))) return false;
  fs.mkdirSync(wef, { recursive: true });
  fs.copyFileSync(MANIFEST, path.join(wef, 'jixiao-assistant.manifest.xml'));
  console.log(`已将清单复制到 ${wef}`);
  console.log('下一步：运行 npm run dev-server，然后重新打开 Excel，在“开始”选项卡找到“绩效目标”组（或 插入 → 加载项 → 我的加载项）。');
  return true;
}

function printManual() {
  console.log(`
未安装 office-addin-debugging，也无法自动登记清单。请按以下步骤手动旁加载：

  1. 安装开发证书（只需一次）：npx office-addin-dev-certs install
  2. 启动本地服务：npm run dev-server   （https://localhost:3000，保持运行）
  3. 在 Excel 中加载清单 ${MANIFEST}

  Excel 网页版：
    打开任意工作簿 → 插入 → 加载项（Office 加载项）→ 上传我的加载项 → 选择 manifest.xml → 上传。

  Windows 版 Excel：
    方法一：同上，插入 → 加载项 → 上传我的加载项（部分版本提供）。
    方法二（共享文件夹目录）：把 manifest.xml 放进一个共享文件夹（如 \\\\本机名\\addins），
      在 Excel 中：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，
      填入该共享路径，勾选“显示在菜单中”，确定后重启 Excel；
      再到 插入 → 我的加载项 → 共享文件夹，选择“绩效目标表助手”。

  Mac 版 Excel：
    把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/（没有 wef 文件夹就新建），
    重新打开 Excel → 插入 → 加载项 → 我的加载项，选择“绩效目标表助手”。

  加载后，“开始”选项卡右侧会出现“绩效目标”组：一键校验、清除标记、打开助手。
  详细说明见 docs/excel-addin.md。
`);
}

function main() {
  if (!fs.existsSync(MANIFEST)) {
    console.error('找不到 manifest.xml。');
    return 1;
  }
  if (has('office-addin-debugging') && withDebugging()) return 0;
  if (process.platform === 'win32' && windowsRegistry()) return 0;
  if (process.platform === 'darwin' && macWef()) return 0;
  printManual();
  return 0;
}

process.exitCode = main();
