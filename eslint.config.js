import tseslint from 'typescript-eslint';

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
  {
    // e2e tests read GraphQL responses as loosely typed JSON, as a client would.
    files: ['test/**/*.ts', 'testkit/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Which way imports go: testkit/ (what tests, benches and unit specs share) imports
  // neither test/ nor bench/; bench/ does not import test/; src/ imports none of the three,
  // except that unit specs may use testkit/.
  restrictImports(['testkit/**/*.ts'], ['**/test/**', '**/bench/**']),
  restrictImports(['bench/**/*.ts'], ['**/test/**']),
  restrictImports(['src/**/*.spec.ts'], ['**/test/**', '**/bench/**']),
  {
    ...restrictImports(['src/**/*.ts'], ['**/test/**', '**/bench/**', '**/testkit/**']),
    ignores: ['src/**/*.spec.ts'],
  },
  {
    files: ['eslint.config.js', 'jest.config.js', 'scripts/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);

/** A config block that refuses, in `files`, imports whose path matches one of `patterns`. */
function restrictImports(files, patterns) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: patterns, message: 'See the dependency rule in eslint.config.js.' }],
        },
      ],
    },
  };
}
