import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Type-aware rules with zero warnings allowed, and module boundaries that
 * hold: apps never import apps, services never import services, contracts
 * import nothing internal.
 */
export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.cache/**', '.data/**', 'tmp/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:demo', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:util', 'type:demo', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:platform', 'type:contracts', 'type:util', 'type:demo', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:service', 'type:platform', 'type:contracts', 'type:util', 'type:demo'] },
            { sourceTag: 'scope:reviews', notDependOnLibsWithTags: ['scope:supervision', 'scope:credit', 'scope:policy-evaluation', 'scope:enterprise-activity', 'scope:gateway'] },
            { sourceTag: 'scope:supervision', notDependOnLibsWithTags: ['scope:reviews', 'scope:credit', 'scope:policy-evaluation', 'scope:enterprise-activity', 'scope:gateway'] },
            { sourceTag: 'scope:credit', notDependOnLibsWithTags: ['scope:reviews', 'scope:supervision', 'scope:policy-evaluation', 'scope:enterprise-activity', 'scope:gateway'] },
            { sourceTag: 'scope:policy-evaluation', notDependOnLibsWithTags: ['scope:reviews', 'scope:supervision', 'scope:credit', 'scope:enterprise-activity', 'scope:gateway'] },
            { sourceTag: 'scope:enterprise-activity', notDependOnLibsWithTags: ['scope:reviews', 'scope:supervision', 'scope:credit', 'scope:policy-evaluation', 'scope:gateway'] },
            { sourceTag: 'scope:gateway', notDependOnLibsWithTags: ['scope:reviews', 'scope:supervision', 'scope:credit', 'scope:policy-evaluation', 'scope:enterprise-activity'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Config classes declare their types explicitly: decorator metadata reads them.
      '@typescript-eslint/no-inferrable-types': 'off',
      // Nest lifecycle and port methods are async by contract even when an adapter has nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
