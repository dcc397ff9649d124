import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { apiAs, unique } from './fixtures';

test('the accounts list downloads from its Export menu as CSV with the list’s filter', async ({ page, request }) => {
  const tag = unique();
  const api = apiAs(request);
  await api.createAccount(`Exported ${tag}`, { currency: 'EUR' });
  await api.createAccount(`=HYPERLINK("x") ${tag}`, { currency: 'EUR' });
  await page.goto(`/accounts?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole('link', { name: `Exported ${tag}` })).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV file' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('accounts.csv');
  const csv = fs.readFileSync(await file.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^Name,Status,Industry,Website,Currency,/);
  expect(lines).toHaveLength(3);
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[0])
      .sort(),
  ).toEqual([`"'=HYPERLINK(""x"") ${tag}"`, `Exported ${tag}`].sort());
});

test('an account’s interactions download from its timeline, that account’s only', async ({ page, request }) => {
  const tag = unique();
  const api = apiAs(request);
  const account = await api.createAccount(`Timeline ${tag}`);
  const other = await api.createAccount(`Elsewhere ${tag}`);
  const at = new Date().toISOString();
  await api.post('/interactions', { accountId: account.id, type: 'call', occurredAt: at, summary: `Called about ${tag}` });
  await api.post('/interactions', { accountId: other.id, type: 'call', occurredAt: at, summary: `Not this one ${tag}` });
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByText(`Called about ${tag}`)).toBeVisible();

  await page.getByRole('button', { name: 'Export interactions' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV file' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('interactions.csv');
  const lines = fs
    .readFileSync(await file.path(), 'utf8')
    .slice(1)
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`Called about ${tag}`);
});
