module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'policy-evaluation',
  rootDir: __dirname,
};
