#!/usr/bin/env node
'use strict';

let cli;
try {
  cli = require('../dist/cli/index.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]index\.js/.test(String(err.message))) {
    process.stderr.write('命令行工具尚未编译，请先在项目目录运行：npm run build:cli\n');
    process.exit(2);
  }
  throw err;
}

// `jixiao check … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw err;
});

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`内部错误，请将以下信息反馈给开发者：\n${(err && err.stack) || err}\n`);
    process.exitCode = 2;
  },
);
