/** @type {import('jest').Config} */
module.exports = {
  // Node by default; UI tests opt into jsdom with a `/** @jest-environment jsdom */` docblock.
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
