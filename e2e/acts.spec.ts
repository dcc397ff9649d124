import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** The first and last day of last month, and a day inside it, in the browser's calendar (the dialog's default). */
function lastMonth() {
  const now = new Date();
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return {
    from: day(new Date(now.getFullYear(), now.getMonth() - 1, 1)),
    to: day(new Date(now.getFullYear(), now.getMonth(), 0)),
    inside: day(new Date(now.getFullYear(), now.getMonth() - 1, 10)),
  };
}

/** A manager's client with a contact who signs in to the portal, and a project with work done last month. */
async function paperworld(request: APIRequestContext) {
  const tag = unique();
  const api = apiAs(request);
  const manager = await api.createUser('account_manager', `Act Manager ${tag}`);
  const name = `Act Client ${tag}`;
  const account = await api.createAccount(name, { ownerId: manager.id, currency: 'EUR', language: 'en' });
  const contact = await api.createContact(account.id, 'Sofia', { lastName: 'Signer', email: `sofia.${tag}@example.test` });
  const client = await api.createUser('client', `Sofia Signer ${tag}`, { contactId: contact.id });
  const project = await api.post<{ id: string; name: string }>('/projects', {
    accountId: account.id,
    name: `Site ${tag}`,
    currency: 'EUR',
  });
  const { inside } = lastMonth();
  for (const [role, spentHours] of [
    ['designer', 6],
    ['developer', 2.5],
  ] as const) {
    const task = await api.post<{ id: string; version: number }>('/tasks', {
      projectId: project.id,
      title: `${role} work`,
      role,
      spentHours,
    });
    await api.patch(`/tasks/${task.id}`, { status: 'done', doneOn: inside }, task.version);
  }
  return { tag, api, manager, account, name, contact, client, project };
}

