import { test, expect } from '@playwright/test';
import { apiAs, signedInPage, unique } from './fixtures';

test('a manager cannot open another manager’s account by its URL', async ({ page, browser }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const owner = await api.createUser('account_manager', `Owner ${tag}`);
  const other = await api.createUser('account_manager', `Other ${tag}`);
  const account = await api.createAccount(`Private Client ${tag}`, { ownerId: owner.id });

  const otherPage = await signedInPage(browser, other.email);
  await expect(otherPage.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await otherPage.goto(`/accounts/${account.id}`);
  await expect(otherPage.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await expect(otherPage.getByText(account.name)).toHaveCount(0);

  const ownerPage = await signedInPage(browser, owner.email);
  await ownerPage.goto(`/accounts/${account.id}`);
  await expect(ownerPage.getByRole('heading', { name: account.name, level: 1 })).toBeVisible();
  await Promise.all([otherPage.context().close(), ownerPage.context().close()]);
});

test('a client user sees only the portal with their company and its contacts', async ({ page, browser }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const account = await api.createAccount(`Portal Client ${tag}`);
  const contact = await api.createContact(account.id, 'Olga', { lastName: `Client ${tag}`, portalAccess: true });
  await api.createContact(account.id, 'Ivan', { lastName: `Colleague ${tag}` });
  const client = await api.createUser('client', `Olga Client ${tag}`, { contactId: contact.id });

  const portal = await signedInPage(browser, client.email);
  await expect(portal).toHaveURL(/\/portal$/);
  await expect(portal.getByTestId('portal-company')).toHaveText(account.name);
  await expect(portal.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(portal.getByRole('link', { name: 'Accounts' })).toHaveCount(0);
  await portal.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'Documents' }).click();
  await expect(portal.getByRole('cell', { name: `Ivan Colleague ${tag}` })).toBeVisible();

  // Internal pages are out of reach even by URL.
  await portal.goto('/accounts');
  await expect(portal).toHaveURL(/\/portal$/);
  await portal.context().close();
});

test('a backup manager reads the account with nothing to change; its owner has every edit', async ({ page, browser }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const owner = await api.createUser('account_manager', `Owner ${tag}`);
  const backup = await api.createUser('account_manager', `Backup ${tag}`);
  const account = await api.createAccount(`Shared Client ${tag}`, { ownerId: owner.id, backupOwnerId: backup.id });
  const url = `/accounts/${account.id}`;
  // Each edit where it lives: in the header (tab null) or on its tab of the account page.
  const edits = [
    { tab: null, role: 'link', name: 'Edit' },
    { tab: null, role: 'button', name: 'Log a meeting' },
    { tab: 'Contacts', role: 'link', name: 'Add contact' },
    { tab: 'Projects', role: 'link', name: 'New project' },
    { tab: 'Billing', role: 'link', name: 'New invoice' },
  ] as const;
  // The tab's content has loaded before anything is counted on it.
  const loaded: Record<string, string> = { Contacts: 'No contacts', Projects: 'No projects', Billing: 'Statement' };
  const visit = async (p: typeof page, tab: string | null) => {
    if (!tab) return;
    await p.getByRole('tab', { name: tab }).click();
    await expect(p.getByRole('tabpanel').getByText(loaded[tab], { exact: true })).toBeVisible();
  };

  const backupPage = await signedInPage(browser, backup.email);
  await backupPage.goto(url);
  await expect(backupPage.getByRole('heading', { name: account.name, level: 1 })).toBeVisible();
  for (const { tab, role, name } of edits) {
    await visit(backupPage, tab);
    await expect(backupPage.getByRole(role, { name, exact: true })).toHaveCount(0);
  }
  // Nor does the edit page open by its URL.
  await backupPage.goto(`${url}/edit`);
  await expect(backupPage.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();

  const ownerPage = await signedInPage(browser, owner.email);
  await ownerPage.goto(url);
  await expect(ownerPage.getByRole('heading', { name: account.name, level: 1 })).toBeVisible();
  for (const { tab, role, name } of edits) {
    await visit(ownerPage, tab);
    await expect(ownerPage.getByRole(role, { name, exact: true })).toBeVisible();
  }
  await Promise.all([backupPage.context().close(), ownerPage.context().close()]);
});
