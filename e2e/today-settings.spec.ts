/**
 * Settings → Today: an admin reaches the page from the menu, is told why a wait of no days is
 * refused, shortens the cadence of paused accounts and stops it for prospects, and finds the
 * change kept. The original settings are put back for the other journeys on this server.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './fixtures';

test('an admin sets how long accounts and the client may wait before they are on Today', async ({ page, request }) => {
  const before = await (await request.get('/api/v1/settings/today')).json();
  try {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Today settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today settings' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Today settings' });
    await expect(form.getByRole('group', { name: 'Contact cadence (days)' })).toBeVisible();

    const wait = form.getByRole('textbox', { name: 'Client wait (days)' });
    await wait.fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('At least 1\u00a0day')).toBeVisible();

    await wait.fill('7');
    await form.getByRole('textbox', { name: 'Paused' }).fill('21');
    await form.getByRole('textbox', { name: 'Prospect' }).fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Today settings saved')).toBeVisible();
    await expectAccessible(page);

    await page.reload();
    await expect(form.getByRole('textbox', { name: 'Client wait (days)' })).toHaveValue('7');
    await expect(form.getByRole('textbox', { name: 'Prospect' })).toHaveValue('');
    const saved = await (await request.get('/api/v1/settings/today')).json();
    expect(saved).toMatchObject({ clientWaitDays: 7, contactCadenceDays: { paused: 21, prospect: null } });
  } finally {
    expect((await request.put('/api/v1/settings/today', { data: before })).status()).toBe(200);
  }
});
