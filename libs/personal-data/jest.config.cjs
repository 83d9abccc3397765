module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'personal-data',
  rootDir: __dirname,
};
