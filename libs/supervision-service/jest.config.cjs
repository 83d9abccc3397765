module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'supervision-service',
  rootDir: __dirname,
};
