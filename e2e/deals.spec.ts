import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** A calendar date `days` from today, as the date input takes it. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The deal's row on the page, by its title. */
const row = (page: Page, title: string) => page.getByTestId('deal-row').filter({ hasText: title });

test('after a meeting a manager opens a deal in the same form, advances it, loses another, and sees it all on the account', async ({
  browser,
  request,
}) => {
  test.slow(); // a journey of many steps, with axe on the new pages in both themes
  const api = apiAs(request);
  const manager = await api.createUser('account_manager', `Deal Maker ${unique()}`);
  const account = await api.createAccount(`Fabrikam ${unique()}`, { ownerId: manager.id, currency: 'EUR' });
  const page = await signedInPage(browser, manager.email);

  // A meeting logged with "Create a deal": one form, one request.
  await page.goto(`/accounts/${account.id}`);
  await page.getByRole('button', { name: 'Log a meeting' }).click();
  await page.getByLabel('Summary').fill('Met the marketing director');
  await page.getByRole('radio', { name: 'Create a deal' }).check();
  await page.getByRole('textbox', { name: 'Deal', exact: true }).fill('Spring ads campaign');
  await page.getByLabel('Amount').fill('4500');
  await page.getByLabel('Stage').selectOption('meeting');
  await page.getByLabel('Expected close').fill(dayFromToday(60));
  await page.getByLabel('Next step on the deal').fill('Send the media plan');
  await page.getByLabel('Date of the deal’s next step').fill(dayFromToday(3));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByText('Logged on the timeline.')).toBeVisible();
  await expect(
    page.getByTestId('timeline-event').filter({ hasText: 'Deal “Spring ads campaign” opened at the stage “Meeting”, €4,500.00' }),
  ).toBeVisible();

  // The next meeting advances it: a new stage and its next step.
  await page.getByRole('button', { name: 'Log a meeting' }).click();
  await page.getByLabel('Summary').fill('Walked them through the plan');
  await page.getByRole('radio', { name: 'Advance a deal' }).check();
  await page.getByLabel('Open deal').selectOption({ label: 'Spring ads campaign · Meeting' });
  await page.getByLabel('New stage').selectOption('negotiation');
  // Without its next step the meeting is not saved.
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByText('An open deal needs a next step with a date')).toBeVisible();
  await page.getByLabel('Next step on the deal').fill('Agree the price');
  await page.getByLabel('Date of the deal’s next step').fill(dayFromToday(-1));
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByText('Logged on the timeline.').first()).toBeVisible();
  await expect(
    page.getByTestId('timeline-event').filter({ hasText: 'Deal “Spring ads campaign” moved from “Meeting” to “Negotiation”' }),
  ).toBeVisible();

  // Another deal, opened from the account's Deals tab, is lost for a reason.
  await page.getByRole('tab', { name: 'Deals' }).click();
  await page.getByRole('button', { name: 'New deal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deal' });
  await dialog.getByRole('textbox', { name: 'Deal', exact: true }).fill('Site redesign');
  await dialog.getByLabel('Amount').fill('12000');
  await dialog.getByLabel('Expected close').fill(dayFromToday(30));
  await dialog.getByLabel('Next step on the deal').fill('Call back');
  await dialog.getByLabel('Date of the deal’s next step').fill(dayFromToday(5));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, 'Site redesign')).toBeVisible();

  await row(page, 'Site redesign').getByRole('button', { name: 'Move Site redesign to another stage' }).click();
  const move = page.getByRole('dialog', { name: 'Move “Site redesign”' });
  await move.getByLabel('New stage').selectOption('lost');
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move.getByText('Choose a reason')).toBeVisible();
  await move.getByLabel('Why it was lost').selectOption({ label: 'Chose a competitor' });
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(row(page, 'Site redesign').getByTestId('deal-stage')).toHaveText('Lost');
  await expect(row(page, 'Site redesign')).toContainText('Chose a competitor');

  // The advanced deal's next step date has passed: flagged in its row.
  const advanced = row(page, 'Spring ads campaign');
  await expect(advanced.getByTestId('deal-stage')).toHaveText('Negotiation');
  await expect(advanced).toContainText('75%');
  await expect(advanced.locator('[data-overdue]')).toContainText('Agree the price');
  await expect(advanced.locator('[data-overdue]')).toContainText('overdue');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(
    page.getByTestId('timeline-event').filter({ hasText: 'Deal “Site redesign” moved from “Qualified” to “Lost” — Chose a competitor' }),
  ).toBeVisible();

  // The Deals page shows the manager's own deals, and filters them.
  await page.getByRole('link', { name: 'Deals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
  await expect(row(page, 'Spring ads campaign')).toBeVisible();
  await expect(row(page, 'Site redesign')).toBeVisible();
  await page.getByLabel('Status').selectOption('lost');
  await expect(row(page, 'Spring ads campaign')).toHaveCount(0);
  await expect(row(page, 'Site redesign')).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
    await page.goto('/deals');
    await expect(row(page, 'Spring ads campaign')).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/accounts/${account.id}?tab=deals`);
    await expect(row(page, 'Site redesign')).toBeVisible();
    await expectAccessible(page);
    await row(page, 'Spring ads campaign').getByRole('button', { name: 'Move Spring ads campaign to another stage' }).click();
    await page.getByRole('dialog').getByLabel('New stage').selectOption('won');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
  }
  await page.context().close();
});

test('an admin renames a stage and adds a lost reason in the pipeline settings', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/settings/deals');
    await expect(page.getByRole('heading', { level: 1, name: 'Pipeline settings' })).toBeVisible();
    await expect(page.getByLabel('Name in English: qualified')).toBeVisible();
    await expectAccessible(page);
  }
  const reason = `late_${unique()}`.replace(/[^a-z0-9_]/g, '');
  await page.getByRole('button', { name: 'Add a reason' }).click();
  const last = page.getByTestId('lost-reason').last();
  await last.getByLabel('Key').fill(reason);
  await last.getByLabel('Name in English').fill('Started too late');
  await page.getByRole('button', { name: 'Save' }).click();
  // Both names are required: the Russian one is missing.
  await expect(last.getByText('This field is required')).toBeVisible();
  await last.getByLabel('Name in Russian').fill('Начали слишком поздно');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Pipeline settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('lost-reason').last().getByLabel('Key')).toHaveValue(reason);
  // Leave the pipeline as the other journeys expect it.
  await page.getByTestId('lost-reason').last().getByRole('button', { name: 'Remove the reason Started too late' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Pipeline settings saved')).toBeVisible();
});

test('an admin sets how many days a new proposal is valid in the pipeline settings', async ({ page, request }) => {
  await page.goto('/settings/deals');
  const days = page.getByRole('textbox', { name: 'Valid for, days' });
  await expect(days).toHaveValue('30');
  await days.fill('45');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Pipeline settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Valid for, days' })).toHaveValue('45');
  expect((await apiAs(request).get<{ proposalValidityDays: number }>('/settings/deals')).proposalValidityDays).toBe(45);
  // Leave the pipeline as the other journeys expect it.
  await page.getByRole('textbox', { name: 'Valid for, days' }).fill('30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Pipeline settings saved')).toBeVisible();
});
