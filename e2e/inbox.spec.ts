/**
 * The bell, on a phone and a desktop: a manager given an account and written to by its client
 * sees the unread count, opens the client's message from the list (its record opens, the count
 * drops), marks all read, and chooses what the digest holds and when; axe clean in both
 * languages.
 */
import { test, expect, type Page } from '@playwright/test';
import { apiAs, expectAccessible, signedInPage, unique } from './fixtures';

/** A manager given a new client company by the admin, and a message its client wrote to them. */
async function setUp(page: Page, browser: Parameters<typeof signedInPage>[0]) {
  const api = apiAs(page.request);
  const tag = unique();
  const manager = await api.createUser('account_manager', `Bell Manager ${tag}`);
  const account = await api.createAccount(`Bell Client ${tag}`, { ownerId: manager.id });
  const contact = await api.createContact(account.id, 'Cleo');
  const client = await api.createUser('client', `Cleo Client ${tag}`, { contactId: contact.id });
  const clientPage = await signedInPage(browser, client.email);
  await apiAs(clientPage.request).post('/messages', { body: `Is the plan ready? ${tag}` });
  await clientPage.context().close();
  return { manager, account, tag };
}

for (const [name, viewport] of [
  ['phone', { width: 375, height: 812 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  test(`${name}: the manager reads the bell, opens a client's message, marks all read and chooses the digest`, async ({
    page,
    browser,
  }) => {
    const { manager, account, tag } = await setUp(page, browser);
    const me = await signedInPage(browser, manager.email);
    await me.setViewportSize(viewport);

    const bell = me.getByTestId('inbox-bell');
    await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
    await bell.click();
    const list = me.getByTestId('inbox-list');
    await expect(list.getByTestId('inbox-notice')).toHaveCount(2);
    await expect(list).toContainText(`You now manage ${account.name}`);
    await expectAccessible(me);
    await list.getByRole('button', { name: new RegExp(`Is the plan ready\\? ${tag}`) }).click();
    await expect(me).toHaveURL(new RegExp(`/accounts/${account.id}\\?tab=requests`));
    await expect(bell).toHaveAccessibleName('Notifications, 1 unread');

    await bell.click();
    await list.getByRole('button', { name: 'Mark all read' }).click();
    await expect(bell).toHaveAccessibleName('Notifications');
    await expect(list.getByTestId('inbox-notice').first()).toHaveAttribute('data-read', 'true');
    await list.getByRole('link', { name: 'Notification settings' }).click();

    await expect(me.getByRole('heading', { level: 1, name: 'Notification settings' })).toBeVisible();
    const clientDigest = me.getByRole('switch', { name: 'Client messages in the morning digest' });
    await expect(clientDigest).toBeChecked();
    // By keyboard, as the switch is made to be used.
    await clientDigest.focus();
    await me.keyboard.press('Space');
    await expect(clientDigest).not.toBeChecked();
    await me.getByRole('combobox', { name: 'Digest hour' }).click();
    await me.getByRole('option', { name: '07:00' }).click();
    await expect(me.getByRole('combobox', { name: 'Digest hour' })).toHaveValue('07:00');
    await expectAccessible(me);
    await me.reload();
    await expect(me.getByRole('switch', { name: 'Client messages in the morning digest' })).not.toBeChecked();
    await expect(me.getByRole('combobox', { name: 'Digest hour' })).toHaveValue('07:00');

    // In Russian: the same page and the bell's list, in Russian words.
    await me.getByTestId('language-switch').first().selectOption('ru');
    await expect(me.getByRole('heading', { level: 1, name: 'Настройки уведомлений' })).toBeVisible();
    await expect(me.getByRole('switch', { name: 'Сообщения клиентов в утренней сводке' })).not.toBeChecked();
    await expectAccessible(me);
    await me.getByTestId('inbox-bell').click();
    await expect(me.getByTestId('inbox-list')).toContainText(`Теперь вы ведёте клиента ${account.name}`);
    await expectAccessible(me);
    await me.context().close();
  });
}
