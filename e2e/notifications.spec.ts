/**
 * Notifications to clients: the client chooses in the portal what they are emailed about and
 * the manager sees it on the contact; the unsubscribe link of an email works with no sign-in and
 * answers in the contact's language; a forged link says so. On a phone and on a desktop, axe
 * clean in both themes and both languages.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

const VIEWPORTS = [
  { name: 'phone', size: { width: 375, height: 812 } },
  { name: 'desktop', size: { width: 1280, height: 800 } },
] as const;
const SCHEMES = ['light', 'dark'] as const;

interface World {
  accountName: string;
  contacts: Record<'en' | 'ru', { id: string; email: string; firstName: string }>;
  clients: Record<'en' | 'ru', string>;
}
let world: World | null = null;

/** A client company with an English and a Russian portal contact (each a client user), and an issued invoice that queues their notices. */
async function setUp(page: Page): Promise<World> {
  if (world) return world;
  const api = apiAs(page.request);
  const tag = unique();
  const accountName = `Notify Client ${tag}`;
  const account = await api.createAccount(accountName);
  const contact = async (language: 'en' | 'ru', firstName: string) => {
    const email = `${firstName.toLowerCase()}.${tag}@client.test`.replace(/[^\w.@-]/g, 'x');
    const c = await api.createContact(account.id, firstName, { email, portalAccess: true, language });
    const user = await api.createUser('client', `Notify ${language} ${tag}`, { contactId: c.id, language });
    return { contact: { id: c.id, email, firstName }, client: user.email };
  };
  const en = await contact('en', 'Nora');
  const ru = await contact('ru', 'Нина');
  const draft = await api.post<{ id: string }>('/invoices', {
    accountId: account.id,
    lines: [{ description: 'Design', quantity: 1, unitPriceMinor: 100_000 }],
  });
  await api.post(`/invoices/${draft.id}/issue`, {});
  world = { accountName, contacts: { en: en.contact, ru: ru.contact }, clients: { en: en.client, ru: ru.client } };
  return world;
}

/**
 * The contact's unsubscribe token as their notification email carries it. This server sends no
 * email, so it is read from its database (as the Russian journey reads the data it checks).
 */
function unsubscribeToken(contactId: string): string {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'liaison.sqlite'), { readonly: true });
  try {
    const row = db.prepare('select unsubscribe_token as token from contact_notification_settings where contact_id = ?').get(contactId) as
      { token: string } | undefined;
    expect(row, 'the issued invoice queued a notice, which gave the contact a token').toBeTruthy();
    return row!.token;
  } finally {
    db.close();
  }
}

async function visitor(browser: Browser, size: { width: number; height: number }, scheme: 'light' | 'dark') {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: size, colorScheme: scheme });
  await context.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
  return context.newPage();
}

test.describe('notifications to clients', () => {
  test('the client chooses what they are emailed about; the manager sees it on the contact', async ({ page, browser }) => {
    const w = await setUp(page);
    for (const { name, size } of VIEWPORTS) {
      for (const language of ['en', 'ru'] as const) {
        const portal = await signedInPage(browser, w.clients[language]);
        await portal.setViewportSize(size);
        const words =
          language === 'en'
            ? { title: 'Notifications', invoice: 'An invoice was issued', saved: 'Your choice is saved', menu: 'Notifications' }
            : { title: 'Уведомления', invoice: 'Выставлен счёт', saved: 'Выбор сохранён', menu: 'Уведомления' };
        // From the user menu.
        await expect(portal.getByTestId('portal-company')).toBeVisible();
        await portal.getByTestId('portal-user-menu').click();
        await portal.getByRole('link', { name: words.menu }).click();
        await expect(portal.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
        const invoice = portal.getByRole('switch', { name: words.invoice });
        await expect(invoice).toBeChecked();
        for (const scheme of SCHEMES) {
          await portal.emulateMedia({ colorScheme: scheme });
          await portal.evaluate((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
          await portal.reload();
          await expect(invoice).toBeVisible();
          await expect(portal.getByRole('status')).toHaveCount(0);
          await expectAccessible(portal);
        }
        await invoice.click();
        await expect(portal.getByText(words.saved)).toBeVisible();
        await portal.reload();
        await expect(invoice).not.toBeChecked({ timeout: 10_000 });
        // Turned back on, for the next round.
        await invoice.click();
        await expect(invoice).toBeChecked();
        await portal.context().close();
        test.info().annotations.push({ type: 'checked', description: `${name} ${language}` });
      }
    }

    // The manager (here the admin) sees and changes a contact's choices on the contact's page.
    await page.setViewportSize(VIEWPORTS[1].size);
    await page.goto(`/contacts/${w.contacts.ru.id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Notifications to the client' })).toBeVisible();
    const report = page.getByRole('switch', { name: 'A status report is ready' });
    await expect(report).toBeChecked();
    await report.click();
    await expect(page.getByText('Your choice is saved')).toBeVisible();
    await expect(report).not.toBeChecked();
    await expectAccessible(page);
    const client = await signedInPage(browser, w.clients.ru);
    await client.goto('/portal/notifications');
    await expect(client.getByRole('switch', { name: 'Готов отчёт о ходе проекта' })).not.toBeChecked();
    await client.context().close();
  });

  test('the unsubscribe link works with no sign-in, in the contact’s language; a forged one says what to do', async ({ page, browser }) => {
    const w = await setUp(page);
    const expected = {
      en: { title: 'You are unsubscribed', body: `${w.contacts.en.firstName}, we will no longer email you` },
      ru: { title: 'Вы отписались', body: `${w.contacts.ru.firstName}, мы больше не будем присылать вам письма` },
    };
    for (const { size } of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        for (const language of ['en', 'ru'] as const) {
          const token = unsubscribeToken(w.contacts[language].id);
          const visit = await visitor(browser, size, scheme);
          await visit.goto(`/unsubscribe#token=${token}`);
          await expect(visit.getByRole('heading', { level: 1, name: expected[language].title })).toBeVisible();
          await expect(visit.getByTestId('unsubscribed')).toContainText(expected[language].body);
          expect(await visit.evaluate(() => document.documentElement.lang)).toBe(language);
          await expectAccessible(visit);
          await visit.context().close();
        }
        const forged = await visitor(browser, size, scheme);
        await forged.goto('/unsubscribe#token=forged-token');
        await expect(forged.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
        await expect(forged.getByTestId('unsubscribe-problem')).toContainText('not valid');
        await expectAccessible(forged);
        await forged.context().close();
      }
    }
    // Unsubscribed: every kind is off, as the manager now sees.
    const prefs = await apiAs(page.request).get<{ kinds: Record<string, boolean> }>(
      `/contacts/${w.contacts.en.id}/notification-preferences`,
    );
    expect(Object.values(prefs.kinds)).toEqual([false, false, false, false, false, false]);
  });
});
