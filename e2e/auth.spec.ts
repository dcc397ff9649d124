import { test, expect } from '@playwright/test';
import { ADMIN, ADMIN_STATE, apiAs, expectAccessible, PASSWORD, signIn, unique } from './fixtures';

test.describe('signing in and out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a wrong password is explained, the right one lets the admin in', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, ADMIN.email, 'not-the-password');
    await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
    await expectAccessible(page);

    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL(/\/accounts$/);
    await expect(page.getByTestId('current-user')).toContainText('Administrator');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const item of ['Accounts', 'Contacts', 'Users', 'Audit log', 'API tokens']) {
      await expect(nav.getByRole('link', { name: item })).toBeVisible();
    }
  });

  test('an unauthenticated visit goes to sign-in and then back to the page', async ({ page }) => {
    await page.goto('/contacts?q=nobody');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL(/\/contacts\?q=nobody$/);
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  });

  test('a session that ends mid-work leads to sign-in and back to the same page', async ({ page, context }) => {
    await page.goto('/sign-in');
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL(/\/accounts$/);
    await expect(page.getByRole('status')).toHaveCount(0);
    await page.waitForLoadState('networkidle'); // the page's own requests are done before the session ends
    await context.clearCookies(); // the session expires while the page stays open
    await page.getByRole('navigation').getByRole('link', { name: 'API tokens' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Ftokens/);
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL(/\/tokens$/);
    await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
  });

  test('signing out ends the session', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL(/\/accounts$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/accounts');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccounts/);
  });
});

test('the language switch is remembered for the user', async ({ browser, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
  const manager = await apiAs(admin).createUser('account_manager', `Lang Manager ${unique()}`);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, manager.email, PASSWORD);
  await expect(page.getByRole('link', { name: 'Accounts' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(page.getByRole('heading', { name: 'Клиенты', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Контакты' })).toBeVisible();

  // Saved on the profile: a fresh browser without local storage signs in to Russian too.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const second = await other.newPage();
  await second.goto('/sign-in');
  await signIn(second, manager.email, PASSWORD);
  await expect(second.getByRole('heading', { name: 'Клиенты', level: 1 })).toBeVisible();
  await expect(second.locator('html')).toHaveAttribute('lang', 'ru');

  await second.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await expect(second.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  await Promise.all([context.close(), other.close(), admin.dispose()]);
});

test('the keyboard reaches the content past the navigation, with a visible focus', async ({ page }) => {
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await page.keyboard.press('Tab');
  const newAccount = page.getByRole('link', { name: 'New account' }).first();
  await expect(newAccount).toBeFocused();
  const outline = await newAccount.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New account', level: 1 })).toBeVisible();
});
