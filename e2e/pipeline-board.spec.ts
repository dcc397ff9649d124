import fs from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';
import { dayFromToday, moveByKeyboard } from './sales';

const column = (page: Page, stage: string) => page.getByTestId(`board-column-${stage}`);
const card = (page: Page, title: string) => page.getByTestId('board-card').filter({ hasText: title });

test('a manager moves deals on the pipeline board by keyboard, loses one for a reason, and exports the sorted list', async ({
  browser,
  request,
}) => {
  test.slow(); // a journey with axe in both themes and a download
  const api = apiAs(request);
  const tag = unique();
  const manager = await api.createUser('account_manager', `Board Keeper ${tag}`);
  const account = await api.createAccount(`Northwind ${tag}`, { ownerId: manager.id, currency: 'EUR' });
  const open = (title: string, stage: string, amount: number, closeIn: number) =>
    api.post('/deals', {
      accountId: account.id,
      title,
      stage,
      amount,
      currency: 'EUR',
      expectedCloseDate: dayFromToday(closeIn),
      nextStep: `Call about ${title}`,
      nextStepDue: dayFromToday(closeIn > 30 ? 5 : -2),
    });
  await open('Brand refresh', 'qualified', 100_000, 40);
  await open('Ads retainer', 'meeting', 250_000, 20);
  await open('Landing pages', 'qualified', 50_000, 60);
  const page = await signedInPage(browser, manager.email);

  await page.goto('/deals');
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Board').click();
  await expect(page).toHaveURL(/view=board/);
  await expect(card(page, 'Brand refresh')).toBeVisible();
  await expect(column(page, 'qualified').getByTestId('column-totals')).toHaveText('2 deals · €1,500.00');
  // An overdue next step says so in words, not only in colour.
  await expect(card(page, 'Ads retainer').locator('[data-overdue]')).toContainText('overdue');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
    await page.reload();
    await expect(card(page, 'Brand refresh')).toBeVisible();
    await expectAccessible(page);
  }

  // By keyboard: focus the card's move button, Space, one column right, Space.
  await moveByKeyboard(page, 'Brand refresh', 1);
  await expect(column(page, 'meeting').getByTestId('board-card').filter({ hasText: 'Brand refresh' })).toBeVisible();
  await expect(page.getByText('Deal moved to “Meeting”')).toBeVisible();
  await page.reload();
  await expect(column(page, 'meeting').getByTestId('board-card').filter({ hasText: 'Brand refresh' })).toBeVisible();
  await expect(column(page, 'qualified').getByTestId('board-card').filter({ hasText: 'Brand refresh' })).toHaveCount(0);
  await expect(column(page, 'meeting').getByTestId('column-totals')).toHaveText('2 deals · €3,500.00');

  // Losing a deal asks why, in the move dialog opened at the lost stage.
  await moveByKeyboard(page, 'Landing pages', 5);
  const dialog = page.getByRole('dialog', { name: 'Move “Landing pages”' });
  await expect(dialog.getByLabel('New stage')).toHaveValue('lost');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog.getByText('Choose a reason')).toBeVisible();
  await dialog.getByLabel('Why it was lost').selectOption({ label: 'Chose a competitor' });
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(column(page, 'lost').getByTestId('board-card').filter({ hasText: 'Landing pages' })).toBeVisible();
  await expect(column(page, 'qualified').getByTestId('board-card')).toHaveCount(0);

  // The list view sorts by a column on the server and downloads exactly its rows.
  await page.getByRole('radiogroup', { name: 'View' }).getByText('List').click();
  const rows = page.getByTestId('deal-row');
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Sort by Amount' }).click();
  await expect(page).toHaveURL(/sort=amount/);
  await expect(rows.first()).toContainText('Ads retainer');
  await expect(rows.last()).toContainText('Landing pages');
  const titles = await rows.locator('td:first-child p:first-child').allTextContents();
  expect(titles).toEqual(['Ads retainer', 'Brand refresh', 'Landing pages']);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'CSV file' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('deals.csv');
  const csv = fs.readFileSync(await file.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^Title,Account,/);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(titles);
  expect(lines.find((l) => l.startsWith('Landing pages'))).toContain(',lost,lost,EUR,500.00,');
  await page.context().close();
});
