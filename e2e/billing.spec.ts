import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** The receivables row of one account, by its name. */
const receivablesRow = (page: Page, name: string) => page.getByTestId('receivables-row').filter({ hasText: name });

test('a manager issues an invoice past the credit limit after a warning, records a partial payment and sees receivables change', async ({
  page,
  browser,
}) => {
  const tag = unique();
  const api = apiAs(page.request);
  const manager = await api.createUser('account_manager', `Billing Manager ${tag}`);
  const name = `Billing Client ${tag}`;
  const account = await api.createAccount(name, { ownerId: manager.id, currency: 'EUR', paymentTermsDays: 14, creditLimitMinor: 100_000 });
  const mgr = await signedInPage(browser, manager.email);

  // A draft from the account's billing section.
  await mgr.goto(`/accounts/${account.id}`);
  await mgr.getByRole('tab', { name: 'Billing' }).click();
  const billing = mgr.getByRole('region', { name: 'Billing' });
  await expect(billing).toContainText('Credit limit used0%');
  await billing.getByRole('link', { name: 'New invoice' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'New invoice' })).toBeVisible();
  await mgr.getByRole('button', { name: 'Save draft' }).click();
  await expect(mgr.getByText('Describe the line')).toBeVisible();
  const line = mgr.getByTestId('invoice-line').first();
  await line.getByLabel('Description').fill('SEO audit');
  await line.getByLabel('Quantity').fill('1');
  await line.getByLabel('Unit price').fill('1500');
  await mgr.getByRole('button', { name: 'Save draft' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Draft invoice' })).toBeVisible();
  await expect(mgr.getByTestId('invoice-balance')).toHaveText('€0.00');

  // Issuing: the credit-limit warning comes before the confirmation.
  await mgr.getByRole('button', { name: 'Issue', exact: true }).click();
  const dialog = mgr.getByRole('dialog', { name: 'Issue the invoice' });
  await expect(dialog.getByTestId('credit-warnings')).toContainText('over the credit limit of €1,000.00');
  await expect(dialog.getByTestId('credit-warnings')).toContainText('€1,500.00');
  await expectAccessible(mgr);
  await dialog.getByRole('button', { name: 'Issue anyway' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: /^Invoice \d{4}-\d{6}$/ })).toBeVisible();
  await expect(mgr.getByTestId('invoice-status')).toHaveText('Issued');
  await expect(mgr.getByTestId('invoice-balance')).toHaveText('€1,500.00');
  const invoiceUrl = mgr.url();
  await mgr.getByRole('link', { name: name }).click();
  await mgr.getByRole('tab', { name: 'Billing' }).click();
  await expect(mgr.getByRole('region', { name: 'Billing' })).toContainText('Credit limit used150%');

  // The whole amount is owed and not yet due.
  await mgr.getByRole('link', { name: 'Receivables' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Receivables' })).toBeVisible();
  await expect(receivablesRow(mgr, name)).toContainText('€1,500.00');
  await expectAccessible(mgr);

  // A partial payment.
  await mgr.goto(invoiceUrl);
  await mgr.getByRole('button', { name: 'Record payment' }).click();
  const pay = mgr.getByRole('dialog', { name: 'Record payment' });
  await pay.getByLabel('Amount (EUR)').fill('500');
  await pay.getByLabel('Reference').fill(`Transfer ${tag}`);
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(mgr.getByTestId('invoice-status')).toHaveText('Partially paid');
  await expect(mgr.getByTestId('invoice-balance')).toHaveText('€1,000.00');
  await expect(mgr.getByTestId('payment-row')).toContainText(`Transfer ${tag}`);

  // Receivables now show what is still owed; the bucket drills down to the invoice.
  await mgr.getByRole('link', { name: 'Receivables' }).click();
  const row = receivablesRow(mgr, name);
  await expect(row).toContainText('€1,000.00');
  await expect(row).not.toContainText('€1,500.00');
  await row.getByRole('link', { name: '€1,000.00' }).first().click();
  await expect(mgr.getByTestId('invoice-row')).toHaveCount(1);
  await expect(mgr.getByTestId('invoice-row')).toContainText('Partially paid');
});
