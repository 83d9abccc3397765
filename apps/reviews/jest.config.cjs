module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'reviews',
  rootDir: __dirname,
};
