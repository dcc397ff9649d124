/**
 * Today on the demo agency: the demo manager signs in and lands on her agenda, reads why an
 * overdue next step needs her, marks it done in one click, snoozes an invoice to chase until
 * next week, and opens the client whose health fell this week to read why. The demo agency lives on a server of its own, started here on a copy of the run's demo database.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './fixtures';
import { demoDataDir, startOwnServer } from './own-server';

const DEMO_PASSWORD = 'Liaison-Demo-2026';
let stopServer: (() => void) | undefined;
let baseURL = '';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ baseURL, stop: stopServer } = await startOwnServer({ DATA_DIR: demoDataDir('liaison-today-') }));
});

test.afterAll(() => {
  stopServer?.();
});

test('the demo manager lands on Today, reads why, marks a next step done, snoozes an invoice and opens a falling account', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, 'anna@demo.liaison.test', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').first()).toHaveText('Today');

  // An overdue next step, with its reason in words.
  const overdue = page.getByRole('region', { name: 'Overdue' });
  const step = overdue.getByTestId('today-item').and(page.locator('[data-kind="next_step_due"]')).first();
  await expect(step).toContainText(/Next step “.+” was due .+ — \d+\u00a0days? overdue/);
  const reason = (await step.getByRole('link').last().textContent())!;
  await expectAccessible(page);

  await step.getByRole('button', { name: 'Mark next step done' }).click();
  await expect(page.getByTestId('today-item').filter({ hasText: reason })).toHaveCount(0);

  // Counts per kind filter the list: the invoices to chase.
  await page
    .getByRole('group', { name: 'Show items of a kind' })
    .getByText(/^Overdue invoice · \d+$/)
    .click();
  const invoice = page.getByTestId('today-item').first();
  await expect(invoice).toContainText(/Invoice .+ is \d+\u00a0days? overdue/);
  const invoiceReason = (await invoice.getByRole('link').last().textContent())!;
  await invoice.getByRole('button', { name: 'Snooze' }).click();
  const dialog = page.getByRole('dialog', { name: 'Snooze until' });
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await expect(dialog.getByLabel('Show it again on')).toHaveValue(nextWeek);
  await dialog.getByRole('button', { name: 'Snooze' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('today-item').filter({ hasText: invoiceReason })).toHaveCount(0);

  // Both stay off after a reload: they are kept on the server.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('today-item').first()).toBeVisible();
  await expect(page.getByTestId('today-item').filter({ hasText: invoiceReason })).toHaveCount(0);
  await expect(page.getByTestId('today-item').filter({ hasText: reason })).toHaveCount(0);

  // A good client had a bad week: its health fell, and the item says why.
  await page
    .getByRole('group', { name: 'Show items of a kind' })
    .getByText(/^Health drop · \d+$/)
    .click();
  const drop = page.getByTestId('today-item').filter({ hasText: 'Meridian Travel' });
  await expect(drop).toContainText(/Health fell from 8\d to [0-6]\d: CSAT 1 of 5 on .+; .*Open claims: 1, the most severe critical/);
  await drop.getByRole('link').last().click();
  await expect(page).toHaveURL(/\/accounts\/[^/?]+\?tab=health$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Meridian Travel' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Account health' });
  await expect(card.getByTestId('health-score')).toHaveText(/^[0-6]\d · Watch$/);
  await expect(page.getByTestId('health-claims')).toContainText('critical');
  await expect(page.getByTestId('health-satisfaction')).toContainText('CSAT 1 of 5');
  await context.close();
});
