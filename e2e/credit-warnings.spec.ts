import { test, expect } from '@playwright/test';
import { apiAs, signedInPage, unique } from './fixtures';

test('a manager is warned before a project past the credit limit, and a task on stopped work is refused', async ({ page, browser }) => {
  const tag = unique();
  const api = apiAs(page.request);
  const manager = await api.createUser('account_manager', `Credit Manager ${tag}`);
  const account = await api.createAccount(`Credit Client ${tag}`, { ownerId: manager.id, currency: 'EUR', creditLimitMinor: 1000 });
  const mgr = await signedInPage(browser, manager.email);
  const projectName = `Over the limit ${tag}`;

  await mgr.goto(`/accounts/${account.id}`);
  await mgr.getByRole('tab', { name: 'Projects' }).click();
  await mgr.getByRole('region', { name: 'Projects' }).getByRole('link', { name: 'New project' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'New project' })).toBeVisible();
  await mgr.getByLabel('Name').fill(projectName);
  await mgr.getByLabel('Stage').selectOption('planning');
  await mgr.getByLabel('Budget', { exact: true }).fill('500');

  // Cancelling the warning creates nothing.
  await mgr.getByRole('button', { name: 'Save' }).click();
  const dialog = mgr.getByRole('dialog', { name: "Check the client's credit first" });
  await expect(dialog.getByTestId('credit-warnings')).toContainText('over the credit limit of €10.00');
  await expect(dialog.getByTestId('credit-warnings')).toContainText('€500.00');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(mgr.getByRole('heading', { level: 1, name: 'New project' })).toBeVisible();

  // Confirming creates it.
  await mgr.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Create anyway' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: projectName })).toBeVisible();

  // With work stopped, a new task is warned about and then refused with the reason.
  await api.post(`/accounts/${account.id}/stop-work`, { reason: `Unpaid ${tag}` });
  await mgr.reload();
  await mgr.getByRole('tab', { name: 'Tasks' }).click();
  const form = mgr.getByRole('form', { name: 'Assign a task' });
  await form.getByRole('textbox', { name: 'Task', exact: true }).fill('Keyword research');
  await form.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog.getByTestId('credit-warnings')).toContainText(`Unpaid ${tag}`);
  await dialog.getByRole('button', { name: 'Create anyway' }).click();
  await expect(form.getByTestId('stop-work-refusal')).toContainText('New tasks are refused');
  await expect(form.getByTestId('stop-work-refusal')).toContainText(`Unpaid ${tag}`);
});
