import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, pickUser, PASSWORD, signedInPage, signIn, unique } from './fixtures';

/** Waits until the page has its heading and nothing is loading any more. */
async function loaded(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByLabel('Loading…')).toHaveCount(0);
}

test('each role lands on the page of its daily work, and a page asked for before signing in still wins', async ({ page, browser }) => {
  const tag = unique();
  const api = apiAs(page.request);
  const finance = await api.createUser('finance', `Fiona Finance ${tag}`);
  const specialist = await api.createUser('specialist', `Simon Specialist ${tag}`, { specialties: ['seo'] });
  const account = await api.createAccount(`Landing Client ${tag}`, { currency: 'EUR' });
  const contact = await api.createContact(account.id, 'Clara', { lastName: `Client ${tag}` });
  const client = await api.createUser('client', `Clara Client ${tag}`, { contactId: contact.id });

  for (const [user, url, heading] of [
    [finance, /\/receivables$/, 'Receivables'],
    [specialist, /\/my-work$/, 'My work'],
    // The portal's start page, under the company's name.
    [client, /\/portal$/, 'Home'],
  ] as const) {
    const theirs = await signedInPage(browser, user.email);
    await expect(theirs).toHaveURL(url);
    await loaded(theirs, heading);
    if (user === client) await expect(theirs.getByTestId('portal-company')).toHaveText(account.name);
    // The app's root leads to the same page.
    await theirs.goto('/');
    await expect(theirs).toHaveURL(url);
    await theirs.context().close();
  }

  // A link to a page opened while signed out returns to that page, not to the landing page.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const deep = await context.newPage();
  await deep.goto('/invoices?status=open');
  await expect(deep).toHaveURL(/\/sign-in\?next=/);
  await signIn(deep, finance.email, PASSWORD);
  await expect(deep).toHaveURL(/\/invoices\?status=open$/);
  await loaded(deep, 'Invoices');
  await context.close();
});

test('a specialist who opens client pages is not told to use buttons they do not have, and is shown their own work', async ({
  page,
  browser,
}) => {
  const specialist = await apiAs(page.request).createUser('specialist', `Sasha Specialist ${unique()}`);
  const theirs = await signedInPage(browser, specialist.email);
  for (const scheme of ['light', 'dark'] as const) {
    await theirs.emulateMedia({ colorScheme: scheme });
    await theirs.evaluate((s: string) => localStorage.setItem('liaison.color-scheme', s), scheme);
    for (const [url, heading] of [
      ['/accounts', 'Accounts'],
      ['/contacts', 'Contacts'],
      ['/projects', 'Projects'],
    ] as const) {
      await theirs.goto(url);
      await loaded(theirs, heading);
      const empty = theirs.getByTestId('empty-state');
      await expect(empty).toBeVisible();
      await expect(empty).not.toContainText(/New (account|contact|project)|Add contact/);
      await expect(theirs.getByRole('link', { name: /^New / })).toHaveCount(0);
      await expectAccessible(theirs);
    }
  }
  await theirs.goto('/accounts');
  const empty = theirs.getByTestId('empty-state');
  await expect(empty).toContainText('Account managers look after the accounts');
  await empty.getByRole('link', { name: 'Open My work' }).click();
  await expect(theirs).toHaveURL(/\/my-work$/);
  await theirs.context().close();
});

test("an admin sets a specialist's capacity on creating them and changes it later; the workload page measures against it", async ({
  page,
}) => {
  const tag = unique();
  const name = `Carla Capacity ${tag}`;
  await page.goto('/users/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(`carla.${tag}@example.test`);
  await page.getByLabel('Role').selectOption('specialist');
  await page.getByLabel('Specialties').fill('copywriter');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  const capacity = page.getByLabel('Weekly capacity, hours');
  await expect(capacity).toHaveValue('40');
  await capacity.fill('90');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('Capacity is whole hours, at most 80 a week')).toBeVisible();
  await expectAccessible(page);
  await capacity.fill('24');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page).toHaveURL(/\/users$/);

  await page.getByLabel('Search').fill(name);
  await page.getByLabel('Search').press('Enter');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByTestId('capacity')).toHaveText('24 h a week');
  await expectAccessible(page);

  // Someone else changes the same user while the dialog is open: nothing is overwritten, a reload is offered.
  await row.getByRole('button', { name: `Change the capacity of ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Capacity of ${name}` });
  await expect(dialog.getByLabel('Weekly capacity, hours')).toHaveValue('24');
  await expectAccessible(page);
  const api = apiAs(page.request);
  const [user] = (await api.get<{ items: { id: string; version: number }[] }>(`/users?q=${encodeURIComponent(name)}`)).items;
  await api.patch(`/users/${user.id}`, { capacityHoursPerWeek: 20 }, user.version);
  await dialog.getByLabel('Weekly capacity, hours').fill('32');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('conflict-alert')).toBeVisible();
  await dialog.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(dialog.getByLabel('Weekly capacity, hours')).toHaveValue('20');
  await dialog.getByLabel('Weekly capacity, hours').fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Capacity is whole hours, at most 80 a week')).toBeVisible();
  await dialog.getByLabel('Weekly capacity, hours').fill('32');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`${name}: 32 h a week from now on.`)).toBeVisible();
  await expect(row.getByTestId('capacity')).toHaveText('32 h a week');

  await page.goto('/workload');
  await loaded(page, 'Workload');
  await expect(page.getByTestId('workload-row').filter({ hasText: name })).toContainText('32 h available a week');

  // The audit log tells who changed it, and its filter finds that person by name.
  await page.goto(`/audit?recordType=user&recordId=${user.id}`);
  await expect(page.getByTestId('audit-entry').first()).toContainText('Hours a week: 20 → 32');
  await pickUser(page, page.getByRole('combobox', { name: 'Who' }), 'Administrator', 'administ');
  await expect(page).toHaveURL(/actorId=/);
  await expect(page.getByTestId('audit-entry').first()).toContainText('Hours a week: 20 → 32');
});

