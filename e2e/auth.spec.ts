import { test, expect } from '@playwright/test';
import { generate } from 'otplib';
import { ADMIN, ADMIN_STATE, apiAs, expectAccessible, PASSWORD, signIn, unique } from './fixtures';

test.describe('signing in and out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a wrong password is explained, the right one lets the admin in', async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, ADMIN.email, 'not-the-password');
    await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
    await expectAccessible(page);

    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL(/\/today$/);
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
    await expect(page).toHaveURL(/\/today$/);
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
    await expect(page).toHaveURL(/\/today$/);
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
  await expect(page.getByRole('heading', { name: 'Сегодня', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Контакты' })).toBeVisible();

  // Saved on the profile: a fresh browser without local storage signs in to Russian too.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const second = await other.newPage();
  await second.goto('/sign-in');
  await signIn(second, manager.email, PASSWORD);
  await expect(second.getByRole('heading', { name: 'Сегодня', level: 1 })).toBeVisible();
  await expect(second.locator('html')).toHaveAttribute('lang', 'ru');

  await second.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await expect(second.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
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

/** The code an authenticator app shows now, or `steps` periods later (a phone clock a little ahead). */
const appCode = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

test.describe('two-factor sign-in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a manager turns it on, then signs in with a code from the app, and once with a recovery code', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
    const manager = await apiAs(admin).createUser('account_manager', `Totp Manager ${unique()}`);
    await admin.dispose();

    await page.goto('/sign-in');
    await signIn(page, manager.email, PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Sign-in security' }).click();
    await expect(page.getByRole('heading', { name: 'Sign-in security', level: 1 })).toBeVisible();
    await expect(page.getByTestId('two-factor-status')).toContainText('Off');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await expect(page.getByRole('img', { name: 'QR code to add Liaison to your authenticator app' })).toBeVisible();
    const secret = (await page.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
    await expectAccessible(page);
    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(page.getByText('This code is not correct.')).toBeVisible();
    await page.getByLabel('Code from the app').fill(await appCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();

    const shown = page.getByTestId('recovery-codes');
    await expect(shown).toContainText('Save your recovery codes');
    const recoveryCodes = await shown.getByRole('listitem').allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect(shown).toHaveCount(0);
    await expect(page.getByTestId('two-factor-status')).toContainText('On');
    await expect(page.getByTestId('two-factor-status')).toContainText('10 recovery codes left');

    // The page speaks Russian too.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect(page.getByRole('heading', { name: 'Безопасность входа', level: 1 })).toBeVisible();
    await expect(page.getByTestId('two-factor-status')).toContainText('Осталось 10 резервных кодов');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Sign-in security', level: 1 })).toBeVisible();

    // Password, then the code from the app.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, manager.email, PASSWORD);
    await expect(page.getByRole('heading', { name: 'Two-factor sign-in', level: 1 })).toBeVisible();
    const code = page.getByRole('textbox', { name: 'Authentication code' });
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(code).toBeFocused();
    await expectAccessible(page);
    await code.fill('000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The code is not correct or was already used.');
    // The enrolment used the current code; the next one is what the app shows a moment later.
    await code.fill(await appCode(secret, 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByTestId('current-user')).toContainText(manager.name);

    // Password, then a recovery code: it works once.
    for (const attempt of ['first', 'again'] as const) {
      if (attempt === 'first') await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, manager.email, PASSWORD);
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCodes[0]);
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      if (attempt === 'first') {
        await expect(page).toHaveURL(/\/today$/);
        await page.goto('/security');
        await expect(page.getByTestId('two-factor-status')).toContainText('9 recovery codes left');
        await page.getByRole('button', { name: 'Sign out' }).click();
      } else {
        await expect(page.getByRole('alert')).toContainText('This recovery code is not valid or was already used.');
      }
    }
  });

  test('when the agency requires it, a finance user is sent to set it up before anything else', async ({ page, playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
    const tag = unique();
    const policyAdmin = await apiAs(admin).createUser('admin', `Policy Admin ${tag}`);
    const finance = await apiAs(admin).createUser('finance', `Required Finance ${tag}`);
    await admin.dispose();

    // A second admin with two-factor on switches the requirement on (and off again at the end).
    const second = await playwright.request.newContext({ baseURL });
    expect((await second.post('/api/v1/auth/login', { data: { email: policyAdmin.email, password: PASSWORD } })).status()).toBe(200);
    const { secret } = await (await second.post('/api/v1/auth/two-factor/enrolment', { data: {} })).json();
    expect((await second.post('/api/v1/auth/two-factor/enrolment/confirm', { data: { code: await appCode(secret) } })).status()).toBe(200);
    const setRequired = (on: boolean) => second.patch('/api/v1/settings/security', { data: { requireTwoFactor: on } });
    expect((await setRequired(true)).status()).toBe(200);
    try {
      await page.goto('/sign-in');
      await signIn(page, finance.email, PASSWORD);
      await expect(page).toHaveURL(/\/security$/);
      await expect(page.getByTestId('two-factor-required')).toContainText('Your agency requires two-factor sign-in for your role.');
      await expectAccessible(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
      await expect(page).toHaveURL(/\/security$/);

      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
      const own = (await page.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
      await page.getByLabel('Code from the app').fill(await appCode(own));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await expect(page.getByTestId('two-factor-required')).toHaveCount(0);
      await expect(page.getByText("Required for your role by the agency's sign-in policy")).toBeVisible();
      await expect(page.getByRole('button', { name: 'Turn off' })).toHaveCount(0);
      await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
      await expect(page).toHaveURL(/\/invoices$/);
    } finally {
      expect((await setRequired(false)).status()).toBe(200);
      await second.dispose();
    }
  });
});
