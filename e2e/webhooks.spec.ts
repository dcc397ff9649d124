/**
 * Webhooks: an admin adds a webhook on Settings → Webhooks, copies its secret (shown once),
 * sends a test and sees the delivery in the log; the local receiver verifies the signature.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { apiAs, expectAccessible, unique } from './fixtures';

test('an admin creates a webhook, sees its secret once, sends a test and reads the delivery', async ({ page, request }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${unique()}`;
  const api = apiAs(request);
  // The receiver runs on this machine: a private host an admin allows, as for an on-premise target.
  await request.patch('/api/v1/settings/webhooks', { data: { allowedPrivateHosts: ['127.0.0.1'] } });
  try {
    await page.goto('/settings/webhooks');
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Allowed private hosts' })).toContainText('127.0.0.1');

    await page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(url);
    await dialog.getByRole('checkbox', { name: /Deal won/ }).check();
    await dialog.getByRole('button', { name: 'Create' }).click();

    const secretDialog = page.getByRole('dialog', { name: 'Signing secret' });
    const secret = (await secretDialog.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText(secret)).toHaveCount(0);

    const row = page.getByTestId('webhook-row').filter({ hasText: url });
    await expect(row).toContainText('Deal won');
    await expect(row).toContainText('On');
    await row.getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByText('The test ping was delivered')).toBeVisible();
    const delivery = page.getByTestId('delivery-row').first();
    await expect(delivery).toContainText('webhook.ping');
    await expect(delivery).toContainText('Delivered');
    await expect(delivery).toContainText('200');
    await expect(delivery).toContainText('received');
    await expectAccessible(page);

    expect(received).toHaveLength(1);
    expect(new Webhook(secret).verify(received[0].body, received[0].headers as Record<string, string>)).toMatchObject({
      type: 'webhook.ping',
      version: 1,
    });
    const [created] = (await api.get<{ items: { id: string; url: string }[] }>('/webhooks')).items.filter((w) => w.url === url);
    await request.delete(`/api/v1/webhooks/${created.id}`);
  } finally {
    await request.patch('/api/v1/settings/webhooks', { data: { allowedPrivateHosts: [] } });
    receiver.close();
  }
});