test('the people pages are accessible in the light and the dark theme', async ({ page }) => {
  test.slow(); // every people page, scanned by axe in two themes
  const specialist = await apiAs(page.request).createUser('specialist', `Axel Access ${unique()}`);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
    await page.goto(`/users`);
    await loaded(page, 'Users');
    await page.getByLabel('Search').fill(specialist.name);
    await page.getByLabel('Search').press('Enter');
    await page.getByRole('button', { name: `Change the capacity of ${specialist.name}` }).click();
    await page.getByRole('dialog').getByLabel('Weekly capacity, hours').fill('81');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('dialog').getByText('Capacity is whole hours, at most 80 a week')).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expectAccessible(page);

    await page.goto('/users/new');
    await page.getByLabel('Role').selectOption('specialist');
    await expectAccessible(page);

    await page.goto('/audit');
    await loaded(page, 'Audit log');
    await page.getByRole('combobox', { name: 'Who' }).fill('a');
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    await expectAccessible(page);

    for (const [url, heading] of [
      ['/workload', 'Workload'],
      ['/portfolio', 'Portfolio'],
      ['/next-steps?state=done', 'Next steps'],
    ] as const) {
      await page.goto(url);
      await loaded(page, heading);
      await expectAccessible(page);
    }
  }
});

test('with more than 200 users, the account manager picker finds one by part of their name, and their name shows everywhere', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tag = unique();
  const api = apiAs(page.request);
  // Names that sort before the one sought, so they alone would fill a list cut at 200.
  const crowd = Array.from({ length: 205 }, (_, i) => `Crowd Manager ${String(i).padStart(3, '0')} ${tag}`);
  for (let i = 0; i < crowd.length; i += 8) await Promise.all(crowd.slice(i, i + 8).map((n) => api.createUser('account_manager', n)));
  const sought = `Zora Quartermain ${tag}`;
  await api.createUser('account_manager', sought);
  const account = await api.createAccount(`Crowded Agency Client ${tag}`, { currency: 'EUR' });

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
    await page.goto(`/accounts/${account.id}/edit`);
    await loaded(page, `Edit ${account.name}`);
    const owner = page.getByRole('combobox', { name: 'Account manager' });
    await owner.fill('nobody-is-called-this');
    await expect(page.getByText('Nothing matches “nobody-is-called-this”')).toBeVisible();
    await owner.fill(`Quarterm`);
    await expect(page.getByRole('option', { name: new RegExp(sought) })).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
  }

  const owner = page.getByRole('combobox', { name: 'Account manager' });
  await pickUser(page, owner, sought, 'quarterm');
  await page.getByRole('button', { name: 'Save' }).click();
  await loaded(page, account.name);
  await expect(page.getByText(sought, { exact: true })).toBeVisible();

  // The list names the owner and its filter finds them the same way.
  await page.goto('/accounts');
  await pickUser(page, page.getByRole('combobox', { name: 'Account manager' }), sought, `Quartermain ${tag}`);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(account.name);
  await expect(rows.nth(1)).toContainText(sought);

  // Opening the edit page again shows the chosen owner though they are far past the first page of users.
  await page.goto(`/accounts/${account.id}/edit`);
  await expect(page.getByRole('combobox', { name: 'Account manager' })).toHaveValue(sought);
});

test('a next step is given to a colleague found by name; one who does not see the account is refused on the field', async ({ page }) => {
  const tag = unique();
  const api = apiAs(page.request);
  const backup = await api.createUser('account_manager', `Bella Backup ${tag}`);
  const stranger = await api.createUser('account_manager', `Stan Stranger ${tag}`);
  const account = await api.createAccount(`Next Step Client ${tag}`, { backupOwnerId: backup.id });
  const text = `Send the brief ${tag}`;

  await page.goto(`/accounts/${account.id}`);
  await page.getByRole('button', { name: 'Log a call' }).click();
  await page.getByLabel('Summary').fill('Kick-off call');
  const owner = page.getByRole('combobox', { name: 'Next step owner' });
  await expect(owner).toBeDisabled(); // nothing to own until a next step is written
  await page.getByLabel('Next step', { exact: true }).fill(text);
  await pickUser(page, owner, stranger.name, `Stranger ${tag}`);
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByText('The owner must be an active staff member who sees this account')).toBeVisible();
  await expectAccessible(page);

  await pickUser(page, owner, backup.name, `Backup ${tag}`);
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByText('Logged on the timeline.')).toBeVisible();
  await page.getByRole('tab', { name: 'Next steps' }).click();
  const row = page.getByTestId('next-step-row').filter({ hasText: text });
  await expect(row).toContainText(backup.name);
});
