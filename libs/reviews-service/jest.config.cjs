module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'reviews-service',
  rootDir: __dirname,
};
