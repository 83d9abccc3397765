module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'enterprise-activity-service',
  rootDir: __dirname,
};
