/**
 * Excel add-in build: task pane (src/taskpane), ribbon commands + message dialog (src/commands) → dist/.
 *
 *   npm run build                      production build, office.js from Microsoft's CDN (store default)
 *   npx webpack --mode production --env offline --env officeJs=<folder>
 *                                      政务内网: a current office.js (downloaded by an administrator on a
 *                                      connected machine, see docs/excel-addin.md) copied into dist/office-js/,
 *                                      checked by scripts/office-js-check.js; without officeJs the stale npm
 *                                      package @microsoft/office-js is used, with a loud warning
 *   npx webpack --mode production --env offline --env baseUrl=https://intranet.example/jixiao/
 *                                      also rewrites https://localhost:3000/ in dist/manifest.xml
 *   npm run dev-server                 https://localhost:3000 with office-addin-dev-certs certificates
 *   npm run web                        standalone page (webpack.web.js)
 */
const fs = require('fs');
const path = require('path');
const { typescriptRule, lowerDependencies, resolve } = require('./webpack.shared');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { BootstrapPlugin } = require('./webpack.bootstrap');

const DEV_ORIGIN = 'https://localhost:3000/';
/**
 * ECMAScript level of the add-in bundles (our code and the libraries, lowered to it) and the oldest Chromium
 * (WebView2) that runs them; test/browser parses the built bundles at this level.
 */
const ECMA_LEVEL = 2020;
const MIN_CHROMIUM = 80;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = 'office-js/office.js';
/** Other Office hosts' scripts are not needed by an Excel add-in. */
const OTHER_HOSTS = /(^|[\\/])(word|powerpoint|outlook|onenote|project|access|visio)[^\\/]*\.js$/i;
/** Files in dist/ that other builds own (CLI: tsc; standalone page: webpack.web.js); never cleaned here. */
const OURS = /^(taskpane|commands|dialog|\d+)[^\\/]*\.(js|html|map|txt)$|^(assets|office-js)([\\/]|$)|^manifest\.xml$/;

const warn = (msg) => console.warn(`\x1b[33m[jixiao] ${msg}\x1b[0m`);

function officeJsDir() {
  try {
    return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

/** Points every emitted page at the local office.js copy (offline build). */
class LocalOfficeJsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('LocalOfficeJsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalOfficeJsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith('.html')) continue;
            const html = assets[name].source().toString();
            if (html.includes(OFFICE_JS_CDN)) {
              compilation.updateAsset(name, new sources.RawSource(html.split(OFFICE_JS_CDN).join(OFFICE_JS_LOCAL)));
            }
          }
        },
      );
    });
  }
}

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    // Installing the CA may ask for a password or fail without a desktop; do not hang the dev server.
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('超时')), 30_000));
    const options = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (err) {
    warn(
      `无法创建或安装开发证书（${err && err.message ? err.message.split('\n')[0] : err}），改用 webpack-dev-server 自签名证书。` +
        'Office 可能拒绝加载该证书；请在有权限的机器上运行 npx office-addin-dev-certs install 后重试。',
    );
    return 'https';
  }
}

function addinConfig(env, argv) {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const offline = Boolean(env.offline);
  const baseUrl = typeof env.baseUrl === 'string' ? env.baseUrl.replace(/\/?$/, '/') : undefined;
  const entry = {};
  const plugins = [];

  const page = (name, entryFile, template) => {
    entry[name] = entryFile;
    plugins.push(new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], inject: 'body' }));
  };

  const pane = ['src/taskpane/index.tsx', 'src/taskpane/taskpane.html'];
  if (pane.every((f) => fs.existsSync(path.join(__dirname, f)))) page('taskpane', `./${pane[0]}`, `./${pane[1]}`);
  else warn('未找到 src/taskpane/index.tsx 或 taskpane.html，本次构建跳过任务窗格（“打开助手”按钮将不可用）。');
  page('commands', './src/commands/commands.ts', './src/commands/commands.html');
  page('dialog', './src/commands/dialog.ts', './src/commands/dialog.html');
  // ES5 runtime check before the bundles: Excel 2016/2019 volume-licensed run add-ins in Internet Explorer 11
  // or EdgeHTML, where they cannot run; those pages explain in zh-CN instead (src/bootstrap/bootstrap.js).
  const level = { level: ECMA_LEVEL, minChromium: MIN_CHROMIUM };
  plugins.push(
    new BootstrapPlugin({
      pages: {
        'taskpane.html': { page: 'taskpane', ...level },
        'dialog.html': { page: 'dialog', ...level },
        'commands.html': { page: 'commands', ...level, commands: ['validateWorkbook', 'clearMarks'] },
      },
    }),
  );

  const copies = [
    { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.*'] } },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => (baseUrl ? content.toString().split(DEV_ORIGIN).join(baseUrl) : content),
    },
  ];
  if (offline) {
    const given = typeof env.officeJs === 'string' ? path.resolve(env.officeJs) : undefined;
    const dir = given ?? officeJsDir();
    if (!dir) {
      throw new Error('离线构建需要 office.js：请用 --env officeJs=<文件夹> 指定管理员下载的 office.js（见 docs/excel-addin.md）。');
    }
    const { inspectOfficeJs } = require('./scripts/office-js-check');
    const report = inspectOfficeJs(dir);
    if (report.errors.length) throw new Error(`office.js（${dir}）不可用：${report.errors.join(' ')}`);
    if (!given) {
      warn(
        `未指定 --env officeJs=<文件夹>，改用 npm 包 @microsoft/office-js 中的 office.js（版本 ${report.fileVersion ?? '未知'}，微软已不再维护）。` +
          '请按 docs/excel-addin.md“获取最新 office.js”一节在联网电脑上下载后指定。',
      );
    }
    for (const w of report.warnings) warn(w);
    copies.push({
      from: dir,
      to: 'office-js',
      globOptions: { ignore: ['**/*.debug.js', '**/*vsdoc*', '**/*.d.ts'] },
      filter: (file) => !OTHER_HOSTS.test(path.relative(dir, file)),
      info: { minimized: true },
    });
    plugins.push(new LocalOfficeJsPlugin());
  }
  plugins.push(new CopyWebpackPlugin({ patterns: copies }));

  return {
    mode,
    name: 'addin',
    target: ['web', `es${ECMA_LEVEL}`],
    context: __dirname,
    entry,
    devtool: dev ? 'source-map' : false,
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: { keep: (asset) => !OURS.test(asset) },
    },
    resolve,
    module: {
      rules: [
        typescriptRule(dev),
        // The libraries down to ECMA_LEVEL too (--env modern skips it for a faster development build).
        ...(env.modern ? [] : [lowerDependencies(`es${ECMA_LEVEL}`)]),
      ],
    },
    plugins,
    performance: { hints: false },
    devServer: {
      host: 'localhost',
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
}

module.exports = async (env = {}, argv = {}) => {
  // (ECMA_LEVEL / MIN_CHROMIUM are exported below for the built-artefact tests.)
  if (env.web) {
    const webFile = path.join(__dirname, 'webpack.web.js');
    if (!fs.existsSync(webFile)) {
      throw new Error('未找到 webpack.web.js（独立网页的构建配置，由任务窗格负责人提供）。');
    }
    return require(webFile)(env, argv);
  }
  const config = addinConfig(env, argv);
  if (env.WEBPACK_SERVE) config.devServer.server = await httpsOptions();
  return config;
};

module.exports.ECMA_LEVEL = ECMA_LEVEL;
module.exports.MIN_CHROMIUM = MIN_CHROMIUM;
