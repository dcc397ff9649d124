/**
 * Personal data: an admin downloads a contact's data as a zip from the contact's page, then
 * erases it by typing the name (a wrong name is refused in the dialog), and sets an account's
 * interaction retention on its edit page; axe clean with the dialog open. A portal user's data
 * downloads from the users list.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, unique } from './fixtures';

test('an admin exports, then erases a contact’s personal data, and keeps an account’s interactions for its own years', async ({ page }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const account = await api.createAccount(`Privacy Client ${tag}`);
  const contact = await api.createContact(account.id, 'Greta', { lastName: `Lindqvist${tag}`, email: `greta.${tag}@client.test` });
  const name = `Greta Lindqvist${tag}`;

  await page.goto(`/contacts/${contact.id}`);
  const section = page.getByRole('region', { name: 'Personal data' });
  const downloading = page.waitForEvent('download');
  await section.getByRole('link', { name: 'Export personal data' }).click();
  expect((await downloading).suggestedFilename()).toBe(`personal-data-contact-${contact.id}.zip`);

  await section.getByRole('button', { name: 'Erase personal data' }).click();
  const dialog = page.getByRole('dialog', { name: `Erase the personal data of ${name}` });
  await expect(dialog.getByText('Signed contracts, acts and proposals, including the signer’s name on them')).toBeVisible();
  await expectAccessible(page);
  const confirm = dialog.getByRole('textbox', { name: `Type “${name}” to confirm` });
  await confirm.fill('Greta');
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await expect(dialog.getByText('The name does not match. Type it exactly as shown.')).toBeVisible();
  await confirm.fill(name);
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByText('The personal data was erased', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Erased contact', level: 1 })).toBeVisible();
  await expect(section.getByText('This contact’s personal data has been erased.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Erase personal data' })).toHaveCount(0);

  await page.goto(`/accounts/${account.id}/edit`);
  const retention = page.getByRole('form', { name: 'Interaction retention' });
  await retention.getByRole('radio', { name: 'For this many years' }).check();
  await retention.getByRole('textbox', { name: 'Years' }).fill('4');
  await retention.getByRole('button', { name: 'Apply retention' }).click();
  await expect(page.getByText('Retention saved', { exact: true })).toBeVisible();
  expect(await api.get(`/accounts/${account.id}/retention`)).toMatchObject({ inherit: false, years: 4, effectiveYears: 4 });
});

test('an admin downloads what a portal user did from the users list', async ({ page }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const account = await api.createAccount(`Portal Privacy ${tag}`);
  const contact = await api.createContact(account.id, 'Pia', { email: `pia.${tag}@client.test` });
  const client = await api.createUser('client', `Pia Portal ${tag}`, { contactId: contact.id });

  await page.goto('/users');
  await page.getByLabel('Search').fill(client.name);
  await page.getByLabel('Search').press('Enter');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: `Export the personal data of ${client.name}` }).click();
  expect((await downloading).suggestedFilename()).toBe(`personal-data-user-${client.id}.zip`);
});
