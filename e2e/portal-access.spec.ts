/**
 * Getting in by emailed links: a manager invites a contact to the client portal, the contact
 * opens the link from the email and lands in the portal; a user who forgot their password
 * resets it from the sign-in page; a used link says what to do. On a phone and on a desktop.
 *
 * Emails must really go out, so these journeys run against a server of their own, started
 * here with an SMTP sink and PUBLIC_URL (the links' base), on a fresh SQLite database.
 */
import { test, expect } from '@playwright/test';
import { expectAccessible, signIn, unique } from './fixtures';
import { useMailingServer } from './mailing-server';

const ADMIN = { email: 'links.admin@example.test', password: 'Amber-Signal-Harbour-83' };
const PASSWORD = 'Journey-Passw0rd-77';
const CHOSEN = 'Copper-Meadow-Lantern-46';

test.describe.configure({ mode: 'serial' });

const server = useMailingServer('liaison-links-', ADMIN);
const { linkEmailedTo, visitor } = server;

/** API calls as the administrator, on this file's server. */
async function adminApi() {
  const context = await server.adminContext();
  const post = async <T>(url: string, data: unknown): Promise<T> => {
    const res = await context.post(`/api/v1${url}`, { data });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as T;
  };
  return { context, post };
}

/** A manager with a client company and a contact of it who has an email address. */
async function managerWithContact(language: 'en' | 'ru' = 'en') {
  const tag = unique();
  const api = await adminApi();
  const manager = await api.post<{ id: string; email: string }>('/users', {
    email: `links.manager.${tag}@example.test`,
    name: `Mara Manager ${tag}`,
    role: 'account_manager',
    password: PASSWORD,
  });
  const account = await api.post<{ id: string; name: string }>('/accounts', { name: `Links Client ${tag}`, ownerId: manager.id });
  const contact = await api.post<{ id: string; email: string }>('/contacts', {
    accountId: account.id,
    firstName: language === 'ru' ? 'Нина' : 'Nina',
    lastName: language === 'ru' ? 'Клиентова' : 'Client',
    email: `nina.${tag}@client.test`,
    language,
  });
  await api.context.dispose();
  return { manager, account, contact };
}

