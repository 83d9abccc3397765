module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  // Each suite boots several service processes; more time, and suites one after another.
  testTimeout: 120000,
  maxWorkers: 1,
};
