import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, unique } from './fixtures';

test('create an account, add a contact, log a meeting with a next step', async ({ page }) => {
  const name = `Ромашка ${unique()}`;
  await page.goto('/accounts');
  await page.getByRole('link', { name: 'New account' }).first().click();

  // Saving without a name is refused on the field, before anything reaches the server.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter the company name')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Industry').fill('Flowers');
  await page.getByLabel('Currency').fill('RUB');
  await page.getByLabel('Credit limit').fill('1 500 000');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId('timeline-event').filter({ hasText: 'Account created' })).toBeVisible();
  await page.getByRole('tab', { name: 'Details' }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByText('Flowers')).toBeVisible();
  await expect(details.getByText(/RUB\s?1,500,000\.00|1,500,000\.00\s?RUB|₽/)).toBeVisible();

  await page.getByRole('tab', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'Add contact' }).click();
  await page.getByLabel('First name').fill('Anna');
  await page.getByLabel('Last name').fill('Petrova');
  await page.getByLabel('Email').fill('anna.petrova@example.test');
  await page.getByLabel('Role in the decision').selectOption('decision_maker');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  // Back on the account's Contacts tab, where the new contact shows.
  await expect(page.getByRole('tab', { name: 'Contacts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('link', { name: 'Anna Petrova' })).toBeVisible();

  // Logged from the header on any tab, the meeting shows on the timeline.
  await page.getByRole('button', { name: 'Log a meeting' }).click();
  await expect(page.getByLabel('Type')).toHaveValue('meeting');
  await page.getByLabel('Summary').fill('Kick-off meeting about the spring campaign');
  await page.getByLabel('Outcome').fill('They want a proposal');
  await page.getByLabel('Next step', { exact: true }).fill('Send the proposal');
  await page.getByLabel('Next step due').fill('2030-03-15');
  await page.getByRole('button', { name: 'Log it' }).click();

  const meeting = page.getByTestId('interaction').filter({ hasText: 'Kick-off meeting' });
  await expect(meeting).toBeVisible();
  await expect(meeting.getByTestId('next-step')).toContainText('Send the proposal');
  await expect(meeting.getByTestId('next-step')).toContainText('15 Mar 2030');
  // Newest first: the meeting sits above the contact and account events.
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first()).toContainText('Kick-off meeting');
});

test('search finds accounts in Russian and in English', async ({ page }) => {
  const tag = unique();
  const api = apiAs(page.request);
  await api.createAccount(`Ромашка ${tag}`);
  await api.createAccount(`Bluebell Gardens ${tag}`);

  await page.goto('/accounts');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const rows = page.getByRole('table').getByRole('row');

  await search.fill(`ромаш`);
  await expect(page).toHaveURL(/q=%D1%80%D0%BE%D0%BC%D0%B0%D1%88/);
  await expect(rows.filter({ hasText: `Ромашка ${tag}` })).toBeVisible();
  await expect(rows.filter({ hasText: `Bluebell Gardens ${tag}` })).toHaveCount(0);

  await search.fill('bluebell');
  await expect(rows.filter({ hasText: `Bluebell Gardens ${tag}` })).toBeVisible();
  await expect(rows.filter({ hasText: `Ромашка ${tag}` })).toHaveCount(0);

  await search.fill(`nothing-like-this-${tag}`);
  await expect(page.getByTestId('empty-state')).toContainText('No matching accounts');
});

test('an edit that collides with someone else’s is not saved and offers a reload', async ({ page }) => {
  const api = apiAs(page.request);
  const account = await api.createAccount(`Collision ${unique()}`);

  await page.goto(`/accounts/${account.id}/edit`);
  await expect(page.getByLabel('Name')).toHaveValue(account.name);

  // Someone else saves a change while the form is open.
  await api.patch(`/accounts/${account.id}`, { industry: 'Changed elsewhere' }, account.version);

  await page.getByLabel('Industry').fill('My change');
  await page.getByRole('button', { name: 'Save' }).click();
  const alert = page.getByTestId('conflict-alert');
  await expect(alert).toContainText('Someone else changed this record');
  await expectAccessible(page);

  await alert.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByLabel('Industry')).toHaveValue('Changed elsewhere');

  await page.getByLabel('Industry').fill('My change');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: account.name, level: 1 })).toBeVisible();
  // Saved, the account opens on its Details tab, where the change shows.
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Details' }).getByText('My change')).toBeVisible();
});

test('the accounts list filters, sorts and loads more', async ({ page }) => {
  const tag = unique();
  const api = apiAs(page.request);
  const owner = await api.createUser('account_manager', `Owner ${tag}`);
  // One more than a page, so "load more" has something to fetch.
  for (let i = 0; i < 51; i++) {
    const paused = i === 7;
    await api.createAccount(`Batch ${tag} ${String(i).padStart(2, '0')}`, {
      status: paused ? 'paused' : 'active',
      ...(paused && { ownerId: owner.id }),
    });
  }
  await page.goto(`/accounts?q=${tag}`);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(51); // header + 50
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(52);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  await expect(rows.nth(1)).toContainText(`Batch ${tag} 00`);
  await page.getByRole('button', { name: 'Sort by Name' }).click();
  await expect(page).toHaveURL(/sort=-name/);
  await expect(rows.nth(1)).toContainText(`Batch ${tag} 50`);
  await expect(page.getByRole('columnheader', { name: 'Sort by Name' })).toHaveAttribute('aria-sort', 'descending');

  await page.getByLabel('Status').selectOption('paused');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(`Batch ${tag} 07`);
  // Each row names its account manager.
  await expect(rows.nth(1).getByRole('cell', { name: `Owner ${tag}`, exact: true })).toBeVisible();
});