test('a manager makes last month’s act from a project and sends it; the client signs it in the portal; the invoice made from it shows in the account’s chain', async ({
  page,
  browser,
}) => {
  test.slow();
  const w = await paperworld(page.request);
  const period = lastMonth();
  const mgr = await signedInPage(browser, w.manager.email);

  // The act for last month, previewed before it is drafted.
  await mgr.goto(`/projects/${w.project.id}`);
  await mgr.getByRole('button', { name: 'Create act' }).click();
  const dialog = mgr.getByRole('dialog', { name: `Create an act for ${w.project.name}` });
  await expect(dialog.getByRole('textbox', { name: 'From', exact: true })).toHaveValue(period.from);
  await expect(dialog.getByRole('textbox', { name: 'To', exact: true })).toHaveValue(period.to);
  await expect(dialog.getByRole('button', { name: 'Create act' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Preview lines' }).click();
  const preview = dialog.getByTestId('act-preview');
  await expect(preview).toContainText('Work of the designer role, hours');
  await expect(preview).toContainText('Work of the developer role, hours');
  // 6 h × €65.00 + 2.5 h × €80.00
  await expect(preview.getByTestId('lines-total')).toHaveText('€590.00');
  await expectAccessible(mgr);
  await dialog.getByRole('button', { name: 'Create act' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Act of completed work' })).toBeVisible();
  await expect(mgr.getByTestId('document-status')).toHaveText('Draft');

  // Asking again for the same month: everything is on the act already.
  await mgr.goto(`/projects/${w.project.id}`);
  await mgr.getByRole('button', { name: 'Create act' }).click();
  await dialog.getByRole('button', { name: 'Preview lines' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Nothing was delivered in this period that is not already on an act');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Sent to the client's contact: numbered.
  await mgr.getByRole('region', { name: 'Documents' }).getByRole('link', { name: 'Draft' }).click();
  await mgr.getByRole('button', { name: 'Send', exact: true }).click();
  const send = mgr.getByRole('dialog', { name: 'Send Act of completed work' });
  await send.getByRole('checkbox', { name: new RegExp(`Sofia Signer <sofia\\.${w.tag}@example\\.test>`) }).check();
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  const heading = mgr.getByRole('heading', { level: 1, name: /^Act of completed work ACT-\d{4}-\d{4}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace('Act of completed work ', '');
  await expect(mgr.getByTestId('signature-status')).toHaveText('Waiting for the client to sign or decline it in the portal.');
  const actUrl = mgr.url();

  // The client signs it on a phone-sized screen, with the keyboard.
  const portal = await signedInPage(browser, w.client.email);
  await portal.setViewportSize({ width: 375, height: 740 });
  await expect(portal.getByTestId('portal-company')).toHaveText(w.name);
  // The start page says the act waits for a signature; the documents list says it too.
  await expect(portal.getByTestId('portal-todo').filter({ hasText: `Sign Act of completed work ${number}` })).toBeVisible();
  await portal.getByRole('link', { name: 'Documents' }).click();
  const card = portal.getByTestId('portal-document').filter({ hasText: number });
  await expect(card).toContainText('Waits for your signature');
  await card.getByRole('link', { name: `Act of completed work ${number}` }).click();
  await expect(portal.getByRole('heading', { level: 1, name: `Act of completed work ${number}` })).toBeVisible();
  await expect(portal.getByTestId('lines-total')).toHaveText('€590.00');
  await expectAccessible(portal);
  const name = portal.getByLabel('Your full name');
  await name.fill('Sofia Signer');
  await name.press('Enter');
  await expect(portal.getByText('Confirm that your typed name is your signature')).toBeVisible();
  await name.press('Tab');
  await expect(portal.getByRole('checkbox', { name: /typing my name here is my signature/ })).toBeFocused();
  await portal.keyboard.press('Space');
  await portal.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(portal.getByTestId('document-status')).toHaveText('Signed');
  await expect(portal.getByTestId('signature-status')).toContainText('Signed by Sofia Signer in the portal');
  await expect(portal.getByRole('button', { name: 'Sign', exact: true })).toHaveCount(0);
  await expect(portal.getByRole('link', { name: 'Signed copy' })).toBeVisible();
  const hasHorizontalScroll = await portal.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(hasHorizontalScroll).toBe(false);
  await expectAccessible(portal);
  await portal.context().close();

  // The manager sees the signature and makes the invoice in one click.
  await mgr.goto(actUrl);
  await expect(mgr.getByTestId('document-status')).toHaveText('Signed');
  await expect(mgr.getByTestId('signature-status')).toContainText('Signed by Sofia Signer in the portal');
  await expect(mgr.getByTestId('document-history')).toContainText('Signed by Sofia Signer in the portal');
  await mgr.getByRole('button', { name: 'Create invoice' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Draft invoice' })).toBeVisible();
  await expect(mgr.getByRole('link', { name: `Act of completed work ${number}` })).toBeVisible();
  await expect(mgr.getByText('Work of the designer role, hours')).toBeVisible();
  const invoiceUrl = mgr.url();

  // The account's chain: act signed → invoice draft; issued and paid, it reads paid.
  await mgr.goto(`/accounts/${w.account.id}`);
  await mgr.getByRole('tab', { name: 'Documents' }).click();
  const row = mgr.getByRole('region', { name: 'Acts and invoices' }).getByTestId('act-chain-row').filter({ hasText: number });
  await expect(row).toContainText('Signed');
  await expect(row).toContainText('Draft');
  await expect(row).toContainText('€0.00 of €590.00');
  await expectAccessible(mgr);
  const invoiceId = invoiceUrl.split('/').at(-1)!;
  const api = apiAs(mgr.request);
  const issued = await api.post<{ issueDate: string }>(`/invoices/${invoiceId}/issue`, {});
  await api.post('/payments', { invoiceId, amountMinor: 59_000, paidOn: issued.issueDate });
  await mgr.reload();
  await expect(row).toContainText('Paid');
  await expect(row).toContainText('€590.00 of €590.00');
  await mgr.context().close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`acts, signatures and the chain have no critical or serious accessibility violations in the ${scheme} theme`, async ({
    page,
    browser,
  }) => {
    test.slow();
    const w = await paperworld(page.request);
    const theme = async (p: Page) => {
      await p.emulateMedia({ colorScheme: scheme });
      await p.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
    };
    await theme(page);
    const { from, to } = lastMonth();
    const act = await w.api.post<{ id: string }>(`/projects/${w.project.id}/acts`, { from, to });
    await w.api.post(`/documents/${act.id}/send`, { contactIds: [w.contact.id] });

    // The client's pages, with the errors of both forms shown.
    const portal = await signedInPage(browser, w.client.email);
    await theme(portal);
    await portal.goto(`/portal/documents/${act.id}`);
    await expect(portal.getByRole('button', { name: 'Sign', exact: true })).toBeVisible();
    await portal.getByRole('button', { name: 'Decline…' }).click();
    await portal.getByRole('button', { name: 'Decline', exact: true }).click();
    await expect(portal.getByText('Say why you decline it')).toBeVisible();
    await expectAccessible(portal);
    await portal.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(portal.getByText('Type your full name', { exact: true })).toBeVisible();
    await expectAccessible(portal);
    await portal.context().close();

    // The staff pages: the project's act dialog with a refusal, the act, the chain.
    await page.goto(`/projects/${w.project.id}`);
    await page.getByRole('button', { name: 'Create act' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Preview lines' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/documents/${act.id}`);
    await expect(page.getByTestId('signature-status')).toBeVisible();
    await page.getByRole('button', { name: 'Record signed paper copy' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Record', exact: true }).click();
    await expect(page.getByText('Give the name of who signed it')).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/accounts/${w.account.id}?tab=documents`);
    await expect(page.getByTestId('act-chain-row')).toHaveCount(1);
    await expectAccessible(page);
  });
}
