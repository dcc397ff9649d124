/**
 * Satisfaction surveys: a manager sends an NPS survey from the account page; the client answers 4
 * from the emailed link without signing in; the owner is emailed at once and finds the answer and
 * the follow-up next step on the account. The used and forged links say so. The public page is axe
 * clean. Emails must really go out, so this runs against a server of its own with an SMTP sink.
 */
import { test, expect } from '@playwright/test';
import { apiAs, expectAccessible, PASSWORD, unique } from './fixtures';
import { useMailingServer } from './mailing-server';

const ADMIN = { email: 'surveys.admin@example.test', password: 'Amber-Survey-Harbour-83' };

test.describe.configure({ mode: 'serial' });

const server = useMailingServer('liaison-surveys-', ADMIN);

async function managerWithContact() {
  const tag = unique();
  const context = await server.adminContext();
  const api = apiAs(context);
  const manager = await api.createUser('account_manager', `Sara Manager ${tag}`);
  const account = await api.createAccount(`Survey Client ${tag}`, { ownerId: manager.id, status: 'active' });
  const email = `nina.${tag}@client.test`;
  await api.createContact(account.id, 'Nina', { lastName: 'Client', email });
  await context.dispose();
  return { manager, account, contact: { email } };
}

test('a client answers an NPS of 4 from the emailed link; the owner is alerted and has a next step', async ({ browser }) => {
  const { manager, account, contact } = await managerWithContact();
  const mgr = await server.signedIn(browser, manager.email, PASSWORD);
  await mgr.goto(`/accounts/${account.id}?tab=surveys`);
  await expect(mgr.getByText('No surveys sent to this account yet.')).toBeVisible();
  await mgr.getByRole('button', { name: 'Send survey' }).click();
  await mgr.getByRole('combobox', { name: 'Contact' }).click();
  await mgr.getByRole('option', { name: new RegExp(contact.email) }).click();
  await mgr.getByRole('button', { name: 'Send now' }).click();
  await expect(mgr.getByTestId('survey-row')).toContainText('Waiting');

  const link = await server.matchEmailedTo(contact.email, /https?:\/\/\S+\/s\/[\w-]+/);
  expect(link.startsWith(`${server.baseURL()}/s/`)).toBe(true);
  const client = await server.visitor(browser, { width: 375, height: 812 });
  await client.goto(link);
  await expect(client.getByRole('radiogroup', { name: /How likely are you to recommend/ })).toBeVisible();
  await expectAccessible(client);
  // The scores are one radio group: the arrow keys move between them.
  await client.getByRole('radio', { name: '0', exact: true }).focus();
  for (let i = 0; i < 4; i++) await client.keyboard.press('ArrowRight');
  await expect(client.getByRole('radio', { name: '4', exact: true })).toBeChecked();
  await client.getByRole('textbox', { name: /main reason/ }).fill('Deadlines keep slipping');
  await client.getByRole('button', { name: 'Send my answer' }).click();
  await expect(client.getByTestId('survey-thanks')).toBeVisible();

  await client.goto(link);
  await expect(client.getByRole('heading', { level: 1, name: 'Already answered' })).toBeVisible();
  await expectAccessible(client);
  await client.goto('/s/not-a-real-token-at-all');
  await expect(client.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();

  expect(await server.matchEmailedTo(manager.email, /NPS 4/)).toBe('NPS 4');
  await mgr.reload();
  await expect(mgr.getByTestId('survey-row')).toContainText('Answered');
  await expect(mgr.getByTestId('survey-row')).toContainText('4 (low)');
  await expect(mgr.getByTestId('survey-row')).toContainText('Deadlines keep slipping');
  await mgr.goto(`/accounts/${account.id}?tab=next-steps`);
  await expect(mgr.getByText('Call Nina Client about their NPS score of 4')).toBeVisible();
});

test('an admin sets the throttle and the follow-up; a Russian contact is asked in Russian', async ({ browser }) => {
  const admin = await server.signedIn(browser, ADMIN.email, ADMIN.password);
  await admin.goto('/settings/surveys');
  await admin.getByRole('textbox', { name: 'Ask a contact at most once in (days)' }).fill('45');
  await admin.getByRole('radio', { name: 'Open a claim draft' }).check();
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByText('Survey settings saved')).toBeVisible();
  await expectAccessible(admin);

  const context = await server.adminContext();
  expect((await (await context.get('/api/v1/settings/surveys')).json()).throttleDays).toBe(45);
  const account = await (await context.post('/api/v1/accounts', { data: { name: `Клиент ${unique()}` } })).json();
  const email = `olga.${unique()}@client.test`;
  const contact = await (
    await context.post('/api/v1/contacts', { data: { accountId: account.id, firstName: 'Ольга', email, language: 'ru' } })
  ).json();
  expect((await context.post('/api/v1/surveys', { data: { accountId: account.id, contactId: contact.id, kind: 'csat' } })).status()).toBe(
    201,
  );
  await context.dispose();
  const link = await server.matchEmailedTo(email, /https?:\/\/\S+\/s\/[\w-]+/);
  const client = await server.visitor(browser, { width: 375, height: 812 });
  await client.goto(link);
  await expect(client.getByRole('radiogroup', { name: /Насколько вы довольны/ })).toBeVisible();
  await expect(client.getByRole('button', { name: 'Отправить ответ' })).toBeVisible();
  await expectAccessible(client);
});
