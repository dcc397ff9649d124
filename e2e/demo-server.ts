/**
 * A server of a spec file's own on the demo agency (a year of history), for the reports' journeys:
 * a copy of the run's demo database (SQLite) before the file's tests, the server stopped after.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { demoDataDir, startOwnServer } from './own-server';

const DEMO_PASSWORD = 'Liaison-Demo-2026';

export function useDemoServer(prefix: string) {
  let stop: (() => void) | undefined;
  let baseURL = '';

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    ({ baseURL, stop } = await startOwnServer({ DATA_DIR: demoDataDir(prefix) }));
  });

  test.afterAll(() => stop?.());

  return {
    /** A new browser of its own, signed in (through the API) as the demo user with this email. */
    demoUser: async (browser: Browser, email: string): Promise<Page> => {
      const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, locale: 'en-GB' });
      const page = await context.newPage();
      expect((await page.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } })).status()).toBe(200);
      return page;
    },
  };
}
