// ESLint 9 flat config.
// - typescript-eslint "recommended" for every TypeScript file.
// - Microsoft's eslint-plugin-office-addins "react" config (its "recommended" + eslint-plugin-react) for the
//   code that runs inside Office: loads before reads, sync after load, no context.sync in loops, no empty or
//   navigational loads, isNullObject tests. These Office rules are never switched off.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

// The plugin's configs bundle their own parser (typescript-eslint 8.8, ecmaVersion 6) and prettier. We keep
// their rules and plugins but parse with the project's typescript-eslint, and we do not enforce prettier's
// formatting: the code base was written without it and a mass reformat would collide with parallel work.
// Their bundled @typescript-eslint plugin is dropped too (the project's own is registered by tseslint).
const officeReact = officeAddins.configs.react.map((c) => {
  const { languageOptions, plugins, ...rest } = c;
  void languageOptions;
  if (!plugins) return rest;
  const { '@typescript-eslint': _ts, ...otherPlugins } = plugins;
  void _ts;
  return { ...rest, plugins: otherPlugins };
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'test-output/**', 'coverage/**', 'node_modules/**', 'lib/**', 'examples/**', 'assets/**', 'schemas/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Office add-in rules (and React rules) on the browser-side sources.
  ...officeReact.map((c) => ({ ...c, files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'] })),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: '18.3' } },
    rules: {
      // TypeScript checks undefined names itself (typescript-eslint's advice); globals such as Office, wps,
      // jest's describe/expect come from type declarations.
      'no-undef': 'off',
      // Formatting is not linted (see above).
      'prettier/prettier': 'off',
      // React 17+ JSX transform ("jsx": "react-jsx"): React need not be in scope.
      'react/react-in-jsx-scope': 'off',
      'react/jsx-uses-react': 'off',
      // Props are typed with TypeScript.
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `let [a, b] = …` where only one is reassigned is fine.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    // The Office rules recognise office.js proxies by shape (getCell, getItem…). exceljs code (the file host,
    // its tests, the built-artefact tests that open .xlsx output) uses the same method names on plain objects,
    // so the Office rules would report every exceljs read. Those files never touch office.js.
    files: ['src/hosts/file/**', 'test/file/**', 'test/browser/**'],
    rules: {
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Fakes build getter objects that need the outer instance.
      '@typescript-eslint/no-this-alias': 'off',
      // Output-shape regexes quote the report's indentation literally.
      'no-regex-spaces': 'off',
    },
  },
  {
    // Node scripts and configs (CommonJS).
    files: ['**/*.{js,cjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The runtime check that runs before the bundles, also in Internet Explorer 11: ES5 only.
    files: ['src/bootstrap/**/*.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
  },
);
