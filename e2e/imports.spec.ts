/**
 * Importing contacts: an admin opens Import from the accounts list, uploads a CSV whose company
 * column the app cannot name and whose one row has a bad email, maps the column by hand, starts
 * the import and watches the progress bar to the end, then undoes it. Axe on the preview.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, unique } from './fixtures';

test('an admin imports contacts with errors, fixes the mapping, watches the progress and undoes it', async ({ page, request }) => {
  const tag = unique();
  const company = `Import Target ${tag}`;
  await apiAs(request).createAccount(company);
  const csv = [
    'First name,Last name,Email,Employer',
    `Ada,Lovelace,ada.${tag}@example.test,${company}`,
    `Grace,Hopper,grace.${tag}@example.test,${company}`,
    `Bad,Address,not-an-email,${company}`,
  ].join('\r\n');

  await page.goto('/accounts');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'What the file holds' })).toHaveValue('Contacts');
  await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload and preview' }).click();

  // "Employer" is not a header the app knows: the account field waits for a column.
  await expect(page.getByText('Map a column to each required field: Account (name)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the import' })).toBeDisabled();
  await expect(page.getByText('Row 4, Email: Enter a valid email address')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('combobox', { name: 'Field for column “Employer”' }).click();
  await page.getByRole('option', { name: 'Account (name)' }).click();
  await expect(page.getByText('3 rows: 2 ready, 1 with errors, 0 matching existing records')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the error report (CSV)' })).toBeVisible();

  await page.getByRole('button', { name: 'Start the import' }).click();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect(page.getByText('Done', { exact: true })).toBeVisible();
  await expect(page.getByText('3 of 3 rows')).toBeVisible();
  await expect(page.getByText('Created 2, updated 0, skipped 0, failed 1')).toBeVisible();

  await page.getByRole('button', { name: 'Undo this import' }).click();
  await expect(page.getByText('The import was undone: what it created is removed and what it changed is restored.')).toBeVisible();
  const left = await request.get(`/api/v1/contacts?q=${encodeURIComponent(`ada.${tag}`)}`);
  expect((await left.json()).items).toEqual([]);
});
