import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures';

// Runs against the second server, whose database has no user yet.
test.use({ baseURL: process.env.E2E_SETUP_URL, storageState: { cookies: [], origins: [] } });

test('the first visit of a new installation creates the first administrator', async ({ page }) => {
  await page.goto('/accounts');
  // Not signed in -> sign-in -> no user exists yet -> setup.
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up Liaison', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Name').fill('First Admin');
  await page.getByLabel('Email').fill('first@example.test');
  const password = page.getByRole('textbox', { name: 'Password', exact: true });
  // The reason shows while typing, before anything is sent.
  await password.fill('aaaaaaaaaa');
  await expect(page.getByText('This password is easy to guess: repeated characters like “aaa” are easy to guess')).toBeVisible();
  await password.fill('First-Admin-Lantern-7');
  await expect(page.getByText('Do not use your email address or a part of it in the password')).toBeVisible();
  await expectAccessible(page);
  await password.fill('password123');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('This password is too common; choose another')).toBeVisible();

  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Long-Enough-Passw0rd');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByTestId('current-user')).toContainText('First Admin');
  await expect(page.getByTestId('empty-state')).toContainText('Nothing needs you now');

  // Setup happens once: afterwards the page leads to sign-in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/sign-in/);
});
