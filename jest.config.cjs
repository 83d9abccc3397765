// Every project's tests in one Jest run: `npm test` (through tools/test/run-all.ts) uses it.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.cjs', '<rootDir>/libs/*/jest.config.cjs'],
};
