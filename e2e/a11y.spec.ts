import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** Opens a page, waits for its main heading, and runs axe on it. */
async function scan(page: Page, url: string, heading: string | RegExp) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0); // nothing still loading
  await expectAccessible(page);
}

test.describe('no critical or serious accessibility violations', () => {
  let accountId = '';
  let contactId = '';
  let accountName = '';

  test.beforeEach(async ({ page }) => {
    if (accountId) return;
    const api = apiAs(page.request);
    accountName = `Axe Client ${unique()}`;
    const account = await api.createAccount(accountName, { industry: 'Testing', creditLimitMinor: 500000 });
    const contact = await api.createContact(account.id, 'Vera', { lastName: 'Axe', email: 'vera.axe@example.test' });
    await api.post('/interactions', {
      accountId: account.id,
      type: 'call',
      occurredAt: new Date().toISOString(),
      summary: 'Checked the brief',
      nextStep: 'Send the plan',
      nextStepDue: '2030-01-10',
      contactIds: [contact.id],
    });
    accountId = account.id;
    contactId = contact.id;
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`staff pages in the ${scheme} theme`, async ({ page }) => {
      test.slow(); // fifteen pages, each scanned by axe
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
      await scan(page, '/accounts', 'Accounts');
      await scan(page, '/accounts/new', 'New account');
      await scan(page, `/accounts/${accountId}`, accountName);
      await page.getByRole('button', { name: 'Log a meeting' }).click();
      await expectAccessible(page);
      await scan(page, `/accounts/${accountId}/edit`, `Edit ${accountName}`);
      await page.getByRole('button', { name: 'Save' }).click(); // validation state of an unchanged form
      await scan(page, '/contacts', 'Contacts');
      await scan(page, `/contacts/new?accountId=${accountId}`, 'New contact');
      await scan(page, `/contacts/${contactId}`, 'Vera Axe');
      await scan(page, `/contacts/${contactId}/edit`, 'Edit Vera Axe');
      await scan(page, '/users', 'Users');
      await scan(page, '/users/new', 'New user');
      await scan(page, '/tokens', 'API tokens');
      await scan(page, '/security', 'Sign-in security');
      await scan(page, '/audit', 'Audit log');
      await scan(page, '/no-such-page', 'Not found');
    });
  }

  test('the accounts form with errors shown', async ({ page }) => {
    await scan(page, '/accounts/new', 'New account');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Enter the company name')).toBeVisible();
    await expectAccessible(page);
  });

  test('sign-in page, and the portal of a client user', async ({ page, browser }) => {
    const api = apiAs(page.request);
    const client = await api.createUser('client', `Axe Portal ${unique()}`, { contactId });

    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const signInPage = await visitor.newPage();
    await scan(signInPage, '/sign-in', 'Sign in');
    await visitor.close();

    const portal = await signedInPage(browser, client.email);
    await expect(portal.getByTestId('portal-company')).toHaveText(accountName);
    await expect(portal.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(portal.getByRole('heading', { level: 2, name: 'Waiting for you' })).toBeVisible();
    await expectAccessible(portal);
    await portal.getByRole('link', { name: 'Projects' }).click();
    await expect(portal.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
    await expectAccessible(portal);
    await portal.context().close();
  });
});

test.describe('the client portal has no critical or serious accessibility violations', () => {
  /** A client company with something on every portal page, and a client user per language. */
  async function portalWorld(page: Page) {
    const api = apiAs(page.request);
    const tag = unique();
    const manager = await api.createUser('account_manager', `Axe Manager ${tag}`, { phone: '+44 20 7946 0999' });
    const account = await api.createAccount(`Axe Portal Client ${tag}`, { ownerId: manager.id });
    const project = await api.post<{ id: string; name: string }>('/projects', {
      accountId: account.id,
      name: `Axe site ${tag}`,
      kind: 'seo',
    });
    await api.post('/milestones', { projectId: project.id, title: 'Audit', dueDate: '2030-04-01' });
    await api.post('/milestones', { projectId: project.id, title: 'Kick-off', dueDate: '2026-01-05' }); // late
    await api.post(`/projects/${project.id}/plan/submit`, {});
    await api.post('/requirements', { projectId: project.id, party: 'client', text: 'Give us access to the CMS' });
    const clients: Record<'en' | 'ru', string> = { en: '', ru: '' };
    const contactIds: string[] = [];
    for (const language of ['en', 'ru'] as const) {
      const contact = await api.createContact(account.id, `Axe ${language}`, { email: `axe.${language}.${tag}@example.test` });
      contactIds.push(contact.id);
      clients[language] = (await api.createUser('client', `Axe Reader ${language} ${tag}`, { contactId: contact.id, language })).email;
    }
    const act = await api.post<{ id: string }>('/documents', {
      kind: 'act',
      accountId: account.id,
      lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 300_000 }],
    });
    await api.post(`/documents/${act.id}/send`, { contactIds });
    const invoice = await api.post<{ id: string }>('/invoices', {
      accountId: account.id,
      lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 300_000 }],
    });
    await api.post(`/invoices/${invoice.id}/issue`, { issueDate: '2026-01-05' }); // overdue
    return { clients, project, act };
  }

  let world: Awaited<ReturnType<typeof portalWorld>> | undefined;
  test.beforeEach(async ({ page }) => {
    world ??= await portalWorld(page);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const language of ['en', 'ru'] as const) {
      test(`every portal page in the ${scheme} theme, in ${language === 'en' ? 'English' : 'Russian'}`, async ({ browser }) => {
        test.slow(); // seven pages, each scanned by axe
        const w = world!;
        const portal = await signedInPage(browser, w.clients[language]);
        await portal.emulateMedia({ colorScheme: scheme });
        await portal.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
        for (const url of [
          '/portal',
          '/portal/projects',
          `/portal/projects/${w.project.id}`,
          '/portal/documents',
          `/portal/documents/${w.act.id}`,
          '/portal/invoices',
          '/portal/manager',
        ]) {
          await portal.goto(url);
          await expect(portal.getByRole('heading', { level: 1 }).first()).toBeVisible();
          await expect(portal.getByRole('status')).toHaveCount(0); // nothing still loading
          await expect(portal.locator('html')).toHaveAttribute('lang', language);
          await expect(portal.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
          await expectAccessible(portal);
        }
        await portal.context().close();
      });
    }
  }
});
