// Jest runs the TypeScript sources as ES modules (Nest 12 and cel-js are ESM-only),
// so it needs --experimental-vm-modules (set in the npm scripts) and this mapping
// from the `.js` suffix that ESM imports carry back to the `.ts` source.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }];
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/static require()s content-disposition, whose 3.x is ESM-only; Jest's
    // CommonJS loader cannot take that on Node 20, so tests get the CommonJS 1.x.
    '^content-disposition$': 'content-disposition-cjs',
  },
  transform: { '^.+\\.ts$': tsJest },
};

export default {
  // e2e suites start their own database and server; the embedded one takes seconds.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: [
        '<rootDir>/test/**/*.e2e-spec.ts',
        // Crash loops and other long runs: only under `npm run test:stress` (STRESS=1).
        ...(process.env.STRESS === '1' ? ['<rootDir>/test/**/*.stress-spec.ts'] : []),
      ],
    },
  ],
};
