import { test, expect } from '@playwright/test';
import { apiAs, PASSWORD, signedInPage, unique } from './fixtures';

test('an admin creates a user with a role, who can sign in until deactivated', async ({ page, browser }) => {
  const tag = unique();
  const name = `Sergey Specialist ${tag}`;
  const email = `sergey.${tag}@example.test`;
  await page.goto('/users');
  await page.getByRole('link', { name: 'New user' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('specialist');
  await page.getByLabel('Specialties').fill('SEO, copywriting');
  const password = page.getByRole('textbox', { name: 'Password', exact: true });
  await password.fill(`Sergey-Lantern-${tag}`);
  await expect(page.getByText('Do not use your email address or a part of it in the password')).toBeVisible();
  await password.fill(PASSWORD);
  await expect(page.getByText('Do not use your email address or a part of it in the password')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create user' }).click();

  await expect(page).toHaveURL(/\/users$/);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Specialist');
  await expect(row).toContainText('Active');

  // The new user can sign in, and sees no admin pages.
  const theirs = await signedInPage(browser, email);
  await expect(theirs.getByTestId('current-user')).toContainText('Specialist');
  await expect(theirs.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(theirs.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await theirs.goto('/users');
  await expect(theirs.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await theirs.context().close();

  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText(`${name} can no longer sign in.`)).toBeVisible();
  await expect(row).toHaveCount(0); // the list shows active users by default
  await page.getByLabel('State').selectOption('false');
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Deactivated');

  const refused = await page.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
  expect(refused.status()).toBe(401);
});

test('an API token is shown once, works, and stops working when revoked', async ({ page, playwright, baseURL }) => {
  const name = `Sync ${unique()}`;
  await page.goto('/tokens');
  await page.getByLabel('Token name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByTestId('new-token');
  await expect(shown).toContainText('This is the only time the token is shown');
  const token = (await shown.locator('pre').innerText()).trim();
  expect(token.length).toBeGreaterThan(20);

  const integration = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await integration.get('/api/v1/auth/me')).status()).toBe(200);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(row).toHaveCount(0);
  expect((await integration.get('/api/v1/auth/me')).status()).toBe(401);
  await integration.dispose();
});

test('the audit log shows who changed what in words, filtered by record', async ({ page }) => {
  const api = apiAs(page.request);
  const account = await api.createAccount(`Audited ${unique()}`, { currency: 'EUR' });
  await api.patch(`/accounts/${account.id}`, { industry: 'Logistics', creditLimitMinor: 150000 }, account.version);

  await page.goto(`/audit?recordType=account`);
  await page.getByLabel('Record ID').fill(account.id);
  await page.getByLabel('Record ID').press('Enter');
  await expect(page).toHaveURL(new RegExp(`recordId=${account.id}`));
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3); // header, create, update
  await expect(rows.nth(1)).toContainText('Changed');
  // Field names and values as people read them: no camelCase keys, no raw minor units, no ids.
  await expect(rows.nth(1)).toContainText('Industry: — → Logistics');
  await expect(rows.nth(1)).toContainText('Credit limit: — → €1,500.00');
  await expect(rows.nth(1).getByRole('link', { name: account.name })).toBeVisible();
  await expect(rows.nth(1)).not.toContainText(account.id);
  await expect(rows.nth(2)).toContainText('Created');
  await expect(rows.nth(2)).not.toContainText('{');
});
