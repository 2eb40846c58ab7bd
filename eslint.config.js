import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import featureBoundaries from './eslint-rules/feature-boundaries.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Dependencies point down: a workflow calls features; a feature never imports a workflow (it
    // declares the port it needs, as payments' SettlePayment, and buildApp hands the workflow in).
    files: ['packages/server/src/features/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/workflows/**'], message: 'features never import workflows: declare a port in the feature and let buildApp pass the workflow' }] }] },
  },
  {
    // A feature offers what others may use in its index.ts; its other files are its own (STYLE.md: "A feature owns its tables").
    // The API tests under packages/server/test build their fixtures from internals and are left out.
    files: ['packages/server/src/**/*.ts'],
    plugins: { pavilion: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'pavilion/feature-boundaries': 'error' },
  },
  {
    // Migrations take Kysely<any>: they describe the schema as it was, not today's types.
    files: ['packages/server/src/db/migrations/**', 'packages/server/src/db/migrator.ts', 'packages/server/src/db/migration-helpers.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
