/**
 * A client's whole way through the portal, on a phone and on a desktop: invited by email, they
 * choose a password, approve the plan, decline a requirement saying why, fill in and send the
 * brief, sign an act, download an invoice, read how to pay and who their manager is; then the
 * manager reads each of these on the account's timeline.
 *
 * The invitation must really go out, so this runs against a server of its own with an SMTP sink.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { pdfText } from '../server/test/pdf-text';
import { signIn, TINY_PNG, unique } from './fixtures';
import { useMailingServer } from './mailing-server';

const ADMIN = { email: 'journey.admin@example.test', password: 'Amber-Signal-Harbour-83' };
const PASSWORD = 'Journey-Passw0rd-77';
const CHOSEN = 'Copper-Meadow-Lantern-46';
const BANK = 'IBAN GB33 BUKB 2020 1555 5555 55, Northwind Bank';

test.describe.configure({ mode: 'serial' });

const server = useMailingServer('liaison-journey-', ADMIN);
const { linkEmailedTo, visitor } = server;

/** The admin's API on this file's server: each call must answer as expected. */
async function adminApi() {
  const context = await server.adminContext();
  const call = async <T>(method: 'post' | 'patch', url: string, data: unknown, status = method === 'post' ? 201 : 200): Promise<T> => {
    const res = await context[method](`/api/v1${url}`, { data });
    expect(res.status(), `${url}: ${await res.text()}`).toBe(status);
    return (await res.json()) as T;
  };
  return { context, call };
}

/** A manager's client company with work waiting for the client, and an invitation on its way to the contact. */
async function clientWithWork() {
  const tag = unique();
  const { context, call } = await adminApi();
  await call('patch', '/settings/agency', { name: 'Northwind', legalName: { en: 'Northwind Digital Ltd' }, bankDetails: { en: BANK } });
  const manager = await call<{ id: string; email: string; name: string }>('post', '/users', {
    email: `mara.${tag}@example.test`,
    name: `Mara Manager ${tag}`,
    role: 'account_manager',
    password: PASSWORD,
    phone: '+44 20 7946 0123',
  });
  const photo = await context.put(`/api/v1/users/${manager.id}/photo`, { data: TINY_PNG, headers: { 'content-type': 'image/png' } });
  expect(photo.status(), await photo.text()).toBe(204);
  const account = await call<{ id: string; name: string }>('post', '/accounts', { name: `Journey Client ${tag}`, ownerId: manager.id });
  const contact = await call<{ id: string; email: string }>('post', '/contacts', {
    accountId: account.id,
    firstName: 'Nina',
    lastName: 'Client',
    email: `nina.${tag}@client.test`,
  });
  const project = await call<{ id: string; name: string }>('post', '/projects', {
    accountId: account.id,
    name: `Shop relaunch ${tag}`,
    kind: 'seo',
    stage: 'planning',
  });
  await call('post', '/milestones', { projectId: project.id, title: 'Technical audit', dueDate: '2030-04-01' });
  await call('post', `/projects/${project.id}/plan/submit`, undefined, 200);
  await call('post', '/requirements', { projectId: project.id, party: 'client', text: `Give us access to the CMS ${tag}` });
  const act = await call<{ id: string }>('post', '/documents', {
    kind: 'act',
    accountId: account.id,
    periodFrom: '2026-02-01',
    periodTo: '2026-02-28',
    lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 300_000 }],
  });
  const sent = await call<{ document: { number: string } }>('post', `/documents/${act.id}/send`, { contactIds: [contact.id] }, 200);
  const draft = await call<{ id: string }>('post', '/invoices', {
    accountId: account.id,
    lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 300_000 }],
  });
  const invoice = await call<{ number: string }>('post', `/invoices/${draft.id}/issue`, {}, 200);
  await call('post', `/contacts/${contact.id}/invite`, {});
  await context.dispose();
  return { tag, manager, account, contact, project, act: { id: act.id, number: sent.document.number }, invoice };
}