const VIEWPORTS = [
  { name: 'phone', viewport: { width: 375, height: 812 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
];

for (const { name, viewport } of VIEWPORTS) {
  test(`${name}: a manager invites a contact, who chooses a password from the email and lands in the portal; the used link says what to do`, async ({
    browser,
  }) => {
    const { manager, account, contact } = await managerWithContact();
    const mgr = await visitor(browser, viewport);
    await mgr.goto('/sign-in');
    await signIn(mgr, manager.email, PASSWORD);
    await mgr.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await mgr.goto(`/contacts/${contact.id}`);
    await expect(mgr.getByTestId('portal-invitation')).toHaveText('Not invited yet');
    await mgr.getByRole('button', { name: 'Invite to portal' }).click();
    await expect(mgr.getByText(`An invitation is on its way to ${contact.email}.`)).toBeVisible();
    await expect(mgr.getByTestId('portal-invitation')).toHaveAttribute('data-status', 'pending');
    await expect(mgr.getByRole('button', { name: 'Invite again' })).toBeVisible();

    const link = await linkEmailedTo(contact.email, '/invitation');
    expect(link.startsWith(`${server.baseURL()}/invitation#token=`)).toBe(true);
    const client = await visitor(browser, viewport);
    await client.goto(link);
    await expect(client.getByRole('heading', { level: 1, name: 'Welcome, Nina Client' })).toBeVisible();
    await expect(client.getByText(`You will sign in with ${contact.email}.`)).toBeVisible();
    // Too weak: the reason shows on the field and nothing is sent.
    await client.getByRole('textbox', { name: 'Password', exact: true }).fill('nina12345678');
    await client.getByRole('button', { name: 'Save and open the portal' }).click();
    await expect(client.getByText('Do not use your email address or a part of it in the password')).toBeVisible();
    await client.getByRole('textbox', { name: 'Password', exact: true }).fill(CHOSEN);
    await client.getByRole('button', { name: 'Save and open the portal' }).click();
    await client.waitForURL('**/portal');
    await expect(client.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(client.getByTestId('portal-company')).toHaveText(account.name);
    await client.context().close();

    // The manager sees it accepted.
    await mgr.reload();
    await expect(mgr.getByTestId('portal-invitation')).toHaveAttribute('data-status', 'accepted');
    await mgr.context().close();

    // The link works once: opened again, it says so and where to go.
    const late = await visitor(browser, viewport);
    await late.goto(link);
    await expect(late.getByRole('heading', { level: 1, name: 'This invitation does not work' })).toBeVisible();
    await expect(late.getByRole('alert')).toHaveText(/already used\. Sign in with the password you chose/);
    await late.getByRole('link', { name: 'Go to sign in' }).click();
    await late.waitForURL('**/sign-in');
    await late.context().close();
  });

  test(`${name}: a user resets a forgotten password from the sign-in page`, async ({ browser }) => {
    const { manager } = await managerWithContact();
    const page = await visitor(browser, viewport);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await page.getByLabel('Email').fill(manager.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();

    const link = await linkEmailedTo(manager.email, '/reset-password');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(CHOSEN);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your password is changed' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await signIn(page, manager.email, CHOSEN);
    await page.waitForURL('**/today');

    // Used: the page says so and offers a new link.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(/already used/);
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await page.context().close();
  });
}

/** The new pages, each in the state a person meets it in: the forms, the answer, a link that does not work. */
async function linkPages() {
  const { manager, contact } = await managerWithContact();
  const api = await adminApi();
  await api.post('/contacts/' + contact.id + '/invite', {});
  await api.context.dispose();
  const ask = await fetch(`${server.baseURL()}/api/v1/auth/password-reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: manager.email }),
  });
  expect(ask.status).toBe(202);
  return {
    invitation: await linkEmailedTo(contact.email, '/invitation'),
    reset: await linkEmailedTo(manager.email, '/reset-password'),
  };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the new pages have no critical or serious accessibility violations in the ${scheme} theme`, async ({ browser }) => {
    const links = await linkPages();
    const page = await visitor(browser, { width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
    const scan = async (url: string, heading: string) => {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expectAccessible(page);
    };
    await scan('/sign-in', 'Sign in');
    await scan('/forgot-password', 'Reset your password');
    await page.getByRole('button', { name: 'Send the link' }).click(); // its validation state
    await expect(page.locator('[aria-invalid=true]')).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Email').fill('someone@example.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await expectAccessible(page);
    await scan(links.invitation, 'Welcome, Nina Client');
    await scan(links.reset, 'Choose a new password');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByText('Use at least 10 characters')).toBeVisible();
    await expectAccessible(page);
    await scan('/invitation#token=forged', 'This invitation does not work');
    await scan('/reset-password', 'This link does not work');
    await page.context().close();
  });
}

test('the new pages read in Russian, and an invitation opens in the contact’s language', async ({ browser }) => {
  const { manager, contact } = await managerWithContact('ru');
  const api = await adminApi();
  await api.post(`/contacts/${contact.id}/invite`, {});
  await api.context.dispose();
  // The browser speaks English; the invitation was written in Russian, and so is its page.
  const page = await visitor(browser, { width: 375, height: 812 });
  await page.goto(await linkEmailedTo(contact.email, '/invitation'));
  await expect(page.getByRole('heading', { level: 1, name: 'Добро пожаловать, Нина Клиентова' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // What the page says, without addresses and the names that stay in Latin letters (the product, the language switch).
  const visible = async () => (await page.locator('main').innerText()).replace(/\S+@\S+/g, ' ').replace(/\b(Liaison|English)\b/g, ' ');
  expect(await visible()).toContain('Задайте пароль для клиентского портала компании «Links Client');
  await expect(page.getByRole('button', { name: 'Сохранить и открыть портал' })).toBeVisible();

  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Смена пароля' })).toBeVisible();
  expect(await visible()).not.toMatch(/[A-Za-z]{2,}/);
  await page.getByLabel('Эл. почта').fill(manager.email);
  await page.getByRole('button', { name: 'Отправить ссылку' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Проверьте почту' })).toBeVisible();
  expect(await visible()).toContain('Ссылка действует один раз в течение часа.');
  expect(await visible()).not.toMatch(/[A-Za-z]{2,}/);

  await page.goto('/reset-password#token=forged');
  await expect(page.getByRole('heading', { level: 1, name: 'Ссылка не работает' })).toBeVisible();
  expect(await visible()).toContain('Ссылка для смены пароля недействительна.');
  expect(await visible()).not.toMatch(/[A-Za-z]{2,}/);
  await expect(page.getByRole('link', { name: 'Запросить новую ссылку' })).toBeVisible();
  await page.context().close();
});
