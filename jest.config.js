/** Type checking is done once by `tsc --noEmit` (npm test); jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
  // A throwaway PostgreSQL cluster for the store tests (only when the run includes them).
  globalSetup: '<rootDir>/tests/support/pgGlobalSetup.js',
  globalTeardown: '<rootDir>/tests/support/pgGlobalTeardown.js',
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
};
