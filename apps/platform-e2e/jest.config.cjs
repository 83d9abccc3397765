module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'platform-e2e',
  rootDir: __dirname,
  // Each suite boots several service processes.
  testTimeout: 120000,
};
