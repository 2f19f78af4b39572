import tseslint from 'typescript-eslint';

/**
 * The direction of imports, top to bottom (docs/architecture.md): a folder may import
 * common and the features listed before it, never one listed after it; src/common imports
 * no feature; the criteria engine imports nothing of Redline and no framework.
 */
const FEATURES = [
  'criteria',
  'audit',
  'stakeholders',
  'events',
  'definitions',
  'systems',
  'verdicts',
  'change-sets',
  'impact',
  'diff',
  'amendments',
  'seed',
];
const importsOf = (features) => ({
  regex: `^(\\.\\./)+(${features.join('|')})/`,
  message: 'A feature imports only common and the features below it (docs/architecture.md).',
});
const importDirection = [
  {
    // A migration runs as written on the day it was merged, whatever the code becomes.
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./src/', message: 'A migration imports no application code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [importsOf(FEATURES)] }] },
  },
  ...FEATURES.map((feature, index) => ({
    files: [`src/${feature}/**/*.ts`],
    ignores: feature === 'criteria' ? ['src/criteria/engine/**'] : [],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: index + 1 < FEATURES.length ? [importsOf(FEATURES.slice(index + 1))] : [] },
      ],
    },
  })),
  ...[
    // Publishable on its own: its vocabulary and host functions come in as arguments.
    ['src/criteria/engine/*.ts', '^\\.\\./'],
    ['src/criteria/engine/*/**/*.ts', '^\\.\\./\\.\\./'],
  ].map(([files, outside]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: outside,
              message:
                'The criteria engine imports nothing of Redline outside src/criteria/engine.',
            },
            {
              regex:
                '^(@nestjs/|typeorm|pg$|pg/|dataloader|class-validator|class-transformer|graphql)',
              message: 'The criteria engine depends on no framework or database.',
            },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'migrations/*-InitialSchema.ts'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Nest's decorators and DI types rely on classes used only as types at compile time.
      '@typescript-eslint/no-extraneous-class': 'off',
      // TypeORM and pg return untyped rows; the code narrows them where they are used.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  ...importDirection,
  {
    // e2e tests read GraphQL responses as loosely typed JSON, as a client would.
    files: ['test/**/*.ts', 'testkit/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Which way the test code's imports go: testkit/ (what tests, benches and unit specs
  // share) imports neither test/ nor bench/; bench/ does not import test/; src/ imports none
  // of the three, except that unit specs may use testkit/. A rule of its own, so that it
  // adds to the import direction above instead of replacing it for the files both cover.
  refuseImports(['testkit/**/*.ts'], ['**/test/**', '**/bench/**']),
  refuseImports(['bench/**/*.ts'], ['**/test/**']),
  refuseImports(['src/**/*.spec.ts'], ['**/test/**', '**/bench/**']),
  {
    ...refuseImports(['src/**/*.ts'], ['**/test/**', '**/bench/**', '**/testkit/**']),
    ignores: ['src/**/*.spec.ts'],
  },
  {
    files: ['eslint.config.js', 'jest.config.js', 'scripts/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);

/** A config block that refuses, in `files`, imports whose path matches one of `patterns`. */
function refuseImports(files, patterns) {
  const message = 'testkit/ imports neither test/ nor bench/, bench/ not test/, src/ none of them.';
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: patterns, message }] },
      ],
    },
  };
}
