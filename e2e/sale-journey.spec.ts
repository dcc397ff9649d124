/**
 * The pipeline board on a phone: a server of its own, as the whole-sale journey beside it.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, PASSWORD, signIn, unique } from './fixtures';
import { useMailingServer } from './mailing-server';
import { boardCard, dayFromToday, moveByKeyboard } from './sales';

const ADMIN = { email: 'journey.admin@example.test', password: 'Amber-Harbour-Lantern-37' };

test.describe.configure({ mode: 'serial' });

const server = useMailingServer('liaison-sale-journey-', ADMIN);

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
