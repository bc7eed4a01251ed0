import { execFileSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import webpack from 'webpack';
import { CHROMIUM } from './chromium';

const ROOT = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'test-output/web-dist');

function build(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.web.js'))({ outputPath: WEB_DIST }, { mode: 'production' });
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** Builds the page once for all browser tests (and the CLI, to compare counts against the same source). */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`浏览器测试需要 Chromium，但找不到 ${CHROMIUM}。请先执行：apt-get install -y chromium`);
  }
  mkdirSync(path.dirname(WEB_DIST), { recursive: true });
  if (process.env.JIXIAO_WEB_DIST) {
    process.env.JIXIAO_WEB_DIST = path.resolve(process.env.JIXIAO_WEB_DIST);
  } else {
    await build();
    process.env.JIXIAO_WEB_DIST = WEB_DIST;
  }
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
    process.env.JIXIAO_CLI_BUILT = '1';
  } catch (err) {
    // The count comparison is skipped (with a message) when the CLI does not compile right now.
    process.env.JIXIAO_CLI_BUILT = '';
    process.env.JIXIAO_CLI_ERROR = String((err as { stdout?: Buffer }).stdout ?? err).slice(0, 2000);
  }
}
