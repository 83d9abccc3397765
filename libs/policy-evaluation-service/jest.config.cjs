module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'policy-evaluation-service',
  rootDir: __dirname,
};
