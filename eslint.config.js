import fs from 'node:fs';
import tseslint from 'typescript-eslint';

/** Layer rules: web never imports server, common imports neither. */
const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

/** Server modules: each is reached only through its public face, `modules/<name>/index.ts`. */
const MODULES = fs
  .readdirSync('server/modules', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const FACE_ONLY = 'Import another module only through its public face, modules/<name>/index.ts (see CONTRIBUTING.md).';
const restrict = (files, regex, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
});
const moduleBoundaries = [
  // Inside a module: its own files freely, another module's face only.
  ...MODULES.map((m) => restrict([`server/modules/${m}/**/*.ts`], `^\\.\\./(?!${m}/)[a-z][^/]*/(?!index\\.js$)`, FACE_ONLY)),
  // On top of the modules (composition root, CLI, demo, tests, bench): faces only.
  restrict(['server/*.ts', 'server/{demo,cli,test}/**/*.ts', 'bench/**/*.ts'], '(^|/)modules/[^/]+/(?!index\\.js$)', FACE_ONLY),
  // Below the modules: infrastructure never depends on a domain module.
  restrict(
    ['server/{lib,db,jobs,plugins,metrics}/**/*.ts'],
    '(^|/)modules/',
    'Infrastructure (lib, db, jobs, plugins, metrics) must not import domain modules.',
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Fastify plugins and hooks are async by contract, with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      // TanStack Router's documented control flow: `throw redirect(…)` and `throw notFound()`.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'package', package: '@tanstack/router-core', name: ['Redirect', 'NotFoundError'] }] },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Plain JavaScript and the tools' own config files are outside the app's TypeScript projects.
  { files: ['**/*.{js,mjs}', '*.config.ts'], ...tseslint.configs.disableTypeChecked },
  // Tests read JSON answers as untyped values on purpose: the assertions are the types.
  {
    files: ['**/*.test.{ts,tsx}', 'server/test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  layer(['web/**/*.{ts,tsx}'], ['**/server/**'], 'The web app talks to the server only over HTTP.'),
  layer(['common/**/*.ts'], ['**/server/**', '**/web/**'], 'common is shared by server and web and imports neither.'),
  ...moduleBoundaries,
);
