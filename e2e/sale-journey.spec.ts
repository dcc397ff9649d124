/**
 * The whole sale, as one manager and one client live it: a meeting opens a deal; a price
 * objection raised in it is answered from the playbook; the board carries the deal on by
 * keyboard and opens its proposals; a proposal of two catalog services is sent; the client
 * accepts it from the emailed link without signing in; the manager starts the project and finds
 * its tasks given by role. Emails must really go out: a server of its own with an SMTP sink.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, PASSWORD, signIn, unique } from './fixtures';
import { useMailingServer } from './mailing-server';
import { boardCard, dayFromToday, moveByKeyboard, pickService, salesTeam, sendProposalTo, startProjectWithTasks } from './sales';

const ADMIN = { email: 'journey.admin@example.test', password: 'Amber-Harbour-Lantern-37' };

test.describe.configure({ mode: 'serial' });

const server = useMailingServer('liaison-sale-journey-', ADMIN);

/**
 * The agency before the meeting: a manager, two specialists, two services, a prospect with a
 * contact, proposals valid for 21 days, and a price playbook in which "phases" won 2 of 2 past deals.
 */
async function world() {
  const tag = unique();
  const context = await server.adminContext();
  const api = apiAs(context);
  const { manager, seo, writer } = await salesTeam(api, tag, { manager: 'Maya Seller', seo: 'Sid Seo', writer: 'Wanda Writer' });
  const settings = await api.get<Record<string, unknown>>('/settings/deals');
  expect((await context.put('/api/v1/settings/deals', { data: { ...settings, proposalValidityDays: 21 } })).status()).toBe(200);

  const phases = `We split the work into phases ${tag}`;
  const past = await api.createAccount(`Earlier Client ${tag}`, { ownerId: manager.id, currency: 'EUR' });
  for (const n of [1, 2]) {
    const deal = await api.post<{ id: string }>('/deals', {
      accountId: past.id,
      title: `Earlier deal ${n} ${tag}`,
      amount: 100_000,
      currency: 'EUR',
      expectedCloseDate: dayFromToday(30),
      nextStep: 'Call',
      nextStepDue: dayFromToday(3),
    });
    await api.post('/objections', { dealId: deal.id, category: 'price', text: 'Too expensive', response: phases });
    await api.post(`/deals/${deal.id}/stage`, { stage: 'won', note: 'Signed' });
  }

  const account = await api.createAccount(`Harbour Foods ${tag}`, { ownerId: manager.id, status: 'prospect', currency: 'EUR' });
  const email = `nora.${tag}@harbour.test`;
  await api.createContact(account.id, 'Nora', { lastName: 'Buyer', email });
  await context.dispose();
  return { tag, manager, seo, writer, account, email, phases };
}

