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
