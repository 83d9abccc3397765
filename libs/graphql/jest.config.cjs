module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'graphql',
  rootDir: __dirname,
};
