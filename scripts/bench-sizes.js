#!/usr/bin/env node
/**
 * Size suite (issue 14, part of npm run bench): attack files that used to run for minutes or crash Node, each
 * checked by the compiled CLI as a user runs it (`jixiao check`, annotated copy included) in its own process
 * (scripts/bench-run.js), with its time, CPU time and peak RSS. Every case must finish or be refused (exit 2
 * with a message naming the limit) under 1 GB, and the stacked tables must take linear time.
 *   - merge bomb: one merge over a whole sheet (A1:XFD1048576) in an 8 KB file;
 *   - zip bomb: a worksheet padded to 400 MB that compresses to well under 1 MB;
 *   - 500,000 rows × 3 columns;
 *   - 1,000 / 2,000 / 5,000 stacked target tables on one sheet (CPU time per table must stay flat: linear).
 * Results go to bench/results.json under "sizes" (other keys are kept).
 *   node scripts/bench-sizes.js [--quick]   (quick: smaller cases, for a smoke run)
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { Zip, ZipDeflate, strToU8, zipSync } = require('fflate');
const { writeResults } = require('./bench-batch');

const ROOT = path.join(__dirname, '..');
const LIMIT_MB = 1024;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function col(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The parts around one worksheet. */
function frame(sheetXmlName = 'xl/worksheets/sheet1.xml') {
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `<Override PartName="/${sheetXmlName}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RT}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RT}"><sheets><sheet name="项目支出绩效目标表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RT}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  };
}

const cell = (r, c, v) =>
  typeof v === 'number' ? `<c r="${col(c)}${r + 1}"><v>${v}</v></c>` : `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;

/** Writes a package whose worksheet is produced in pieces by `pieces()` (streamed through deflate). */
function writeStreamed(file, pieces) {
  const out = fs.openSync(file, 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    fs.writeSync(out, chunk);
  });
  for (const [name, data] of Object.entries(frame())) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(data, true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`));
  for (const piece of pieces()) sheet.push(strToU8(piece));
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  fs.closeSync(out);
}

function mergeBomb(file) {
  const rows = [0, 1, 2].map((r) => `<row r="${r + 1}">${[0, 1, 2].map((c) => cell(r, c, r * 3 + c)).join('')}</row>`).join('');
  const parts = frame();
  parts['xl/worksheets/sheet1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
  );
  fs.writeFileSync(file, zipSync(parts, { level: 9 }));
}

function zipBomb(file, mb) {
  writeStreamed(file, function* () {
    yield `<row r="1">${cell(0, 0, '项目名称')}</row>`;
    const pad = ' '.repeat(1 << 20);
    for (let i = 0; i < mb; i++) yield pad;
  });
}

function manyRows(file, rows) {
  writeStreamed(file, function* () {
    for (let r = 0; r < rows; r += 1000) {
      let s = '';
      for (let k = r; k < Math.min(rows, r + 1000); k++) s += `<row r="${k + 1}">${cell(k, 0, `第${k + 1}行`)}${cell(k, 1, k)}${cell(k, 2, k * 0.5)}</row>`;
      yield s;
    }
  });
}

/** One target table (13 rows) in the seed's layout, with its own project name, starting at `top`. */
function tableRows(top, i) {
  const rows = [
    [`2025年第${i + 1}号项目绩效目标表`],
    ['项目名称', `第${i + 1}号项目经费`, '项目编码', `1302092500${String(i).padStart(6, '0')}`],
    ['预算资金', '预算数', 39, '其中：财政资金', 39, '其他资金'],
    ['资金用途', `用于第${i + 1}号项目的培训与宣传`],
    ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
    ['', 0.25, 0.5, 0.75, 1],
    ['绩效目标', `完成第${i + 1}号项目年度培训任务`],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ['产出指标', '数量指标', '培训次数', '全年培训次数', '≥4次', '计划标准'],
    ['', '质量指标', '培训合格率', '参训人员考核合格率', '≥95%', '历史标准'],
    ['', '时效指标', '完成时间', '年内完成', '2025年12月底前', '计划标准'],
    ['效益指标', '社会效益指标', '参训人员能力提升', '能力提升情况', '明显提升', '其他标准'],
    ['满意度指标', '服务对象满意度指标', '参训人员满意度', '问卷调查', '≥90%', '行业标准'],
  ];
  return rows
    .map((r, k) => `<row r="${top + k + 1}">${r.map((v, c) => (v === '' ? '' : cell(top + k, c, v))).join('')}</row>`)
    .join('');
}

function stackedTables(file, count) {
  writeStreamed(file, function* () {
    for (let i = 0; i < count; i++) yield tableRows(i * 15, i);
  });
}

function measure(file, outDir) {
  const args = ['cli', 'check', file, '--out-dir', outDir, '--format', 'json', '--jobs', '1', '--no-progress'];
  const r = spawnSync(process.execPath, [path.join(__dirname, 'bench-run.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = (r.stdout || '').trim().split('\n').pop();
  if (r.status !== 0 || !last) return { ms: null, peakRssMb: null, code: null, error: (r.stderr || r.error?.message || 'timeout').slice(0, 300) };
  return JSON.parse(last);
}

function main() {
  const quick = process.argv.includes('--quick');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-sizes-'));
  const cases = [
    { key: 'mergeBomb', title: '合并炸弹（A1:XFD1048576）', make: (f) => mergeBomb(f) },
    { key: 'zipBomb', title: `压缩炸弹（解压 ${quick ? 250 : 400} MB）`, make: (f) => zipBomb(f, quick ? 250 : 400) },
    { key: 'rows500k', title: `${quick ? '5 万' : '50 万'}行`, make: (f) => manyRows(f, quick ? 50_000 : 500_000) },
    ...(quick ? [200, 400] : [1000, 2000, 5000]).map((n) => ({ key: `stacked${n}`, title: `一张表上 ${n} 张目标表`, tables: n, make: (f) => stackedTables(f, n) })),
  ];
  const results = {};
  let ok = true;
  console.log('\n读取上限与规模（issue 14；每项单独进程，jixiao check --jobs 1，含标注副本）：');
  for (const c of cases) {
    const file = path.join(dir, `${c.key}.xlsx`);
    c.make(file);
    const size = fs.statSync(file).size;
    const m = measure(file, path.join(dir, 'out'));
    const finished = m.code === 0 || m.code === 1;
    const refused = m.code === 2;
    const within = m.peakRssMb !== null && m.peakRssMb < LIMIT_MB;
    const pass = (finished || refused) && within;
    ok = ok && pass;
    // CPU time per table: steadier than the wall clock on a shared machine.
    const perTable = c.tables && m.cpuMs ? m.cpuMs / c.tables : undefined;
    results[c.key] = {
      title: c.title,
      fileBytes: size,
      ms: m.ms === null ? null : Math.round(m.ms),
      cpuMs: m.cpuMs === undefined ? null : Math.round(m.cpuMs),
      peakRssMb: m.peakRssMb === null ? null : Math.round(m.peakRssMb),
      exit: m.code,
      outcome: finished ? '完成' : refused ? '拒绝（超限或无法读取）' : '失败',
      ...(perTable !== undefined ? { cpuMsPerTable: Math.round(perTable * 100) / 100 } : {}),
      ...(refused && m.stderr ? { message: m.stderr.trim().split('\n')[0] } : {}),
      ...(m.error ? { error: m.error } : {}),
    };
    console.log(
      `  ${c.title.padEnd(20)} 文件 ${(size / 1024).toFixed(0).padStart(7)} KB  ${m.ms === null ? '   —   ' : `${(m.ms / 1000).toFixed(1).padStart(6)} s`}  峰值 ${m.peakRssMb === null ? '—' : `${m.peakRssMb.toFixed(0)} MB`}  退出码 ${m.code}  ${results[c.key].outcome}${perTable !== undefined ? `（每张表 CPU ${perTable.toFixed(1)} ms）` : ''}${pass ? '' : '  ✗'}`,
    );
    if (results[c.key].message) console.log(`    ${results[c.key].message}`);
  }
  // Linear time: the CPU time per table of the largest stack within 2× of the smallest.
  const stacks = cases.filter((c) => c.tables).map((c) => results[c.key].cpuMsPerTable).filter((v) => v !== undefined);
  const linear = stacks.length >= 2 && stacks[stacks.length - 1] <= 2 * stacks[0];
  console.log(`  叠放目标表的耗时随表数${linear ? '线性增长（每张表耗时基本不变）' : '增长过快（非线性）'}`);
  ok = ok && linear;
  writeResults('sizes', {
    measuredAt: new Date().toISOString(),
    machine: { cores: os.cpus().length, loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10 },
    command: 'jixiao check <file> --out-dir <tmp> --format json --jobs 1',
    limitMb: LIMIT_MB,
    linearInTables: linear,
    cases: results,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return ok;
}

module.exports = { sizesBench: main, mergeBomb, zipBomb, manyRows, stackedTables };

if (require.main === module) process.exitCode = main() ? 0 : 1;
