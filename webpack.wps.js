/**
 * WPS 表格 加载项 build → dist/wps/ (the folder WPS loads: ribbon.xml, index.html, taskpane.html, images/).
 *
 *   npm run build:wps                                  production build
 *   npx webpack --config webpack.wps.js --mode development   unminified, with source maps
 *
 * Deployment (offline jsaddons folder + publish.xml / jsplugins.xml): see docs/wps.md.
 * WPS embeds its own Chromium, older on some builds: our code and the UI libraries are compiled down to
 * ES2017 (`--env modern` skips lowering the libraries, for a faster build on current WPS versions).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { typescriptRule, lowerDependencies, resolve } = require('./webpack.shared');
const { BootstrapPlugin } = require('./webpack.bootstrap');

/** Declared ECMAScript level of the WPS bundles (test/browser parses the built files at it). */
const ECMA_LEVEL = 2017;
const pkg = require('./package.json');

function wpsTypescriptRule(dev) {
  const rule = typescriptRule(dev);
  const options = rule.use.options;
  return { ...rule, use: { ...rule.use, options: { ...options, compilerOptions: { ...options.compilerOptions, target: 'es2017' } } } };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const dev = mode === 'development';
  return {
    mode,
    name: 'wps',
    target: ['web', 'es2017'],
    context: __dirname,
    entry: {
      main: './src/wps/main.ts',
      taskpane: './src/wps/taskpane.tsx',
    },
    // eval-based source maps are not allowed everywhere; plain files are easier to read in the WPS debugger.
    devtool: dev ? 'source-map' : false,
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist/wps'),
      // WPS caches add-in files by name per version folder: content hashes keep updates visible.
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve,
    module: { rules: [wpsTypescriptRule(dev), ...(env.modern ? [] : [lowerDependencies('es2017')])] },
    plugins: [
      // The ribbon callbacks must exist as soon as WPS reads ribbon.xml: load main.js blocking, not deferred.
      new HtmlWebpackPlugin({
        template: './src/wps/index.html',
        filename: 'index.html',
        chunks: ['main'],
        inject: 'head',
        scriptLoading: 'blocking',
      }),
      new HtmlWebpackPlugin({
        template: './src/wps/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      // ES5 runtime check before the bundles: on too old an embedded browser the pages explain in zh-CN.
      new BootstrapPlugin({
        pages: {
          'index.html': { page: 'wps-main', level: ECMA_LEVEL },
          'taskpane.html': { page: 'wps-taskpane', level: ECMA_LEVEL },
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/icon-*.png', to: 'images/[name][ext]' },
          {
            // Sample entry for the jsaddons folder's publish.xml (see docs/wps.md).
            from: 'src/wps/publish.xml',
            to: 'publish.xml.sample',
            transform: (content) => content.toString().split('{{VERSION}}').join(pkg.version),
          },
        ],
      }),
    ],
    performance: { hints: false },
  };
};

module.exports.ECMA_LEVEL = ECMA_LEVEL;
