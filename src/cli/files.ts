import { lstatSync, promises as fs, statSync, type Stats } from 'fs';
import * as path from 'path';

export const OUTPUT_MARK = '.已校验';
export const OUTPUT_SUFFIX = `${OUTPUT_MARK}.xlsx`;

/** Files a folder scan should pick: .xlsx/.xlsm, not Office lock files (~$), not our own annotated copies. */
export function isCandidate(name: string): boolean {
  return /\.xls[xm]$/i.test(name) && !name.startsWith('~$') && !/\.已校验(\(\d+\))?\.xls[xm]$/i.test(name) && !/\(\d+\)\.已校验\.xls[xm]$/i.test(name);
}

/** Expands folders recursively to their .xlsx files (sorted); plain paths are kept as given. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = path.resolve(cwd, p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (stat?.isDirectory()) {
      for (const f of await walk(abs)) add(path.join(input, path.relative(abs, f)));
    } else {
      add(input); // missing or odd paths are reported when read
    }
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full)));
    else if (e.isFile() && isCandidate(e.name)) files.push(full);
  }
  return files;
}

/**
 * "<dir>/<name>.已校验.xlsx" (.xlsm stays .xlsm), next to the input or in outDir. A copy of a copy is named
 * after the original ("甲.已校验.xlsx" → "甲(2).已校验.xlsx", never ".已校验.已校验"). The input itself, names
 * already used in this run and (without `force`) existing files are skipped by numbering: "甲(2).已校验.xlsx";
 * `kept` then says, after the plain name, why it was left alone.
 */
export function outputPathFor(
  input: string,
  cwd: string,
  outDir: string | undefined,
  taken: Set<string>,
  force = false,
): { target: string; kept?: { name: string; reason: string } } {
  const abs = path.resolve(cwd, input);
  const ext = /\.xlsm$/i.test(abs) ? '.xlsm' : '.xlsx';
  const base = path.basename(abs).replace(/\.xls[xm]$/i, '').replace(/(\(\d+\))?\.已校验$/, '');
  const dir = outDir ? path.resolve(cwd, outDir) : path.dirname(abs);
  const inputStat = statOrUndefined(abs, false);
  /** Why `p` cannot take the copy (zh-CN), or undefined when it can. */
  const refusal = (p: string): string | undefined => {
    if (taken.has(p)) return '已被本次检查的另一个文件使用';
    if (p === abs) return '是原文件，未覆盖';
    const st = statOrUndefined(p, true);
    if (!st) return undefined;
    if (st.isSymbolicLink()) return '是符号链接，为防止改写其指向的文件，未覆盖';
    if (inputStat && st.dev === inputStat.dev && st.ino === inputStat.ino) return '是原文件或其硬链接，未覆盖';
    if (!st.isFile()) return '不是普通文件，未覆盖';
    return force ? undefined : '已存在，未覆盖；如需覆盖请加 --force';
  };
  const plain = path.join(dir, `${base}${OUTPUT_MARK}${ext}`);
  const reason = refusal(plain);
  let target = plain;
  for (let n = 2; refusal(target) !== undefined; n++) target = path.join(dir, `${base}(${n})${OUTPUT_MARK}${ext}`);
  taken.add(target);
  return reason === undefined ? { target } : { target, kept: { name: path.basename(plain), reason } };
}

function statOrUndefined(p: string, link: boolean): Stats | undefined {
  try {
    return link ? lstatSync(p) : statSync(p);
  } catch {
    return undefined;
  }
}
