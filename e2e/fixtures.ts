/** Shared helpers for the journeys: the admin's credentials, API shortcuts and the axe check. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export { ADMIN } from './credentials';
export const ADMIN_STATE = path.join(process.env.E2E_DATA_DIR ?? '.', 'admin-state.json');
export const PASSWORD = 'Journey-Passw0rd-77';

/** A 2 x 2 PNG: the smallest image an upload (a logo, a photo) accepts. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** A short suffix that keeps names unique across tests and retries on the same database. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

interface Versioned {
  id: string;
  version: number;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** API calls made as whoever the request context is signed in as. */
export function apiAs(request: APIRequestContext) {
  return {
    get: <T>(url: string) => request.get(`/api/v1${url}`).then((r) => json<T>(r)),
    post: <T>(url: string, data: unknown) => request.post(`/api/v1${url}`, { data }).then((r) => json<T>(r)),
    patch: <T>(url: string, data: unknown, version: number) =>
      request.patch(`/api/v1${url}`, { data, headers: { 'If-Match': `"${version}"` } }).then((r) => json<T>(r)),
    createUser: (role: string, name: string, extra: Record<string, unknown> = {}) =>
      request
        .post('/api/v1/users', {
          data: { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`, name, role, password: PASSWORD, ...extra },
        })
        .then((r) => json<Versioned & { email: string; name: string }>(r)),
    createAccount: (name: string, extra: Record<string, unknown> = {}) =>
      request.post('/api/v1/accounts', { data: { name, ...extra } }).then((r) => json<Versioned & { name: string }>(r)),
    createContact: (accountId: string, firstName: string, extra: Record<string, unknown> = {}) =>
      request
        .post('/api/v1/contacts', { data: { accountId, firstName, ...extra } })
        .then((r) => json<Versioned & { firstName: string }>(r)),
  };
}

/** A new browser context signed in as the given user through the sign-in page. */
export async function signedInPage(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, email, password);
  // Wait until signed in: a test that navigates at once would abort the sign-in request.
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** Fills in and sends the sign-in form. */
export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Fails on any critical or serious accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Scans the page as it settles: a menu or dialog still fading in has its colours on the way.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity) // a spinner never ends
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  // In the page itself: the app has no frames from another origin (the `frame-tested` rule would
  // fail on one), so the blank page axe otherwise opens to merge frames' results only costs time,
  // a third of each scan. Passed and inapplicable nodes are not collected: only violations count.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n  ')}`,
    );
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Chooses a person in a person picker by typing part of their name (all of it unless `typed` is given). */
export async function pickUser(page: Page, field: Locator, name: string, typed = name) {
  await field.fill(typed);
  // An option reads the name, then the person's role or specialties.
  await page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await expect(field).toHaveValue(name);
}
