/**
 * Corrective actions: the manager opens a resolved claim, opens a corrective action from it,
 * follows it to its page, reads the check's figures and records the check. Axe on the action's page.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

test('a manager opens a corrective action from a resolved claim and records its check', async ({ browser, request }) => {
  test.slow(); // several pages and dialogs, axe on the action's page
  const api = apiAs(request);
  const tag = unique();
  const manager = await api.createUser('account_manager', `Cora Manager ${tag}`);
  const account = await api.createAccount(`Corrective Client ${tag}`, { ownerId: manager.id });
  const claim = await api.post<{ id: string }>('/claims', {
    accountId: account.id,
    category: 'quality',
    severity: 'high',
    description: `The release broke the checkout (${tag})`,
  });
  await api.post(`/claims/${claim.id}/status`, { status: 'in_progress' });
  await api.post(`/claims/${claim.id}/status`, {
    status: 'resolved',
    rootCause: 'no_review',
    rootCauseNote: 'Nobody tested the release on a phone',
    resolution: 'Fixed and tested on phones',
  });
  const what = `A phone check before every release (${tag})`;

  const page = await signedInPage(browser, manager.email);
  await page.goto(`/claims/${claim.id}`);
  const section = page.getByRole('region', { name: 'Corrective actions' });
  await expect(section.getByText('No corrective action for this claim yet.', { exact: false })).toBeVisible();
  await section.getByRole('button', { name: 'New corrective action' }).click();
  const dialog = page.getByRole('dialog', { name: 'New corrective action' });
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByText('Say what will change')).toBeVisible();
  await dialog.getByLabel('What will change').fill(what);
  await dialog.getByLabel('Due').fill('2027-01-15');
  await dialog.getByLabel('Check on').fill('2027-03-01');
  await dialog.getByRole('button', { name: 'Open' }).click();

  // The action's page: its plan and the check computed for the checker.
  await expect(page.getByRole('heading', { level: 1, name: 'Corrective action' })).toBeVisible();
  await expect(page.getByTestId('corrective-action-details')).toContainText(what);
  const check = page.getByRole('region', { name: 'Effectiveness check' });
  await expect(check.getByTestId('check-figures')).toContainText('0 claims');
  await expect(check.getByText('None: the cause has not recurred.')).toBeVisible();
  await expectAccessible(page);

  await check.getByRole('button', { name: 'Record check' }).click();
  const record = page.getByRole('dialog', { name: 'Effectiveness check' });
  await record.getByRole('button', { name: 'Record check' }).click();
  await expect(record.getByText('Choose whether it worked')).toBeVisible();
  await record.getByLabel('Effective: it can close').check();
  await record.getByLabel('What the check found').fill('No repeat since');
  await record.getByRole('button', { name: 'Record check' }).click();
  await expect(page.getByText('Check recorded')).toBeVisible();
  await expect(page.getByTestId('corrective-action-details')).toContainText('Checked: effective');
  await expect(check.getByText(/Figures recorded with the check on/)).toBeVisible();

  // Back on the claim, the action is listed as checked.
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByTestId('corrective-action-row').filter({ hasText: what })).toContainText('Checked: effective');
});
