import { configDefaults, defineConfig } from 'vitest/config';

// Files named *.pg.test.ts test what only PostgreSQL has (a server that ends connections, …):
// they are part of the run on PostgreSQL and have nothing to test on SQLite.
const onPostgres = !!process.env.DATABASE_URL; // as server/test/database.ts decides

// `npm test`: the server suite (API and database, on SQLite or on PostgreSQL with
// DATABASE_URL) and the web app's unit tests. Browser journeys run with `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: onPostgres ? configDefaults.exclude : [...configDefaults.exclude, 'server/**/*.pg.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          pool: 'forks',
          // Every test builds its own app and database, so files share a process and its loaded
          // modules instead of importing the whole server again for each (half the suite's time).
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
