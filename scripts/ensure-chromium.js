#!/usr/bin/env node
// Browser tests drive Debian's Chromium (no browser download). Installs it with apt when possible.
const { existsSync } = require('fs');
const { execSync } = require('child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.error('未找到 Chromium，正在用 apt-get 安装（浏览器测试需要）……');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', {
      stdio: 'inherit',
    });
    if (existsSync(CHROMIUM)) process.exit(0);
  } catch {
    /* fall through to the message below */
  }
}
console.error(
  `浏览器测试需要 Chromium（${CHROMIUM}），但本机没有安装。\n` +
    '请先安装：sudo apt-get install chromium（或设置环境变量 CHROMIUM_PATH 指向 Chromium 可执行文件）。',
);
process.exit(1);
