import { promises as fs } from 'fs';
import * as path from 'path';

export const OUTPUT_SUFFIX = '.已校验.xlsx';

/** Files a folder scan should pick: .xlsx, not Office lock files (~$), not our own annotated copies. */
export function isCandidate(name: string): boolean {
  return /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.endsWith(OUTPUT_SUFFIX);
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

/** "<dir>/<name>.已校验.xlsx", next to the input or in outDir; avoids clobbering an earlier output. */
export function outputPathFor(input: string, cwd: string, outDir: string | undefined, taken: Set<string>): string {
  const abs = path.resolve(cwd, input);
  const base = path.basename(abs).replace(/\.xlsx$/i, '');
  const dir = outDir ? path.resolve(cwd, outDir) : path.dirname(abs);
  let candidate = path.join(dir, base + OUTPUT_SUFFIX);
  for (let n = 2; taken.has(candidate); n++) candidate = path.join(dir, `${base}(${n})${OUTPUT_SUFFIX}`);
  taken.add(candidate);
  return candidate;
}
