/**
 * Claims: a client reports a problem in the portal; the account's manager sees it on the claims
 * list, moves it to in progress and resolves it with a root cause; the client reads what was done
 * and confirms it, which closes the claim. Axe on each page.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

test('a client reports a problem; the manager works it to a resolution with a root cause; the client confirms it', async ({
  browser,
  request,
}) => {
  test.slow(); // two people, several pages, axe on each
  const api = apiAs(request);
  const tag = unique();
  const manager = await api.createUser('account_manager', `Claire Manager ${tag}`);
  const account = await api.createAccount(`Claims Client ${tag}`, { ownerId: manager.id });
  const contact = await api.createContact(account.id, 'Carl', { lastName: `Client ${tag}` });
  const client = await api.createUser('client', `Carl Client ${tag}`, { contactId: contact.id });
  const problem = `The checkout button does nothing on phones (${tag})`;

  // The client reports it in the portal.
  const portal = await signedInPage(browser, client.email);
  await portal.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'Problems' }).click();
  await expect(portal.getByRole('heading', { level: 1, name: 'Problems' })).toBeVisible();
  await expect(portal.getByText('You have reported no problems.')).toBeVisible();
  await expectAccessible(portal);
  await portal.getByLabel('What it is about').selectOption({ label: 'Quality' });
  await portal.getByLabel('How serious').selectOption('high');
  await portal.getByRole('button', { name: 'Send' }).click();
  await expect(portal.getByText('Describe the problem')).toBeVisible();
  await portal.getByLabel('What happened').fill(problem);
  await portal.getByRole('button', { name: 'Send' }).click();
  await expect(portal.getByText('Thank you: your manager has it')).toBeVisible();
  const mine = portal.getByTestId('portal-claim').filter({ hasText: problem });
  await expect(mine.getByTestId('claim-status')).toHaveText('Received');

  // The manager sees it among the claims, with its deadlines, and works on it.
  const staff = await signedInPage(browser, manager.email);
  await staff.goto('/claims');
  const row = staff.getByTestId('claim-row').filter({ hasText: problem });
  await expect(row.getByTestId('claim-severity')).toHaveText('High');
  await expect(row).toContainText('from the portal');
  await expect(row).toContainText(/[78] hours left/);
  await expectAccessible(staff);
  await row.getByRole('link', { name: problem }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Claim' })).toBeVisible();
  await staff.getByRole('button', { name: 'Move' }).click();
  let dialog = staff.getByRole('dialog', { name: 'Move the claim' });
  await expect(dialog.getByLabel('New status')).toHaveValue('in_progress');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(staff.getByTestId('claim-details').getByTestId('claim-status')).toHaveText('In progress');

  // Resolving asks for the root cause.
  await staff.getByRole('button', { name: 'Move' }).click();
  dialog = staff.getByRole('dialog', { name: 'Move the claim' });
  await expect(dialog.getByLabel('New status')).toHaveValue('resolved');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog.getByText('Choose the root cause')).toBeVisible();
  await expectAccessible(staff);
  await dialog.getByRole('combobox', { name: 'Root cause' }).selectOption({ label: 'No review before delivery' });
  await dialog.getByLabel('What the root cause was').fill('The release was not tried on a phone');
  await dialog.getByLabel('Resolution for the client').fill('We fixed the button and now test every release on phones.');
  await dialog.getByRole('button', { name: 'Move' }).click();
  const details = staff.getByTestId('claim-details');
  await expect(details.getByTestId('claim-status')).toHaveText('Resolved');
  await expect(details).toContainText('No review before delivery');

  // The account's timeline tells the story, root cause included.
  await staff.goto(`/accounts/${account.id}`);
  await expect(
    staff.getByTestId('timeline-event').filter({ hasText: 'Claim resolved — root cause: No review before delivery' }),
  ).toBeVisible();
  await expect(
    staff.getByTestId('timeline-event').filter({ hasText: 'Claim registered: Quality, high severity (from the portal)' }),
  ).toBeVisible();

  // The client reads what was done, never the root cause, and confirms it.
  await portal.reload();
  await expect(mine.getByTestId('claim-status')).toHaveText('Resolved');
  await expect(mine).toContainText('We fixed the button and now test every release on phones.');
  await expect(portal.getByText('The release was not tried on a phone')).toHaveCount(0);
  await expect(portal.getByText('No review before delivery')).toHaveCount(0);
  await expectAccessible(portal);
  await mine.getByRole('button', { name: 'Confirm it is solved' }).click();
  await expect(mine.getByTestId('claim-status')).toHaveText('Closed');

  // The manager sees it closed by the client's confirmation.
  await staff.goto('/claims');
  await row.getByRole('link', { name: problem }).click();
  await expect(staff.getByTestId('claim-details')).toContainText('confirmed by the client');
});

test('an admin changes the claims’ deadlines on an accessible settings page', async ({ page }) => {
  await page.goto('/settings/claims');
  await expect(page.getByRole('heading', { level: 1, name: 'Claim settings' })).toBeVisible();
  await expect(page.getByText('Calendar hours from registration; nights and weekends count.')).toBeVisible();
  await expectAccessible(page);
  const respond = page.getByRole('textbox', { name: 'Hours to respond: Critical' });
  await expect(respond).toHaveValue('2');
  // Resolving cannot take less time than responding.
  await page.getByRole('textbox', { name: 'Hours to resolve: Critical' }).fill('1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The time to resolve cannot be shorter than the time to respond')).toBeVisible();
  await page.getByRole('textbox', { name: 'Hours to resolve: Critical' }).fill('24');
  await respond.fill('3');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Claim settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Hours to respond: Critical' })).toHaveValue('3');
  // Back as it was, for the other journeys.
  await page.getByRole('textbox', { name: 'Hours to respond: Critical' }).fill('2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Claim settings saved')).toBeVisible();
});