/** Goes to a portal section by its link in the portal's navigation. */
async function section(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

const VIEWPORTS = [
  { name: 'phone', viewport: { width: 375, height: 812 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
];

for (const { name, viewport } of VIEWPORTS) {
  test(`${name}: an invited client approves, declines, fills in the brief, signs, downloads an invoice and finds their manager; the manager sees it all`, async ({
    browser,
  }) => {
    test.slow();
    const w = await clientWithWork();
    const client = await visitor(browser, viewport);

    // Invited by email: the link sets a password and opens the portal.
    await client.goto(await linkEmailedTo(w.contact.email, '/invitation'));
    await client.getByRole('textbox', { name: 'Password', exact: true }).fill(CHOSEN);
    await client.getByRole('button', { name: 'Save and open the portal' }).click();
    await client.waitForURL('**/portal');
    await expect(client.getByTestId('portal-todo').filter({ hasText: `Approve the plan of ${w.project.name}` })).toBeVisible();

    // The plan, approved.
    await section(client, 'Projects');
    await client.getByRole('link', { name: w.project.name }).click();
    await expect(client.getByRole('heading', { level: 1, name: w.project.name })).toBeVisible();
    await client.getByRole('button', { name: 'Approve the plan' }).click();
    const approve = client.getByRole('dialog', { name: 'Approve the plan' });
    await approve.getByRole('button', { name: 'Approve the plan' }).click();
    await expect(client.getByText('Plan approved. Thank you!')).toBeVisible();
    await expect(client.getByTestId('portal-plan-state')).toContainText('You approved the plan on');

    // A requirement, declined with the reason.
    const requirement = client.getByTestId('portal-requirement').filter({ hasText: `Give us access to the CMS ${w.tag}` });
    await requirement.getByRole('button', { name: 'Decline' }).click();
    const decline = client.getByRole('dialog', { name: 'Decline the requirement' });
    await decline.getByRole('button', { name: 'Decline' }).click();
    await expect(decline.getByText('Say why you decline it')).toBeVisible();
    await decline.getByLabel('Why do you decline it?').fill('Our developer will give access next month');
    await decline.getByRole('button', { name: 'Decline' }).click();
    await expect(client.getByText('Declined; your manager will be in touch')).toBeVisible();
    await expect(requirement.getByRole('button', { name: 'Decline' })).toHaveCount(0);

    // The brief: every answer saved as a draft, then sent.
    const brief = client.getByRole('form', { name: 'Brief answers' });
    const questions = brief.getByRole('textbox');
    expect(await questions.count()).toBeGreaterThan(1);
    for (const field of await questions.all()) await field.fill(`Answer ${w.tag}`);
    await brief.getByRole('button', { name: 'Save answers' }).click();
    await expect(client.getByText(/answers saved/)).toBeVisible();
    await client.getByRole('button', { name: 'Send the brief' }).click();
    await expect(client.getByText('Brief sent. Thank you!')).toBeVisible();
    await expect(client.getByTestId('brief-submitted')).toBeVisible();
    expect(await noSideScroll(client)).toBe(true);

    // The act, signed.
    await section(client, 'Documents');
    await client.getByTestId('portal-document').filter({ hasText: w.act.number }).getByRole('link').first().click();
    await client.getByLabel('Your full name').fill('Nina Client');
    await client.getByRole('checkbox', { name: /typing my name here is my signature/ }).check();
    await client.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(client.getByTestId('document-status')).toHaveText('Signed');

    // The invoice's PDF, how to pay and the statement.
    await section(client, 'Invoices');
    const card = client.getByTestId('portal-invoice').filter({ hasText: w.invoice.number });
    const [download] = await Promise.all([
      client.waitForEvent('download'),
      card.getByRole('link', { name: `Download PDF: Invoice ${w.invoice.number}` }).click(),
    ]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(pdf)).toContain(w.invoice.number);
    const howToPay = client.getByRole('region', { name: 'How to pay' });
    await expect(howToPay).toContainText('Northwind Digital Ltd');
    await expect(howToPay).toContainText(BANK);
    const statement = client.getByRole('region', { name: 'Statement' });
    await expect(statement.getByTestId('statement-entry').filter({ hasText: w.invoice.number })).toBeVisible();
    await expect(statement.getByTestId('statement-closing')).toHaveText('€3,000.00');
    expect(await noSideScroll(client)).toBe(true);

    // Who looks after them.
    await section(client, 'Your manager');
    const manager = client.getByTestId('portal-manager');
    await expect(manager).toContainText(w.manager.name);
    await expect(manager).toContainText('Your account manager');
    const face = manager.getByRole('img', { name: `Photo of ${w.manager.name}` });
    await expect(face).toBeVisible();
    await expect.poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
    await expect(manager.getByRole('link', { name: `Write to ${w.manager.name}: ${w.manager.email}` })).toHaveAttribute(
      'href',
      `mailto:${w.manager.email}`,
    );
    await expect(manager.getByRole('link', { name: `Call ${w.manager.name}: +44 20 7946 0123` })).toHaveAttribute(
      'href',
      'tel:+442079460123',
    );
    await client.context().close();

    // The manager reads each answer on the account's timeline.
    const mgr = await visitor(browser, viewport);
    await mgr.goto('/sign-in');
    await signIn(mgr, w.manager.email, PASSWORD);
    await mgr.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await mgr.goto(`/accounts/${w.account.id}`);
    const timeline = mgr.getByRole('list', { name: 'Timeline' });
    for (const text of [
      `Portal invitation accepted: Nina Client`,
      `Plan of ${w.project.name} approved by the client`,
      `Requirement of ${w.project.name} declined: Give us access to the CMS ${w.tag}. Reason: Our developer will give access next month`,
      `Brief of ${w.project.name} sent as complete`,
      `Document ${w.act.number} (act of completed work) signed by Nina Client`,
      `Invoice ${w.invoice.number} downloaded in the portal`,
    ]) {
      await expect(timeline.getByTestId('timeline-event').filter({ hasText: text }), text).toBeVisible();
    }
    await mgr.context().close();
  });
}
