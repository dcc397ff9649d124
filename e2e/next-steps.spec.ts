import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, unique } from './fixtures';

/** A calendar date `days` from today, as the date input takes it. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a next step agreed in a call is tracked: overdue on the list, done from the timeline entry', async ({ page, request }) => {
  const api = apiAs(request);
  const account = await api.createAccount(`Northwind ${unique()}`);
  const text = `Send the next quarter plan ${unique()}`;

  await page.goto(`/accounts/${account.id}`);
  await page.getByRole('button', { name: 'Log a call' }).click();
  await page.getByLabel('Summary').fill('Call about the quarter');
  await page.getByLabel('Next step', { exact: true }).fill(text);
  await page.getByLabel('Next step due').fill(dayFromToday(-3));
  await page.getByRole('button', { name: 'Log it' }).click();

  // The promise is flagged where the manager looks: on the timeline entry, on the account and on their list.
  const entry = page.getByTestId('interaction').filter({ hasText: 'Call about the quarter' });
  await expect(entry.getByTestId('next-step-state')).toHaveText('Overdue');
  await page.getByRole('tab', { name: 'Next steps' }).click();
  const onAccount = page.getByTestId('next-step-row').filter({ hasText: text });
  await expect(onAccount.getByTestId('next-step-state')).toHaveText('Overdue');

  await page.getByRole('link', { name: 'Next steps' }).click();
  await expect(page.getByRole('heading', { name: 'Next steps', level: 1 })).toBeVisible();
  const mine = page.getByTestId('next-step-row').filter({ hasText: text });
  await expect(mine.getByTestId('next-step-state')).toHaveText('Overdue');
  await expect(mine.getByRole('link', { name: account.name })).toBeVisible();
  await expectAccessible(page);

  // Done from the timeline entry, in one click.
  await mine.getByRole('link', { name: account.name }).click();
  await entry.getByRole('button', { name: `Mark “${text}” done` }).click();
  await expect(entry.getByTestId('next-step-state')).toHaveText('Done');
  await expect(page.getByTestId('timeline-event').filter({ hasText: `Next step done: ${text}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Next steps' }).click();
  await expect(page.getByText('No next step is waiting on this account.')).toBeVisible();
  await expect(page.getByTestId('next-step-row').filter({ hasText: text })).toHaveCount(0);

  await page.goto('/next-steps');
  await expect(page.getByTestId('next-step-row').filter({ hasText: text })).toHaveCount(0);
  await page.getByLabel('Status').selectOption('done');
  await expect(page.getByTestId('next-step-row').filter({ hasText: text }).getByTestId('next-step-state')).toHaveText('Done');
  // Every state's badge stays readable in both themes.
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => localStorage.setItem('liaison.color-scheme', 'dark'));
  await page.reload();
  await expect(page.getByTestId('next-step-row').filter({ hasText: text }).getByTestId('next-step-state')).toHaveText('Done');
  await expectAccessible(page);
});