test('a meeting becomes a deal, an objection is answered from the playbook, the client accepts the proposal online and the project starts', async ({
  browser,
}) => {
  test.slow(); // two people, many pages, an email, a PDF and a project plan
  const w = await world();
  const title = `Online shop ${w.tag}`;
  const mgr = await server.visitor(browser, { width: 1280, height: 900 });
  await mgr.goto('/sign-in');
  await signIn(mgr, w.manager.email, PASSWORD);
  await mgr.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

  // The meeting opens the deal in the same form.
  await mgr.goto(`/accounts/${w.account.id}`);
  await mgr.getByRole('button', { name: 'Log a meeting' }).click();
  await mgr.getByLabel('Summary').fill('Met the owner about an online shop');
  await mgr.getByRole('radio', { name: 'Create a deal' }).check();
  await mgr.getByRole('textbox', { name: 'Deal', exact: true }).fill(title);
  await mgr.getByLabel('Amount').fill('2220');
  await mgr.getByLabel('Stage').selectOption('meeting');
  await mgr.getByLabel('Expected close').fill(dayFromToday(45));
  await mgr.getByLabel('Next step on the deal').fill('Send the proposal');
  await mgr.getByLabel('Date of the deal’s next step').fill(dayFromToday(3));
  await mgr.getByRole('button', { name: 'Log it' }).click();
  await expect(mgr.getByText('Logged on the timeline.')).toBeVisible();
  await expect(
    mgr.getByTestId('timeline-event').filter({ hasText: `Deal “${title}” opened at the stage “Meeting”, €2,220.00` }),
  ).toBeVisible();

  // The price objection raised in that meeting, logged from its card with the playbook's best answer.
  const meeting = mgr.getByTestId('interaction').filter({ hasText: 'Met the owner about an online shop' });
  await meeting.getByRole('button', { name: 'Log an objection' }).click();
  const objection = mgr.getByRole('dialog', { name: 'Add objection' });
  await objection.getByLabel('Category').selectOption({ label: 'Price' });
  await objection.getByLabel('Client’s words').fill('A shop from a template costs half as much');
  const best = objection.getByTestId('playbook-suggestion').filter({ hasText: w.phases });
  await expect(best).toContainText('won 2 of 2');
  await best.getByRole('button', { name: `Use the answer: ${w.phases}` }).click();
  await expect(objection.getByLabel('Answer given')).toHaveValue(w.phases);
  await objection.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByText('Objection logged')).toBeVisible();
  await expect(
    mgr.getByTestId('timeline-event').filter({ hasText: `Objection on “${title}” (Price): “A shop from a template costs half as much”` }),
  ).toBeVisible();

  // On the board the deal moves on by keyboard, and its card opens its proposals.
  await mgr.goto('/deals?view=board');
  await expect(boardCard(mgr, 'meeting', title)).toBeVisible();
  await moveByKeyboard(mgr, title, 1);
  await expect(mgr.getByText('Deal moved to “Proposal”')).toBeVisible();
  await expect(boardCard(mgr, 'proposal', title)).toBeVisible();
  await expect(boardCard(mgr, 'meeting', title)).toHaveCount(0);
  await boardCard(mgr, 'proposal', title)
    .getByRole('button', { name: `Proposals on ${title}` })
    .click();
  await expect(mgr.getByText('No proposals on this deal yet.')).toBeVisible();
  await mgr.getByRole('button', { name: 'New proposal' }).click();
  await mgr.waitForURL(/\/proposals\/[\w-]+$/);

  // A proposal of two catalog services, valid for the days the pipeline settings give.
  await expect(mgr.getByRole('textbox', { name: 'Valid until' })).toHaveValue(dayFromToday(21));
  await mgr.getByRole('button', { name: 'Add line' }).click();
  await pickService(mgr, 1, `Site audit ${w.tag}`);
  await mgr.getByRole('button', { name: 'Add line' }).click();
  await pickService(mgr, 2, `Landing copy ${w.tag}`);
  const second = mgr.getByRole('group', { name: 'Line 2' });
  await second.getByRole('textbox', { name: 'Quantity' }).fill('2');
  await second.getByRole('textbox', { name: 'Discount, %' }).fill('10');
  await mgr.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByText('Proposal saved')).toBeVisible();
  // 1 × 1,500.00 + 2 × 400.00 − 10% = 2,220.00.
  await expect(mgr.getByTestId('proposal-total')).toHaveText('€2,220.00');
  await sendProposalTo(mgr, w.email);

  // The client opens the emailed link without signing in and accepts.
  const link = await server.matchEmailedTo(w.email, /https?:\/\/\S+\/p\/[\w-]+/);
  const client = await server.visitor(browser, { width: 390, height: 844 });
  await client.goto(link);
  await expect(client.getByRole('heading', { level: 1, name: /A proposal from/ })).toBeVisible();
  await expect(client.getByTestId('proposal-total')).toHaveText('€2,220.00');
  await expect(client.getByText(`Landing copy ${w.tag}`)).toBeVisible();
  await client.getByRole('textbox', { name: 'Your name (optional)' }).fill('Nora Buyer');
  await client.getByRole('button', { name: 'Accept proposal' }).click();
  await expect(client.getByTestId('proposal-decided')).toHaveAttribute('data-status', 'accepted');
  await expectAccessible(client);

  // The manager finds the deal won and starts the project from the accepted proposal.
  await mgr.goto('/deals?view=board');
  await expect(boardCard(mgr, 'won', title)).toBeVisible();
  await mgr.goto(`/accounts/${w.account.id}?tab=deals`);
  await expect(mgr.getByTestId('deal-row').filter({ hasText: title }).getByTestId('deal-stage')).toHaveText('Won');
  await mgr.getByRole('button', { name: `Proposals on ${title}` }).click();
  await expect(mgr.getByTestId('deal-proposal').getByTestId('proposal-status')).toHaveText('Accepted');
  await mgr.getByTestId('deal-proposal').getByRole('link').click();
  await expect(mgr.getByTestId('proposal-decision')).toContainText('Nora Buyer');
  await startProjectWithTasks(mgr, title, { 'Crawl the site': w.seo.name, 'Write the landing page': w.writer.name });
  await expectAccessible(mgr);
});

test('on a 390 px phone the board scrolls sideways with readable columns, and a card still moves by keyboard', async ({ browser }) => {
  const tag = unique();
  const context = await server.adminContext();
  const api = apiAs(context);
  const manager = await api.createUser('account_manager', `Pocket Seller ${tag}`);
  const account = await api.createAccount(`Pocket Bakery ${tag}`, { ownerId: manager.id, currency: 'EUR' });
  const title = `Menu boards ${tag}`;
  await api.post('/deals', {
    accountId: account.id,
    title,
    amount: 80_000,
    currency: 'EUR',
    expectedCloseDate: dayFromToday(30),
    nextStep: 'Call about the menu',
    nextStepDue: dayFromToday(2),
  });
  await context.dispose();
  const page = await server.visitor(browser, { width: 390, height: 844 });
  await page.goto('/sign-in');
  await signIn(page, manager.email, PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

  await page.goto('/deals?view=board');
  await expect(boardCard(page, 'qualified', title)).toBeVisible();
  // The page itself does not scroll sideways; the board does, and every column keeps its width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const widths = await page
    .locator('[data-testid^="board-column-"]')
    .evaluateAll((cols) => cols.map((c) => c.getBoundingClientRect().width));
  expect(widths).toHaveLength(6);
  for (const width of widths) expect(width).toBeGreaterThanOrEqual(220);
  const board = page
    .locator('[data-testid="board-column-qualified"]')
    .locator('xpath=ancestor::*[contains(@class, "mantine-ScrollArea-viewport")]');
  const { scrollWidth, clientWidth } = await board.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await expect(boardCard(page, 'qualified', title).getByText('Call about the menu')).toBeVisible();
  await expectAccessible(page);

  // Two columns on, past the screen's edge, then one back: each press moves the card, the board following it.
  await moveByKeyboard(page, title, 2);
  await expect(page.getByText('Deal moved to “Proposal”')).toBeVisible();
  await expect(boardCard(page, 'proposal', title)).toBeVisible();
  await moveByKeyboard(page, title, -1);
  await expect(page.getByText('Deal moved to “Meeting”')).toBeVisible();
  await expect(boardCard(page, 'meeting', title)).toBeVisible();
  await expect(boardCard(page, 'proposal', title)).toHaveCount(0);
  await boardCard(page, 'meeting', title)
    .getByRole('button', { name: `Proposals on ${title}` })
    .click();
  await expect(page.getByRole('dialog', { name: `Proposals on “${title}”` }).getByText('No proposals on this deal yet.')).toBeVisible();
});
