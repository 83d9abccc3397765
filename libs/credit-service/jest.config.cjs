module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'credit-service',
  rootDir: __dirname,
};
