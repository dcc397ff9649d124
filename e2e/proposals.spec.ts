/**
 * Proposals: a manager builds a proposal on a deal from two catalog services, sends it; the client
 * opens the emailed link without signing in (axe clean) and accepts it; the deal shows won; the
 * manager starts the project from the proposal and finds its tasks given to specialists by role.
 * Emails must really go out, so this runs against a server of its own with an SMTP sink.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, PASSWORD, signIn, unique } from './fixtures';
import { useMailingServer } from './mailing-server';
import { pickService, salesTeam, sendProposalTo, startProjectWithTasks } from './sales';

const ADMIN = { email: 'proposals.admin@example.test', password: 'Copper-Proposal-Meadow-52' };

test.describe.configure({ mode: 'serial' });

const server = useMailingServer('liaison-proposals-', ADMIN);

async function world() {
  const tag = unique();
  const context = await server.adminContext();
  const api = apiAs(context);
  const {
    manager,
    seo: seoSpecialist,
    writer,
  } = await salesTeam(api, tag, { manager: 'Pia Manager', seo: 'Sam Seo', writer: 'Wes Writer' });
  const account = await api.createAccount(`Proposal Client ${tag}`, { ownerId: manager.id, status: 'prospect' });
  const email = `lena.${tag}@client.test`;
  await api.createContact(account.id, 'Lena', { lastName: 'Buyer', email });
  const deal = await api.post<{ id: string; title: string }>('/deals', {
    accountId: account.id,
    title: `Relaunch ${tag}`,
    amount: 300_000,
    currency: 'EUR',
    expectedCloseDate: '2030-01-31',
    nextStep: 'Send the proposal',
    nextStepDue: '2030-01-10',
    ownerId: manager.id,
  });
  await context.dispose();
  return { tag, manager, seoSpecialist, writer, account, email, deal };
}

test('a client accepts a proposal from its link; the deal is won and the project starts with tasks by role', async ({ browser }) => {
  test.slow(); // two people, an email, a PDF and a project plan
  const w = await world();
  const mgr = await server.visitor(browser, { width: 1280, height: 900 });
  await mgr.goto('/sign-in');
  await signIn(mgr, w.manager.email, PASSWORD);
  await mgr.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

  // The deal's row opens its proposals; a new one opens on its own page.
  await mgr.goto(`/accounts/${w.account.id}?tab=deals`);
  await mgr.getByRole('button', { name: `Proposals on ${w.deal.title}` }).click();
  await expect(mgr.getByText('No proposals on this deal yet.')).toBeVisible();
  await mgr.getByRole('button', { name: 'New proposal' }).click();
  await mgr.waitForURL(/\/proposals\/[\w-]+$/);
  await expect(mgr.getByTestId('proposal-status')).toHaveText('Draft');

  await mgr.getByRole('button', { name: 'Add line' }).click();
  await pickService(mgr, 1, `Site audit ${w.tag}`);
  await expect(mgr.getByRole('group', { name: 'Line 1' }).getByRole('textbox', { name: /Unit price/ })).toHaveValue('1500.00');
  await mgr.getByRole('button', { name: 'Add line' }).click();
  await pickService(mgr, 2, `Landing copy ${w.tag}`);
  const second = mgr.getByRole('group', { name: 'Line 2' });
  await second.getByRole('textbox', { name: 'Quantity' }).fill('2');
  await second.getByRole('textbox', { name: 'Discount, %' }).fill('10');
  await mgr.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByText('Proposal saved')).toBeVisible();
  // 1 × 1,500.00 + 2 × 400.00 − 10% = 2,220.00, as the server totals it.
  await expect(mgr.getByTestId('proposal-total')).toHaveText('€2,220.00');
  await expect(mgr.getByTestId('proposal-line')).toHaveCount(2);
  await expectAccessible(mgr);

  await sendProposalTo(mgr, w.email);
  await expect(mgr.getByTestId('proposal-version')).toHaveCount(1);
  await expect(mgr.getByTestId('proposal-version').getByRole('link', { name: /PDF/ })).toBeVisible();

  // The client opens the emailed link without signing in, reads it and accepts.
  const link = await server.matchEmailedTo(w.email, /https?:\/\/\S+\/p\/[\w-]+/);
  expect(link.startsWith(`${server.baseURL()}/p/`)).toBe(true);
  const client = await server.visitor(browser, { width: 375, height: 812 });
  await client.goto(link);
  await expect(client.getByRole('heading', { level: 1, name: /A proposal from/ })).toBeVisible();
  await expect(client.getByTestId('proposal-total')).toHaveText('€2,220.00');
  await expect(client.getByText(`Site audit ${w.tag}`)).toBeVisible();
  await expectAccessible(client);
  await client.getByRole('textbox', { name: 'Your name (optional)' }).fill('Lena Buyer');
  await client.getByRole('button', { name: 'Accept proposal' }).click();
  await expect(client.getByTestId('proposal-decided')).toHaveAttribute('data-status', 'accepted');
  await expectAccessible(client);
  // A second answer is not offered; a link that is not one says so.
  await client.reload();
  await expect(client.getByTestId('proposal-decided')).toBeVisible();
  await expect(client.getByRole('button', { name: 'Decline proposal' })).toHaveCount(0);
  await client.goto('/p/not-a-real-token-of-any-proposal');
  await expect(client.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();

  // The deal is won; the manager starts the project from the accepted proposal.
  await mgr.goto(`/accounts/${w.account.id}?tab=deals`);
  await expect(mgr.getByTestId('deal-stage')).toHaveText('Won');
  await mgr.getByRole('button', { name: `Proposals on ${w.deal.title}` }).click();
  await expect(mgr.getByTestId('deal-proposal').getByTestId('proposal-status')).toHaveText('Accepted');
  await mgr.getByTestId('deal-proposal').getByRole('link').click();
  await expect(mgr.getByTestId('proposal-decision')).toContainText('Lena Buyer');
  await startProjectWithTasks(mgr, w.deal.title, { 'Crawl the site': w.seoSpecialist.name, 'Write the landing page': w.writer.name });
});

test('a client user finds the proposal in the portal and declines it with a reason', async ({ browser }) => {
  const tag = unique();
  const context = await server.adminContext();
  const api = apiAs(context);
  const manager = await api.createUser('account_manager', `Paul Manager ${tag}`);
  const account = await api.createAccount(`Portal Client ${tag}`, { ownerId: manager.id });
  const contact = await api.createContact(account.id, 'Olga', { email: `olga.${tag}@client.test` });
  const user = await api.createUser('client', `Olga Client ${tag}`, { contactId: contact.id });
  const deal = await api.post<{ id: string }>('/deals', {
    accountId: account.id,
    title: `Audit ${tag}`,
    amount: 50_000,
    currency: 'EUR',
    expectedCloseDate: '2030-01-31',
    nextStep: 'Send the proposal',
    nextStepDue: '2030-01-10',
    ownerId: manager.id,
  });
  const lines = [{ description: `Usability audit ${tag}`, quantity: 1, unitPriceMinor: 50_000 }];
  const proposal = await api.post<{ id: string }>('/proposals', { dealId: deal.id, lines });
  await api.post(`/proposals/${proposal.id}/send`, { contactId: contact.id });
  await context.dispose();

  const client = await server.visitor(browser, { width: 375, height: 812 });
  await client.goto('/sign-in');
  await signIn(client, user.email, PASSWORD);
  await client.waitForURL(/\/portal/);
  await client.getByRole('link', { name: 'Proposals' }).click();
  const card = client.getByTestId('portal-proposal');
  await expect(card).toContainText(`Usability audit ${tag}`);
  await expect(card.getByTestId('proposal-total')).toHaveText('€500.00');
  await expectAccessible(client);
  await card.getByRole('button', { name: 'Decline proposal' }).click();
  await expect(card.getByText('Say why you decline')).toBeVisible();
  await card.getByRole('textbox', { name: /Why do you decline/ }).fill('The budget moved to next year');
  await card.getByRole('button', { name: 'Decline proposal' }).click();
  await expect(card.getByTestId('proposal-status')).toHaveText('Declined');
  await expect(card.getByTestId('proposal-decided')).toBeVisible();
});
