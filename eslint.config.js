import tseslint from 'typescript-eslint';

/** Layer rules: web never imports server, common imports neither. */
const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(['web/**/*.{ts,tsx}'], ['**/server/**'], 'The web app talks to the server only over HTTP.'),
  layer(['common/**/*.ts'], ['**/server/**', '**/web/**'], 'common is shared by server and web and imports neither.'),
);
