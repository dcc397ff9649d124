/**
 * What a first visit downloads: the server announces a page's first API answers in the HTML, and
 * Mantine's styles come with each component's code rather than in one sheet.
 */
import { test, expect, type Page } from '@playwright/test';
import { apiAs, unique } from './fixtures';

/** How many times each API address was asked for while the page loaded (announced ones included). */
function countApiRequests(page: Page) {
  const counts = new Map<string, number>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) counts.set(url.pathname + url.search, (counts.get(url.pathname + url.search) ?? 0) + 1);
  });
  return (address: string) => counts.get(address) ?? 0;
}

test('a first page asks for its data with its HTML, and the app uses that answer instead of asking again', async ({ page, request }) => {
  const account = await apiAs(request).createAccount(`First load ${unique()}`);
  await apiAs(request).post('/interactions', {
    accountId: account.id,
    type: 'call',
    occurredAt: new Date().toISOString(),
    summary: 'Agreed the first plan',
  });

  const list = countApiRequests(page);
  await page.goto('/accounts');
  // Other journeys' accounts may come first: any row shows the list has its first page.
  await expect(page.locator('main tbody tr a[href^="/accounts/"]').first()).toBeVisible();
  expect(await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))).toEqual([
    '/api/v1/auth/me',
    '/api/v1/accounts?sort=name&limit=50',
  ]);
  expect(list('/api/v1/auth/me')).toBe(1);
  expect(list('/api/v1/accounts?sort=name&limit=50')).toBe(1);

  const one = countApiRequests(page);
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByText('Agreed the first plan')).toBeVisible();
  expect(one(`/api/v1/accounts/${account.id}`)).toBe(1);
  expect(one(`/api/v1/accounts/${account.id}/timeline?limit=30`)).toBe(1);
});

test('an account page opens on its timeline without the code of its other tabs, which comes when one is opened', async ({
  page,
  request,
}) => {
  const account = await apiAs(request).createAccount(`Tabs later ${unique()}`);
  const scripts: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
  // The form checks (Zod and the shared schemas) and the tables of the other tabs.
  const laterCode = /\/assets\/(forms|RequestsPanel|ContactsTable|ProjectsTable|NextStepsTable|RecordDocuments)-/;

  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByRole('tab', { name: 'Timeline', selected: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log a meeting' })).toBeVisible();
  expect(scripts.filter((s) => laterCode.test(s))).toEqual([]);

  await page.getByRole('tab', { name: 'Requests' }).click();
  await expect(page.getByRole('textbox', { name: 'Message to the client' })).toBeVisible();
  expect(scripts.some((s) => /\/assets\/forms-/.test(s))).toBe(true);
});

test('the sales report and the objections ask for their first data with their HTML, once', async ({ page }) => {
  const pages = [
    { url: '/sales-report', heading: 'Sales report', data: ['/api/v1/reports/pipeline'] },
    { url: '/objections', heading: 'Objections', data: ['/api/v1/objections/categories', '/api/v1/settings/objections'] },
  ];
  for (const { url, heading, data } of pages) {
    const asked = countApiRequests(page);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const announced = await page
      .locator('link[rel="preload"][as="fetch"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(announced, url).toEqual(['/api/v1/auth/me', ...data]);
    for (const address of announced) expect(asked(address!), `${url} asks for ${address}`).toBe(1);
    // The page's own code is announced too, so it downloads with the entry.
    const code = await page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(
      code.some((href) => /\/assets\/(SalesReportPage|ObjectionsPage)-/.test(href ?? '')),
      url,
    ).toBe(true);
  }
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the sign-in page asks once whether the app is set up, and checks the form when it is sent', async ({ page }) => {
    const asked = countApiRequests(page);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The form's check loads after the page shows; it still speaks in words, per field.
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    expect(asked('/api/v1/setup')).toBe(1);
  });
});

test("components are styled by Mantine's sheets that come with the page's code", async ({ page, request }) => {
  const account = await apiAs(request).createAccount(`Styled ${unique()}`, { status: 'active' });
  await page.goto(`/accounts/${account.id}`);
  // Badge.css: a status badge is set in capitals.
  const status = page
    .locator('.mantine-Badge-root')
    .filter({ hasText: /^active$/i })
    .first();
  await expect(status).toHaveCSS('text-transform', 'uppercase');
  // Input.css comes with the form, whose code loads when it is opened.
  await page.getByRole('button', { name: 'Log a meeting' }).click();
  const summary = page.getByLabel('Summary');
  await expect(summary).toBeFocused();
  await expect(summary).toHaveCSS('border-top-style', 'solid');
  await expect(summary).toHaveCSS('border-top-width', '1px');
});
