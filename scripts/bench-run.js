#!/usr/bin/env node
/**
 * One measured run for scripts/bench.js, in its own process so peak memory is the run's own:
 *   node scripts/bench-run.js cli <jixiao arguments…>   — the compiled CLI (dist/), output discarded
 *   node scripts/bench-run.js exceljs <folder>          — baseline: only open each .xlsx with ExcelJS
 * Prints one JSON line: { ms, cpuMs, files, peakRssMb, code, stderr? } (stderr: the CLI's first 500 characters there).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');

function listXlsx(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx') && !f.endsWith('.已校验.xlsx'))
    .map((f) => path.join(dir, f));
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  let code = 0;
  let files = 0;
  let stderr = '';
  if (mode === 'exceljs') {
    const ExcelJS = require('exceljs');
    for (const file of listXlsx(args[0])) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(file));
      files++;
    }
  } else if (mode === 'cli') {
    const { main: cli } = require(path.join(ROOT, 'dist', 'cli', 'index.js'));
    const sink = { write: () => true };
    // The first messages on stderr are kept (a refused file's reason, for the size suite).
    const err = { write: (s) => ((stderr = (stderr + s).slice(0, 500)), true) };
    code = await cli(args, { stdout: sink, stderr: err, cwd: process.cwd() });
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // resourceUsage().maxRSS is in KB and covers the worker threads (same process).
  const usage = process.resourceUsage();
  const peakRssMb = usage.maxRSS / 1024;
  // CPU time of all threads: on a busy shared machine this is steadier than the wall clock.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(JSON.stringify({ ms, cpuMs, files, peakRssMb, code, ...(stderr ? { stderr } : {}) }) + '\n');
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + '\n');
  process.exit(1);
});
