/**
 * The email dropbox: mail from an unknown sender copied to the admin's BCC address lands in
 * Unmatched mail; the admin reads it, files it on an account with the account picker, and finds
 * it on the account's timeline with its attachment; axe clean.
 */
import { test, expect } from '@playwright/test';
import { createTransport } from 'nodemailer';
import { apiAs, expectAccessible, unique } from './fixtures';

test('a mail from an unknown sender is filed from Unmatched mail onto an account’s timeline', async ({ page }) => {
  const api = apiAs(page.request);
  const tag = unique();
  const account = await api.createAccount(`Dropbox Client ${tag}`);
  const { address } = await api.get<{ address: string }>('/me/dropbox');
  await createTransport({ host: '127.0.0.1', port: Number(process.env.E2E_INBOUND_SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
    from: `Newcomer <newcomer.${tag}@nowhere.test>`,
    to: address,
    subject: `Request for a quote ${tag}`,
    text: 'Could you send us a quote for the redesign?',
    attachments: [{ filename: 'brief.txt', content: 'The brief' }],
  });

  await page.goto('/mail/unmatched');
  await expect(page.getByRole('heading', { name: 'Unmatched mail', level: 1 })).toBeVisible();
  await expect(page.getByTestId('dropbox-address').getByText(address)).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`Request for a quote ${tag}`) }).click();
  await expect(page.getByText('Could you send us a quote for the redesign?')).toBeVisible();
  await expect(page.getByRole('link', { name: 'brief.txt' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'File to an account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Account' }).fill(`Dropbox Client ${tag}`);
  await page.getByRole('option', { name: `Dropbox Client ${tag}` }).click();
  await dialog.getByRole('button', { name: 'File', exact: true }).click();
  await expect(page.getByText('The mail is logged on the account', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`Request for a quote ${tag}`) })).toHaveCount(0);

  await page.goto(`/accounts/${account.id}`);
  const logged = page.getByTestId('interaction').filter({ hasText: `Request for a quote ${tag}` });
  await logged.getByRole('button', { name: 'Received message' }).click();
  const received = page.getByRole('dialog', { name: 'The received message' });
  await expect(received.getByText(`From: Newcomer <newcomer.${tag}@nowhere.test>`)).toBeVisible();
  await expect(received.getByRole('link', { name: 'brief.txt' })).toHaveAttribute('href', /\/api\/v1\/dropbox\/emails\/.+\/attachments\//);
});
