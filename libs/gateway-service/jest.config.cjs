module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'gateway-service',
  rootDir: __dirname,
};
