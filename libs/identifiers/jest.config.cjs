module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'identifiers',
  rootDir: __dirname,
};
