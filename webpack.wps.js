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
const { typescriptRule, resolve } = require('./webpack.shared');
const pkg = require('./package.json');

function wpsTypescriptRule(dev) {
  const rule = typescriptRule(dev);
  const options = rule.use.options;
  return { ...rule, use: { ...rule.use, options: { ...options, compilerOptions: { ...options.compilerOptions, target: 'es2017' } } } };
}

/**
 * Fluent UI and its focus helpers (tabster, keyborg) ship ES2022 (`?.`, `??=`, class static blocks); older WPS
 * builds embed a Chromium that rejects them. TypeScript (already a dependency) lowers those files to ES2017.
 */
function lowerDependencies() {
  return {
    test: /\.m?js$/,
    include: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        instance: 'wps-deps',
        transpileOnly: true,
        configFile: path.resolve(__dirname, 'tsconfig.json'),
        compilerOptions: { allowJs: true, checkJs: false, target: 'es2017', module: 'esnext', sourceMap: false },
      },
    },
    resolve: { fullySpecified: false },
  };
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
    module: { rules: [wpsTypescriptRule(dev), ...(env.modern ? [] : [lowerDependencies()])] },
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
