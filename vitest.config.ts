import { defineConfig } from 'vitest/config';

// `npm test`: the server suite (API and database, on SQLite or on PostgreSQL with
// DATABASE_URL) and the web app's unit tests. Browser journeys run with `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'scripts/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
