/* Standalone page: open an .xlsx in the browser, check it, download an annotated copy. No office.js. */
const path = require('path');
const { typescriptRule, resolve } = require('./webpack.shared');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const dev = mode === 'development';
  return {
    mode,
    name: 'web',
    target: 'web',
    context: __dirname,
    // pane.html: the task pane alone (test page for the pane at task-pane width, 320–350 px).
    entry: { web: './src/web/index.tsx', pane: './src/web/paneOnly.tsx' },
    // eval-based source maps would break the page's Content-Security-Policy (no eval).
    devtool: dev ? 'source-map' : false,
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist/web'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve,
    module: {
      rules: [
        typescriptRule(dev),
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/web/index.html', filename: 'index.html', inject: 'body', chunks: ['web'] }),
      new HtmlWebpackPlugin({ template: './src/web/index.html', filename: 'pane.html', inject: 'body', chunks: ['pane'] }),
    ],
    performance: { hints: false },
    devServer: {
      host: 'localhost',
      port: 8080,
      static: false,
      hot: false,
      liveReload: true,
      open: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
