/**
 * Writes a folder of generated workbooks for `npm run bench` and for trying `jixiao report`: copies and
 * variants of the example workbook (other units, budgets scaled, some values altered or cleared, fewer
 * tables) and the real-form variants of test/fixtures/variants.ts (101号, 中央 101号, per sheet, stacked,
 * label variants, money as text, mixed sheets).
 *
 * Usage: ts-node --transpile-only scripts/make-batch.ts <folder> [count=200]
 * Deterministic: the same count gives the same files.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as variants from '../test/fixtures/variants';

const EXAMPLE = path.join(__dirname, '..', 'examples', '曹妃甸区委组织部2025绩效目标.xlsx');
const EXAMPLE_UNIT = '中共曹妃甸区委组织部';

/** Generic unit names (not from the example): the batch must look like many units. */
const UNITS = [
  '某某县教育局',
  '某某县卫生健康局',
  '某某县农业农村局',
  '某某县水利局',
  '某某县民政局',
  '某某县交通运输局',
  '某某县文化广电和旅游局',
  '某某县自然资源和规划局',
  '某某县人力资源和社会保障局',
  '某某县住房和城乡建设局',
  '某某县市场监督管理局',
  '某某县应急管理局',
];

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function exampleVariant(source: Buffer, k: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(source as unknown as ArrayBuffer);
  const random = rng(k + 1);
  const unit = UNITS[k % UNITS.length];
  const scale = [0.5, 1, 1, 2, 5, 10, 0.2][k % 7];
  const ws = wb.worksheets[0];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = cell.value;
      if (typeof v === 'string') {
        if (v.includes(EXAMPLE_UNIT)) cell.value = v.replace(/^\d*中共曹妃甸区委组织部/, `${String(300001 + (k % UNITS.length))}${unit}`);
        else if (k % 3 !== 0 && /^[≥>]\s*9\d%$/.test(v) && random() < 0.15) cell.value = v.replace(/^[≥>]/, '≤');
        else if (k % 4 === 1 && v.length > 4 && random() < 0.02) cell.value = null;
      } else if (typeof v === 'number' && cell.numFmt && /0\.00/.test(cell.numFmt) && v > 1) {
        cell.value = Math.round(v * scale * 100) / 100;
      }
    });
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const FIXTURES: [string, () => ExcelJS.Workbook][] = [
  ['101号', variants.caiyu101Workbook],
  ['中央101号', variants.central101Workbook],
  ['每表一页', variants.perSheetWorkbook],
  ['上下堆叠', variants.stackedWorkbook],
  ['标签变体', variants.labelVariantsWorkbook],
  ['金额为文字', variants.moneyGoalWorkbook],
  ['混合工作表', variants.mixedSheetsWorkbook],
];

export async function makeBatch(dir: string, count: number): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const source = fs.readFileSync(EXAMPLE);
  const fixtures = await Promise.all(FIXTURES.map(async ([name, make]) => [name, await variants.toBuffer(make())] as const));
  const variantCache = new Map<number, Uint8Array>();
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(4, '0');
    let name: string;
    let bytes: Uint8Array;
    if (i % 4 === 3) {
      const [label, buf] = fixtures[i % fixtures.length];
      name = `${n}_${label}.xlsx`;
      bytes = buf;
    } else if (i % 10 === 0) {
      name = `${n}_示例原件.xlsx`;
      bytes = source;
    } else {
      // Twenty distinct example variants, reused: enough variety, quick to generate.
      const k = i % 20;
      if (!variantCache.has(k)) variantCache.set(k, await exampleVariant(source, k));
      name = `${n}_${UNITS[k % UNITS.length]}.xlsx`;
      bytes = variantCache.get(k)!;
    }
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    console.error('用法：ts-node --transpile-only scripts/make-batch.ts <文件夹> [个数=200]');
    process.exit(2);
  }
  makeBatch(path.resolve(dir), Number(count ?? 200)).then(
    (files) => console.log(`已生成 ${files.length} 个工作簿：${dir}`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
