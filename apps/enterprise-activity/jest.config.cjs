module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'enterprise-activity',
  rootDir: __dirname,
};
