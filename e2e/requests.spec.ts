/**
 * Requests, on a phone and on a desktop: a client writes to their manager from the portal
 * (markup stays text), the manager finds it on the account page and on its timeline and
 * answers, and the client reads the answer. Then axe on both pages in both themes and languages.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signIn, unique } from './fixtures';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
const MARKUP = '<b>Bold?</b> <img src=x onerror="document.title=1">';

interface Company {
  accountId: string;
  accountName: string;
  manager: { email: string; name: string };
  client: { email: string; name: string };
}

/** A manager's client company with a portal user, made by the admin. */
async function company(page: Page): Promise<Company> {
  const api = apiAs(page.request);
  const tag = unique();
  const manager = await api.createUser('account_manager', `Rita Manager ${tag}`);
  const account = await api.createAccount(`Requests Client ${tag}`, { ownerId: manager.id });
  const contact = await api.createContact(account.id, 'Paula', { lastName: `Client ${tag}` });
  const client = await api.createUser('client', `Paula Client ${tag}`, { contactId: contact.id });
  return { accountId: account.id, accountName: account.name, manager, client };
}

/** A new browser of its own with this viewport, signed in as `email`. */
async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, email, 'Journey-Passw0rd-77');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** The page fits its width: nothing forces sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

for (const [name, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  test(`${name}: the client writes to the manager, who reads it on the account page and its timeline and answers`, async ({
    page,
    browser,
  }) => {
    const c = await company(page);
    const question = `Could we move the launch to May? ${MARKUP}`;

    const client = await signedIn(browser, c.client.email, viewport);
    await client.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'Requests' }).click();
    await expect(client.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
    await expect(client.getByTestId('empty-state')).toContainText('No messages yet');
    const box = client.getByRole('textbox', { name: 'Message to your account manager' });
    await box.fill(question);
    await box.press('Control+Enter');
    await expect(client.getByText('Message sent')).toBeVisible();
    await expect(box).toHaveValue('');
    const mine = client.getByTestId('request-message');
    await expect(mine).toHaveCount(1);
    await expect(mine.getByTestId('request-body')).toHaveText(question);
    // Shown as the characters typed: no element came out of the markup.
    await expect(mine.locator('b, img')).toHaveCount(0);
    await expectNoSidewaysScroll(client);

    const manager = await signedIn(browser, c.manager.email, viewport);
    await manager.goto(`/accounts/${c.accountId}`);
    await expect(manager.getByRole('heading', { level: 1, name: c.accountName })).toBeVisible();
    // The timeline (the first tab) tells of the request in words, the markup as text.
    const request = manager.getByTestId('timeline-event').filter({ hasText: `Request from ${c.client.name}` });
    await expect(request).toContainText(MARKUP);
    // What the client wrote is a conversation, not a system event.
    await expect(request).toHaveAttribute('data-category', 'conversations');
    await manager.getByRole('tab', { name: 'Requests' }).click();
    const thread = manager.getByTestId('request-message');
    await expect(thread).toHaveCount(1);
    await expect(thread.getByTestId('request-body')).toHaveText(question);
    await expect(thread).toContainText(`${c.client.name} · Client`);
    await manager.getByRole('textbox', { name: 'Message to the client' }).fill('Yes, May works for us.\nI will update the plan.');
    await manager.getByRole('button', { name: 'Send' }).click();
    await expect(thread).toHaveCount(2);
    // Newest at the bottom, as in a chat.
    await expect(thread.last().getByTestId('request-body')).toHaveText('Yes, May works for us.\nI will update the plan.');
    await expectNoSidewaysScroll(manager);
    await manager.getByRole('tab', { name: 'Timeline' }).click();
    await expect(manager.getByTestId('timeline-event').filter({ hasText: `Answer to the client from ${c.manager.name}` })).toBeVisible();
    await manager.context().close();

    await client.reload();
    await expect(mine).toHaveCount(2);
    await expect(mine.last()).toContainText(`${c.manager.name} · Agency`);
    await expect(mine.last().getByTestId('request-body')).toHaveText('Yes, May works for us.\nI will update the plan.');
    await client.context().close();
  });
}

test('the composer counts characters near the limit and refuses an empty or too long message', async ({ page, browser }) => {
  const c = await company(page);
  const client = await signedIn(browser, c.client.email, DESKTOP);
  await client.goto('/portal/requests');
  const box = client.getByRole('textbox', { name: 'Message to your account manager' });
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(client.getByText('Write a message before sending it.')).toBeVisible();
  await box.fill('x'.repeat(8_999));
  await expect(client.getByText(/of 10,000 characters/)).toHaveCount(0);
  await box.fill('x'.repeat(9_500));
  await expect(client.getByText('9,500 of 10,000 characters')).toBeVisible();
  await box.fill('x'.repeat(10_002));
  await expect(client.getByText('2 characters too many: shorten the message or split it into several.')).toBeVisible();
  await client.getByRole('button', { name: 'Send' }).click();
  await expect(client.getByTestId('empty-state')).toBeVisible();
  await client.context().close();
});

test('the requests pages are accessible in both themes and languages', async ({ page, browser }) => {
  test.slow(); // eight scans
  const c = await company(page);
  const client = await signedIn(browser, c.client.email, PHONE);
  await apiAs(client.request).post('/messages', { body: `Hello from the client ${MARKUP}` });
  const manager = await signedIn(browser, c.manager.email, DESKTOP);
  await apiAs(manager.request).post('/messages', { accountId: c.accountId, body: 'Hello from the agency' });

  for (const language of ['en', 'ru'] as const) {
    for (const user of [client, manager]) {
      const me = await apiAs(user.request).get<{ user: { version: number } }>('/auth/me');
      await apiAs(user.request).patch('/auth/me', { language }, me.user.version);
    }
    for (const scheme of ['light', 'dark'] as const) {
      for (const user of [client, manager]) {
        await user.emulateMedia({ colorScheme: scheme });
        await user.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
      }
      await client.goto('/portal/requests');
      await expect(client.getByRole('heading', { level: 1, name: language === 'en' ? 'Requests' : 'Запросы' })).toBeVisible();
      await expect(client.getByTestId('request-message')).toHaveCount(2);
      await expect(client.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expectAccessible(client);
      await manager.goto(`/accounts/${c.accountId}?tab=requests`);
      await expect(manager.getByTestId('request-message')).toHaveCount(2);
      await expect(manager.getByRole('textbox', { name: language === 'en' ? 'Message to the client' : 'Сообщение клиенту' })).toBeVisible();
      await expect(manager.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expectAccessible(manager);
    }
  }
});
