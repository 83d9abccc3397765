module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'rule-packs',
  rootDir: __dirname,
};
