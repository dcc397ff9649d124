import { test, expect, type Locator, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** A calendar date `days` before today, as the API takes it. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Presses Tab until `target` has the focus, as someone on a keyboard would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 20; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

test('a manager sees what needs attention on an active account with work stopped, logs a call from its header and reads its timeline by kind', async ({
  page,
  browser,
}) => {
  const tag = unique();
  const api = apiAs(page.request);
  const manager = await api.createUser('account_manager', `Page Manager ${tag}`);
  const name = `Stalled Client ${tag}`;
  // As the demo's chronic payer: listed as Active, work stopped for an invoice long overdue.
  const account = await api.createAccount(name, {
    ownerId: manager.id,
    status: 'active',
    currency: 'EUR',
    paymentTermsDays: 0,
    creditLimitMinor: 1_000_000,
  });
  const calm = await api.createAccount(`Calm Client ${tag}`, { ownerId: manager.id });
  // An invoice of €1,200 due 40 days ago, still unpaid, and work stopped because of it.
  const draft = await api.post<{ id: string }>('/invoices', {
    accountId: account.id,
    lines: [{ description: 'SEO audit', quantity: 1, unitPriceMinor: 120_000 }],
  });
  await api.post(`/invoices/${draft.id}/issue`, { issueDate: daysAgo(40) });
  await api.post(`/accounts/${account.id}/stop-work`, { reason: `Unpaid audit ${tag}` });

  const mgr = await signedInPage(browser, manager.email);

  // The list: badges on the rows that need attention, none on the others.
  await mgr.goto(`/accounts?q=${tag}`);
  const row = mgr.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await expect(row.getByTestId('flag-work-stopped')).toHaveText('Work stopped');
  await expect(row.getByTestId('flag-overdue')).toHaveText('Overdue €1,200.00 · 40 days');
  await expect(
    mgr
      .getByRole('row')
      .filter({ hasText: calm.name })
      .getByTestId(/^flag-/),
  ).toHaveCount(0);

  // The header: status, manager and every flag, above the tabs.
  await row.getByRole('link', { name }).click();
  await expect(mgr.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(mgr.getByTestId('account-status')).toHaveText('Active');
  await expect(mgr.getByText(`Account manager: Page Manager ${tag}`)).toBeVisible();
  const flags = mgr.getByTestId('account-flags');
  await expect(flags.getByTestId('flag-work-stopped')).toContainText('Work stopped since');
  await expect(flags).toContainText(`Unpaid audit ${tag}`);
  await expect(flags.getByTestId('flag-overdue')).toHaveText('Overdue €1,200.00 · 40 days');
  await expect(flags.getByTestId('flag-credit')).toHaveText('Credit used: 12% of €10,000.00');
  await expect(mgr.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');

  // Logging by keyboard: the button opens the form in the summary; Escape closes it and returns the focus.
  const logMeeting = mgr.getByRole('button', { name: 'Log a meeting' });
  await logMeeting.focus();
  await mgr.keyboard.press('Enter');
  await expect(mgr.getByLabel('Summary')).toBeFocused();
  await mgr.keyboard.press('Escape');
  await expect(mgr.getByLabel('Summary')).toHaveCount(0);
  await expect(logMeeting).toBeFocused();

  const logCall = mgr.getByRole('button', { name: 'Log a call' });
  await mgr.getByRole('tab', { name: 'Contacts' }).click();
  await logCall.focus();
  await mgr.keyboard.press('Enter');
  await expect(mgr.getByLabel('Summary')).toBeFocused();
  await expect(mgr.getByLabel('Type')).toHaveValue('call');
  await mgr.keyboard.type(`Agreed a payment plan ${tag}`);
  await tabTo(mgr, mgr.getByRole('button', { name: 'Log it' }));
  await mgr.keyboard.press('Enter');
  await expect(mgr.getByText('Logged on the timeline.')).toBeVisible();
  await expect(logCall).toBeFocused();
  // Logged from another tab, the call is shown where it landed.
  await expect(mgr.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  const timeline = mgr.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText(`Agreed a payment plan ${tag}`);
  await expect(timeline.getByTestId('timeline-event').filter({ hasText: 'Work stopped' })).toBeVisible();
  await expectAccessible(mgr);

  // The timeline by kind: money shows the invoice and the stop, conversations only the call.
  const kinds = mgr.getByRole('radiogroup', { name: 'Show' });
  await kinds.getByText('Money', { exact: true }).click();
  await expect(mgr).toHaveURL(/kinds=money/);
  await expect(timeline.getByTestId('interaction')).toHaveCount(0);
  await expect(timeline.getByTestId('timeline-event').filter({ hasText: 'Invoice' })).toBeVisible();
  await expect(timeline.getByTestId('timeline-event').filter({ hasText: 'Work stopped' })).toBeVisible();
  await expect(timeline.getByTestId('timeline-event').filter({ hasText: 'Account created' })).toHaveCount(0);

  await kinds.getByText('Conversations', { exact: true }).click();
  await expect(mgr).toHaveURL(/kinds=conversations/);
  await expect(timeline.getByTestId('interaction')).toHaveCount(1);
  await expect(timeline.getByTestId('interaction')).toContainText(`Agreed a payment plan ${tag}`);
  await expect(timeline.getByTestId('timeline-event')).toHaveCount(0);
  // A reload keeps the filter, read from the URL.
  await mgr.reload();
  await expect(mgr.getByRole('radio', { name: 'Conversations' })).toBeChecked();
  await expect(timeline.getByTestId('interaction')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-event')).toHaveCount(0);

  // Jump to a tab and back: the URL keeps the tab, Back returns to the filtered timeline.
  await mgr.getByRole('tab', { name: 'Billing' }).click();
  await expect(mgr).toHaveURL(/tab=billing/);
  await expect(mgr.getByRole('region', { name: 'Billing' }).getByTestId('stop-work')).toContainText(`Unpaid audit ${tag}`);
  await expect(flags.getByTestId('flag-overdue')).toBeVisible(); // the header stays on every tab
  // A reload opens the same tab.
  await mgr.reload();
  await expect(mgr.getByRole('tab', { name: 'Billing' })).toHaveAttribute('aria-selected', 'true');
  await expect(mgr.getByRole('region', { name: 'Billing' }).getByTestId('stop-work')).toContainText(`Unpaid audit ${tag}`);
  await mgr.goBack();
  await expect(mgr.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(mgr.getByRole('radio', { name: 'Conversations' })).toBeChecked();
  await expect(timeline.getByTestId('interaction')).toHaveCount(1);

  // A link to a tab opens it.
  await mgr.goto(`/accounts/${account.id}?tab=details`);
  await expect(mgr.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
  await expect(mgr.getByRole('region', { name: 'Details' })).toContainText('€10,000.00');
  await mgr.context().close();
});

test('on a phone, the account page does not move when the names of its people arrive after it', async ({ page }) => {
  const tag = unique();
  const api = apiAs(page.request);
  const owner = await api.createUser('account_manager', `Konstantin Vasilyevich Rozhdestvensky ${tag}`);
  const backup = await api.createUser('account_manager', `Maria Alexandrovna Kuznetsova-Belova ${tag}`);
  const account = await api.createAccount(`Shifting Client ${tag}`, { ownerId: owner.id, backupOwnerId: backup.id, status: 'active' });
  await page.setViewportSize({ width: 412, height: 823 });
  // The names come a moment after the account, as on a slow connection.
  await page.route('**/api/v1/users?**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { shifted: number };
    w.shifted = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number }[]) w.shifted += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await expect(page.getByText(`Account manager: ${owner.name}`)).toBeVisible();
  await expect(page.getByText(`Backup: ${backup.name}`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBeLessThan(0.001);
});

test.describe('the account page and list pass axe', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`with flags, in the ${scheme} theme`, async ({ page }) => {
      const tag = unique();
      const api = apiAs(page.request);
      const name = `Axe Flags ${tag}`;
      const account = await api.createAccount(name, { paymentTermsDays: 0, creditLimitMinor: 50_000 });
      const draft = await api.post<{ id: string }>('/invoices', {
        accountId: account.id,
        lines: [{ description: 'Design', quantity: 1, unitPriceMinor: 90_000 }],
      });
      await api.post(`/invoices/${draft.id}/issue`, { issueDate: daysAgo(12) });
      await api.post(`/accounts/${account.id}/stop-work`, { reason: 'Over the limit' });
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);

      await page.goto(`/accounts?q=${tag}`);
      await expect(page.getByRole('row').filter({ hasText: name }).getByTestId('flag-credit')).toHaveText('Over credit limit');
      await expectAccessible(page);

      await page.goto(`/accounts/${account.id}`);
      await expect(page.getByTestId('flag-credit')).toHaveText('Over credit limit: €900.00 of €500.00');
      await expect(page.getByTestId('timeline-event').first()).toBeVisible();
      await expectAccessible(page);
      for (const tab of ['Next steps', 'Contacts', 'Projects', 'Billing', 'Documents', 'Details']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2, name: tab, exact: true })).toBeVisible();
        await expect(page.getByRole('status')).toHaveCount(0); // nothing still loading
        await expectAccessible(page);
      }
    });
  }
});
