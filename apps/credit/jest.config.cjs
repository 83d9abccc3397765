module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'credit',
  rootDir: __dirname,
};
