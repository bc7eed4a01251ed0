/** Pieces both webpack configs (add-in and standalone page) use. */
const path = require('path');

/** TypeScript through ts-loader: type checking is `npm run typecheck`; ES modules let webpack tree-shake Fluent UI. */
function typescriptRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        configFile: path.resolve(__dirname, 'tsconfig.json'),
        transpileOnly: true,
        compilerOptions: { module: 'esnext', sourceMap: dev },
      },
    },
  };
}

const resolve = { extensions: ['.tsx', '.ts', '.js'] };

module.exports = { typescriptRule, resolve };
