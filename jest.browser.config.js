/**
 * Built-artefact tests: the standalone page built with webpack, served on 127.0.0.1, driven in Debian's
 * /usr/bin/chromium by playwright-core; and the built WPS 加载项 bundle run against a fake ET model.
 * Run with `npm run test:browser` (part of `npm test`).
 * Files are named *.browser.ts so the unit-test run (`jest`, `npm run test:unit`) never picks them up.
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.ts'],
  globalSetup: '<rootDir>/test/browser/globalSetup.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
