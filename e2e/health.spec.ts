/**
 * Account health: a manager opens an account with an overdue invoice and a recent call, reads its
 * score, the payment facts behind it and which components have no data; the accounts list has a
 * Health column to sort by. Axe on the health tab.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, unique } from './fixtures';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('the account page shows the score, each component’s reasons and that the trend starts after the first night', async ({
  page,
  request,
}) => {
  const api = apiAs(request);
  const account = await api.createAccount(`Health Client ${unique()}`, { status: 'active', paymentTermsDays: 14 });
  const draft = await api.post<{ id: string }>('/invoices', {
    accountId: account.id,
    lines: [{ description: 'Design', quantity: 1, unitPriceMinor: 120_000 }],
  });
  await api.post(`/invoices/${draft.id}/issue`, { issueDate: daysAgo(40) });
  await api.post('/interactions', { accountId: account.id, type: 'call', occurredAt: `${daysAgo(2)}T10:00:00.000Z`, summary: 'Check-in' });

  await page.goto(`/accounts/${account.id}?tab=health`);
  const card = page.getByRole('region', { name: 'Account health' });
  await expect(card.getByTestId('health-score')).toHaveText(/^\d+ · (Healthy|Watch|At risk)$/);
  await expect(card.getByRole('region', { name: 'Payment discipline' })).toContainText('Overdue invoices: 1 — €1,200.00 unpaid');
  await expect(card.getByRole('region', { name: 'Engagement' })).toContainText('Last two-way contact 2 days ago');
  await expect(card.getByRole('region', { name: 'Satisfaction' })).toContainText('No data — does not count');
  await expect(card.getByRole('region', { name: 'Satisfaction' })).toContainText('No NPS or CSAT answer yet');
  await expect(page.getByRole('region', { name: 'Health over the last 90 days' })).toContainText('No nightly snapshot yet');
  await expectAccessible(page);

  await page.goto('/accounts');
  await page.getByRole('button', { name: 'Sort by Health' }).click();
  await expect(page).toHaveURL(/sort=healthScore/);
});
