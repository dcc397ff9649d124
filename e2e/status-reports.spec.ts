import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A manager's client with a project that has a plan, work done today and a contact with an email address. */
async function clientWithProject(page: Page, tag: string) {
  const api = apiAs(page.request);
  const manager = await api.createUser('account_manager', `Report Manager ${tag}`);
  const account = await api.createAccount(`Report Client ${tag}`, { ownerId: manager.id, currency: 'EUR', language: 'en' });
  const contact = await api.createContact(account.id, 'Ann', { lastName: 'Reader', email: `ann.${tag}@example.test` });
  const project = await api.post<{ id: string; name: string }>('/projects', {
    accountId: account.id,
    name: `Report Project ${tag}`,
    budgetMinor: 1_000_000,
  });
  await api.post('/milestones', { projectId: project.id, title: `Discovery ${tag}`, dueDate: '2031-01-15' });
  await api.post('/tasks', { projectId: project.id, title: `Keyword research ${tag}`, status: 'done' });
  return { manager, account, contact, project };
}

test('a manager schedules a project’s reports, lets a contact receive them, sends this week’s report from the project page, and sets a contract’s term and renewal', async ({
  page,
  browser,
}) => {
  const tag = unique();
  const { manager, account, contact, project } = await clientWithProject(page, tag);
  const mgr = await signedInPage(browser, manager.email);

  // The schedule: weekly, on Fridays at 17:00, with the budget shown.
  await mgr.goto(`/projects/${project.id}/edit`);
  await mgr.getByLabel('Status report', { exact: true }).selectOption('weekly');
  await mgr.getByLabel('Day of the week').selectOption({ label: 'Friday' });
  await mgr.getByLabel('Hour').selectOption({ label: '17:00' });
  await mgr.getByLabel('Show the budget and how much of it is used in status reports').check();
  await mgr.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: project.name })).toBeVisible();
  await expect(mgr.getByText('Weekly, Friday at 17:00')).toBeVisible();

  // Nobody receives reports yet: the dialog says so and offers a draft only.
  await mgr.getByRole('button', { name: 'Send status report' }).click();
  let dialog = mgr.getByRole('dialog', { name: `Status report of ${project.name}` });
  await expect(dialog.getByText(`Discovery ${tag}`)).toBeVisible();
  await expect(dialog.getByText('No contact of this client receives status reports.', { exact: false })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Ann receives them, in Russian.
  await mgr.goto(`/contacts/${contact.id}/edit`);
  await mgr.getByLabel('Receives status reports').check();
  await mgr.getByLabel('Reads in').selectOption({ label: 'Russian' });
  await mgr.getByRole('button', { name: 'Save' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Ann Reader' })).toBeVisible();

  // This week's report: the work done today, the budget, and Ann as its reader.
  await mgr.goto(`/projects/${project.id}`);
  await mgr.getByRole('button', { name: 'Send status report' }).click();
  dialog = mgr.getByRole('dialog', { name: `Status report of ${project.name}` });
  await dialog.getByLabel('Period from').fill(isoDay(-6));
  await dialog.getByLabel('Period to').fill(isoDay());
  await expect(dialog.getByText(new RegExp(`Keyword research ${tag} — done`))).toBeVisible();
  await expect(dialog.getByText(/Budget €10,000\.00, used/)).toBeVisible();
  await expect(dialog.getByText(`Ann Reader <ann.${tag}@example.test>, in Russian`)).toBeVisible();
  await expectAccessible(mgr);
  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(mgr.getByText('Status report sent to 1 contact')).toBeVisible();
  await expect(dialog).toBeHidden();
  const documents = mgr.getByRole('region', { name: 'Documents' });
  await expect(documents.getByRole('row').filter({ hasText: 'Status report' })).toContainText('Sent');

  // A contract whose end comes before its start is refused on the field; then its term and renewal are saved.
  await mgr.goto(`/documents/new?accountId=${account.id}`);
  await mgr.getByLabel('Starts on').fill('2031-01-01');
  await mgr.getByLabel('Ends on').fill('2030-12-31');
  await mgr.getByRole('button', { name: 'Save draft' }).click();
  await expect(mgr.getByText('The contract must end after it starts')).toBeVisible();
  await mgr.getByLabel('Ends on').fill('2031-12-31');
  await mgr.getByLabel('When it ends').selectOption({ label: 'Renews automatically unless either party objects' });
  await mgr.getByLabel('Renewal terms').fill('For twelve months at a time');
  await expectAccessible(mgr);
  await mgr.getByRole('button', { name: 'Save draft' }).click();
  await expect(mgr.getByRole('heading', { level: 1, name: 'Contract' })).toBeVisible();
  await expect(mgr.getByText('Renews automatically unless either party objects')).toBeVisible();
  await expect(mgr.getByText('For twelve months at a time')).toBeVisible();
  await mgr.context().close();
});

test.describe('status reports and contract terms have no critical or serious accessibility violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the schedule, the report dialog and the contract form in the ${scheme} theme, in English and Russian`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript((s) => localStorage.setItem('liaison.color-scheme', s), scheme);
      const api = apiAs(page.request);
      const tag = unique();
      const { account, contact, project } = await clientWithProject(page, tag);
      await api.patch(`/contacts/${contact.id}`, { receivesReports: true }, contact.version);
      for (const language of ['en', 'ru'] as const) {
        const me = await api.get<{ user: { id: string; version: number } }>('/auth/me');
        await api.patch(`/users/${me.user.id}`, { language }, me.user.version);
        await page.goto(`/projects/${project.id}/edit`);
        await page.getByLabel(language === 'en' ? 'Status report' : 'Отчёт о статусе', { exact: true }).selectOption('monthly');
        await expect(page.getByLabel(language === 'en' ? 'Day of the month' : 'Число месяца')).toBeVisible();
        await expectAccessible(page);
        await page.goto(`/projects/${project.id}`);
        await page.getByRole('button', { name: language === 'en' ? 'Send status report' : 'Отправить отчёт о статусе' }).click();
        const dialog = page.getByRole('dialog');
        await expect(dialog.getByText(`Discovery ${tag}`)).toBeVisible();
        await expectAccessible(page);
        await page.goto(`/documents/new?accountId=${account.id}`);
        await expect(page.getByLabel(language === 'en' ? 'Ends on' : 'Действует по')).toBeVisible();
        await expectAccessible(page);
      }
      const me = await api.get<{ user: { id: string; version: number } }>('/auth/me');
      await api.patch(`/users/${me.user.id}`, { language: 'en' }, me.user.version);
    });
  }
});
