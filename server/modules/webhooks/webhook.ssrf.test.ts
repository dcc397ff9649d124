import http from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookWithSecret } from '../../../common/schemas/webhook.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { startReceiver, type Receiver } from '../../test/webhook-fixtures.js';
import { postWebhook } from './webhook.sender.js';

/**
 * SSRF: a webhook never reaches this host, a private network or a metadata address — refused
 * on save when the URL names such an address, and at connect time by the address actually
 * connected to (a name resolving there, a URL saved while its host was allowed, a redirect).
 */
let t: TestApp;
let receiver: Receiver;
let port: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  receiver = await startReceiver();
  port = new URL(receiver.url).port;
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const allow = async (...hosts: string[]) =>
  expect((await t.admin.patch('/api/v1/settings/webhooks', { allowedPrivateHosts: hosts })).statusCode).toBe(200);
const create = (url: string) => t.admin.post('/api/v1/webhooks', { url, eventTypes: ['account.created'] });
const ping = async (id: string): Promise<WebhookDelivery> => {
  const res = await t.admin.post(`/api/v1/webhooks/${id}/test`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Private targets, with the host as the URL parser writes it (what `allowedPrivateHosts` names). */
const TARGETS = () => [
  { url: `http://127.0.0.1:${port}/hooks`, host: '127.0.0.1' },
  { url: 'http://10.0.0.1/hooks', host: '10.0.0.1' },
  { url: `http://[::1]:${port}/hooks`, host: '::1' },
  { url: `http://[::ffff:127.0.0.1]:${port}/hooks`, host: '::ffff:7f00:1' },
  { url: `http://0.0.0.0:${port}/hooks`, host: '0.0.0.0' },
  { url: 'http://169.254.169.254/latest/meta-data/', host: '169.254.169.254' },
  { url: `http://localhost:${port}/hooks`, host: 'localhost' },
];

describe('on save', () => {
  it('refuses URLs naming private, loopback, link-local, CGNAT and metadata addresses with a 400 naming the rule', async () => {
    for (const { url, host } of [
      ...TARGETS(),
      { url: 'http://100.64.0.1/h', host: '100.64.0.1' },
      { url: 'https://[fc00::1]/h', host: 'fc00::1' },
    ]) {
      const problem = expectProblem(await create(url), 400, 'url');
      expect(problem.code, url).toBe('webhooks.url_private');
      expect(problem.detail).toContain(host);
    }
    expect(await t.database.db.selectFrom('webhook_subscriptions').select('id').execute()).toEqual([]);
  });

  it('lets a host an admin allowed through', async () => {
    await allow('127.0.0.1');
    expect((await create(`http://127.0.0.1:${port}/hooks`)).statusCode).toBe(201);
    await allow();
  });
});

describe('at connect time', () => {
  it('refuses every private address a saved URL reaches once its host is no longer allowed, sending nothing', async () => {
    const targets = TARGETS();
    await allow(...targets.map((x) => x.host));
    const subs: WebhookWithSecret[] = [];
    for (const { url } of targets) {
      const res = await create(url);
      expect(res.statusCode, res.body).toBe(201);
      subs.push(res.json());
    }
    await allow();
    receiver.received.length = 0;
    for (const [i, sub] of subs.entries()) {
      const delivery = await ping(sub.id);
      expect(delivery, targets[i].url).toMatchObject({ status: 'failed', responseCode: null });
      expect(delivery.error, targets[i].url).toMatch(/is not allowed/);
    }
    expect(receiver.received).toEqual([]);
  });

  it('refuses a name that resolves to a loopback address', async () => {
    const resolvesToLoopback: LookupFunction = (_host, options, callback) => {
      if (typeof options === 'object' && options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    };
    const refused = await postWebhook(`http://hooks.example.test:${port}/hooks`, {}, '{}', {
      allowPrivate: false,
      lookup: resolvesToLoopback,
    });
    expect(refused).toMatchObject({ ok: false, status: null });
    expect(refused.error).toMatch(/127\.0\.0\.1.*is not allowed/);
    // The same name allowed by an admin reaches the receiver: the refusal above was the address check.
    const allowed = await postWebhook(`http://hooks.example.test:${port}/hooks`, {}, '{}', {
      allowPrivate: true,
      lookup: resolvesToLoopback,
    });
    expect(allowed).toMatchObject({ ok: true, status: 200 });
  });

  it('does not follow a redirect to a private address: the 3xx fails the delivery', async () => {
    await allow('127.0.0.1');
    const sub = (await create(`http://127.0.0.1:${port}/hooks`)).json<WebhookWithSecret>();
    receiver.received.length = 0;
    receiver.redirectTo('http://169.254.169.254/latest/meta-data/');
    try {
      const delivery = await ping(sub.id);
      expect(delivery).toMatchObject({ status: 'failed', responseCode: 302, error: 'redirect not followed' });
      expect(receiver.received).toHaveLength(1);
    } finally {
      receiver.redirectTo(null);
    }
  });

  it('gives up on a receiver that does not answer in time, and keeps only the start of a long answer', async () => {
    const silent = http.createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const slow = await postWebhook(silentUrl, {}, '{}', { allowPrivate: true, timeoutMs: 200 });
    silent.closeAllConnections();
    silent.close();
    expect(slow).toMatchObject({ ok: false, status: null, error: 'timed out' });
    expect(slow.durationMs).toBeLessThan(5_000);
    const short = await postWebhook(receiver.url, {}, '{}', { allowPrivate: true, maxBytes: 3 });
    expect(short).toMatchObject({ ok: true, excerpt: 'tha' });
  });
});
