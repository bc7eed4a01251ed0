import { execFileSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import webpack from 'webpack';
import { CHROMIUM } from './chromium';

const ROOT = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'test-output/web-dist');
export const WPS_DIST = path.join(ROOT, 'test-output/wps-dist');
export const ADDIN_DIST = path.join(ROOT, 'test-output/addin-dist');

/**
 * Source files (outside node_modules) a build used that are not in this checkout. In a git worktree whose
 * node_modules is a symlink into another checkout, a resolver that follows real paths to the wrong place would
 * silently mix that checkout's sources into the bundle under test; this makes it fail instead.
 */
export function foreignSources(modules: Iterable<{ nameForCondition(): string | null }>, root = ROOT): string[] {
  const strays = new Set<string>();
  for (const m of modules) {
    const file = m.nameForCondition();
    if (!file || !path.isAbsolute(file) || file.split(path.sep).includes('node_modules')) continue;
    if (!file.startsWith(root + path.sep)) strays.add(file);
  }
  return [...strays];
}

async function build(configFile: string, outputPath: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = await require(path.join(ROOT, configFile))({ outputPath }, { mode: 'production' });
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      const strays = foreignSources(stats!.compilation.modules);
      if (strays.length) {
        return reject(new Error(`${configFile} 的构建用到了本检出目录（${ROOT}）之外的源文件：\n${strays.slice(0, 10).join('\n')}`));
      }
      resolve();
    });
  });
}

/** Builds the page and the WPS add-in once for all built-artefact tests (and the CLI, to compare counts). */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`浏览器测试需要 Chromium，但找不到 ${CHROMIUM}。请先执行：apt-get install -y chromium`);
  }
  mkdirSync(path.dirname(WEB_DIST), { recursive: true });
  if (process.env.JIXIAO_WEB_DIST) {
    process.env.JIXIAO_WEB_DIST = path.resolve(process.env.JIXIAO_WEB_DIST);
  } else {
    await build('webpack.web.js', WEB_DIST);
    process.env.JIXIAO_WEB_DIST = WEB_DIST;
  }
  // The WPS 加载项 bundle is tested as built (lowered for WPS's older Chromium), like the page.
  await build('webpack.wps.js', WPS_DIST);
  process.env.JIXIAO_WPS_DIST = WPS_DIST;
  // The Excel add-in pages (task pane, commands, dialog), to parse them at their declared level.
  await build('webpack.config.js', ADDIN_DIST);
  process.env.JIXIAO_ADDIN_DIST = ADDIN_DIST;
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
    process.env.JIXIAO_CLI_BUILT = '1';
  } catch (err) {
    // The count comparison is skipped (with a message) when the CLI does not compile right now.
    process.env.JIXIAO_CLI_BUILT = '';
    process.env.JIXIAO_CLI_ERROR = String((err as { stdout?: Buffer }).stdout ?? err).slice(0, 2000);
  }
}
