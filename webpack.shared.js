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

/**
 * Fluent UI and its focus helpers (tabster, keyborg) ship ES2022 (class fields, `??=`, static blocks). The
 * add-in runtimes we support are older than that (WPS's embedded Chromium; WebView2 on isolated networks
 * that never update): TypeScript (already a dependency) lowers those files to the build's declared level.
 */
function lowerDependencies(target) {
  return {
    test: /\.m?js$/,
    include: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        instance: `deps-${target}`,
        transpileOnly: true,
        configFile: path.resolve(__dirname, 'tsconfig.json'),
        // rootDir: the file system root, so that libraries outside the project (node_modules linked from a
        // shared checkout, as in git worktrees) are accepted too.
        compilerOptions: { allowJs: true, checkJs: false, target, module: 'esnext', sourceMap: false, rootDir: path.parse(__dirname).root },
      },
    },
    resolve: { fullySpecified: false },
  };
}

const resolve = { extensions: ['.tsx', '.ts', '.js'] };

module.exports = { typescriptRule, lowerDependencies, resolve };
