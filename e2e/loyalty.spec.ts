/**
 * Loyalty tiers: an admin edits a tier on Settings → Loyalty tiers (a rank another tier holds is
 * refused at the field), evaluates every account now and reads the run's counts, then opens an
 * account and reads why it holds its tier, its move with the reasons, and marks who referred it.
 * Axe on both pages.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, pickUser, unique } from './fixtures';

test('an admin edits a tier, evaluates, and reads on the account why it holds its tier', async ({ page, request }) => {
  test.slow(); // two pages, axe on each, and an evaluation of every account
  const api = apiAs(request);
  const tag = unique();
  const silver = `Silver ${tag}`;
  const gold = `Gold ${tag}`;
  await api.post('/loyalty/tiers', { name: silver, rank: 1, benefits: { freeHoursPerQuarter: 2 } });
  await api.post('/loyalty/tiers', { name: gold, rank: 2, rules: { minNps: 9 }, benefits: { discountPercent: 5 } });
  const account = await api.createAccount(`Loyal Client ${tag}`, { status: 'active' });
  const referrer = await api.createAccount(`Referring Client ${tag}`, { status: 'active' });

  await page.goto('/settings/loyalty');
  await expect(page.getByRole('heading', { level: 1, name: 'Loyalty tiers' })).toBeVisible();
  await expect(page.getByTestId('tier-row').filter({ hasText: gold })).toContainText('latest NPS 9 or more');
  await expectAccessible(page);

  // Gold asks for the rank Silver holds: the server refuses it at the field.
  await page.getByRole('button', { name: `Edit tier “${gold}”` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit tier “${gold}”` });
  await dialog.getByRole('textbox', { name: 'Rank' }).fill('1');
  await dialog.getByRole('textbox', { name: 'Discount, %' }).fill('7');
  await dialog.getByRole('textbox', { name: 'Free hours per quarter' }).fill('6');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(`Tier “${silver}” already has rank 1`)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Rank' }).fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Tier “${gold}” saved; accounts move at the next evaluation`)).toBeVisible();
  const goldRow = page.getByTestId('tier-row').filter({ hasText: gold });
  await expect(goldRow).toContainText('7 % discount on proposals and invoices');
  await expect(goldRow).toContainText('6 free hours per quarter');

  await page.getByRole('button', { name: 'Evaluate now' }).click();
  await expect(page.getByTestId('loyalty-run')).toContainText(/\d+ accounts checked: \d+ moved up/);

  // The account holds Silver: no critical claim open; Gold asks for an NPS it has not given.
  await page.goto(`/accounts/${account.id}?tab=loyalty`);
  const card = page.getByRole('region', { name: 'Loyalty' });
  await expect(card.getByTestId('loyalty-tier')).toHaveText(silver);
  await expect(card.getByTestId('loyalty-benefits')).toContainText('2 free hours per quarter');
  await expect(card.getByRole('list', { name: `Why it holds ${silver}` })).toContainText('open critical claims 0 ✓');
  const move = page.getByTestId('loyalty-move');
  await expect(move).toHaveCount(1);
  await expect(move).toContainText(`no tier → ${silver}`);
  await expect(move).toContainText('open critical claims 0 ✓');
  await expectAccessible(page);

  // Who brought the client: chosen by name, saved, and shown on the referrer's page too.
  await pickUser(page, card.getByRole('combobox', { name: 'Referred by' }), `Referring Client ${tag}`);
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Referral saved')).toBeVisible();
  await page.goto(`/accounts/${referrer.id}?tab=loyalty`);
  await expect(page.getByRole('region', { name: 'Loyalty' })).toContainText(`Loyal Client ${tag}`);
});
