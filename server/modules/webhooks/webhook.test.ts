import { Webhook as Verifier } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InboxPage } from '../../../common/schemas/inbox.js';
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookDeliveryPage, type WebhookWithSecret } from '../../../common/schemas/webhook.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createInteraction, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startReceiver, type Receiver } from '../../test/webhook-fixtures.js';
import { LOG_RETENTION_MS, RETRY_DELAYS_MS } from './webhook.dispatcher.js';
import { WEBHOOK_DELIVERY_JOB, WEBHOOK_OVERDUE_JOB, WEBHOOK_PRUNE_JOB } from './index.js';

/**
 * Webhooks end to end on a local receiver: admins subscribe, changes write events with their
 * own transaction, the job sends them signed (two signatures while a rotation lasts), retries
 * failures by the fixed clock, and turns a subscription off with an alert when retries run out.
 */
let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  receiver = await startReceiver();
  // The receiver listens on 127.0.0.1: allowed explicitly, as an on-premise target would be.
  const res = await t.admin.patch('/api/v1/settings/webhooks', { allowedPrivateHosts: ['127.0.0.1'] });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const subscribe = async (eventTypes: string[], url = receiver.url): Promise<WebhookWithSecret> => {
  t.clock.advance(1000); // after the events of earlier tests, which it does not receive
  const res = await t.admin.post('/api/v1/webhooks', { url, eventTypes, description: 'CRM sync' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const remove = async (id: string) => expect((await t.admin.delete(`/api/v1/webhooks/${id}`)).statusCode).toBe(204);
const deliveriesOf = async (id: string): Promise<WebhookDeliveryPage> => {
  const res = await t.admin.get(`/api/v1/webhooks/${id}/deliveries`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const dueKey = () =>
  t.app.services.jobs
    .definitions()
    .find((d) => d.name === WEBHOOK_DELIVERY_JOB)!
    .dueKey(t.clock.now());
/** One run of the delivery job at the runner's next tick (a job runs once per period). */
const runJob = async () => {
  t.clock.advance(5_000);
  const key = await dueKey();
  if (!key) return null;
  const outcome = await t.app.services.jobs.run(WEBHOOK_DELIVERY_JOB, key);
  expect(outcome.status).toBe('done');
  return outcome;
};
/** Standard Webhooks verification at the fixed clock's time (the check refuses old timestamps). */
const verify = (secret: string, r: { headers: Record<string, unknown>; body: string }) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(t.clock.now());
  try {
    return new Verifier(secret).verify(r.body, r.headers as Record<string, string>);
  } finally {
    vi.useRealTimers();
  }
};
const eventsOfType = (type: string) => t.database.db.selectFrom('webhook_events').selectAll().where('type', '=', type).execute();

describe('subscriptions', () => {
  it('admins only: others are refused', async () => {
    const manager: Caller = await t.signIn('account_manager');
    expectProblem(await manager.get('/api/v1/webhooks'), 403);
    expectProblem(await manager.post('/api/v1/webhooks', { url: 'https://example.com/h', eventTypes: ['account.created'] }), 403);
    expectProblem(await manager.patch('/api/v1/settings/webhooks', { allowedPrivateHosts: ['intranet'] }), 403);
  });

  it('the secret is answered on create and never again; bad input is a 400 naming the field', async () => {
    const created = await subscribe(['account.created']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const read = await t.admin.get(`/api/v1/webhooks/${created.id}`);
    expect(read.json()).not.toHaveProperty('secret');
    expect((await t.admin.get('/api/v1/webhooks')).body).not.toContain(created.secret);
    expectProblem(await t.admin.post('/api/v1/webhooks', { url: 'https://example.com/h', eventTypes: [] }), 400, 'eventTypes');
    expectProblem(await t.admin.post('/api/v1/webhooks', { url: 'https://example.com/h', eventTypes: ['account.deleted'] }), 400);
    const scheme = expectProblem(
      await t.admin.post('/api/v1/webhooks', { url: 'ftp://example.com/h', eventTypes: ['account.created'] }),
      400,
      'url',
    );
    expect(scheme.code).toBe('webhooks.url_scheme');
    const creds = expectProblem(
      await t.admin.post('/api/v1/webhooks', { url: 'https://user:pw@example.com/h', eventTypes: ['account.created'] }),
      400,
      'url',
    );
    expect(creds.code).toBe('webhooks.url_credentials');
    await remove(created.id);
  });

  it('documents each event type’s payload as a schema of the API document', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
    for (const type of WEBHOOK_EVENT_TYPES) {
      const schema = doc.components.schemas[`WebhookEvent_${type.replace(/\./g, '_')}`];
      expect(schema?.properties.type.enum, type).toEqual([type]);
      expect(schema.required).toEqual(['type', 'version', 'timestamp', 'data']);
    }
    expect(Object.keys(doc.components.schemas).filter((k) => k.startsWith('WebhookEvent_') && k.endsWith('Input'))).toEqual([]);
  });

  it('edits event types, turns off and on; an unknown id is 404', async () => {
    const created = await subscribe(['account.created']);
    const res = await t.admin.patch(`/api/v1/webhooks/${created.id}`, { eventTypes: ['deal.won', 'deal.lost'], enabled: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Webhook>()).toMatchObject({ eventTypes: ['deal.won', 'deal.lost'], enabled: false, version: 2 });
    expectProblem(await t.admin.patch(`/api/v1/webhooks/${created.id}`, { enabled: true }, { 'if-match': '"1"' }), 412);
    expectProblem(await t.admin.get('/api/v1/webhooks/nope'), 404);
    await remove(created.id);
  });
});

describe('the outbox', () => {
  it('writes the event in the change’s transaction, and none when the change rolls back', async () => {
    const sub = await subscribe(['account.created', 'account.updated', 'interaction.logged']);
    const account = await t.createAccount(t.admin, { name: 'Outbox Ltd' });
    expect((await eventsOfType('account.created')).map((e) => JSON.parse(e.payload))).toContainEqual({
      type: 'account.created',
      version: 1,
      timestamp: t.clock.now().toISOString(),
      data: { accountId: account.id, actorId: t.admin.user.id, name: 'Outbox Ltd' },
    });
    expect((await t.admin.patch(`/api/v1/accounts/${account.id}`, { name: 'Outbox Group' })).statusCode).toBe(200);
    const [updated] = (await eventsOfType('account.updated')).map((e) => JSON.parse(e.payload));
    expect(updated.data).toMatchObject({ accountId: account.id, name: 'Outbox Group', version: 2 });
    const interaction = await createInteraction(t.admin, account.id, { summary: 'Kick-off call' });
    const [logged] = (await eventsOfType('interaction.logged')).map((e) => JSON.parse(e.payload));
    expect(logged.data).toMatchObject({ interactionId: interaction.id, accountId: account.id, summary: 'Kick-off call', type: 'call' });

    const before = (await eventsOfType('account.created')).length;
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await t.app.services.timeline.recordEvent(trx, {
          accountId: account.id,
          kind: 'account_created',
          actorId: null,
          occurredAt: t.clock.now().toISOString(),
          data: { name: 'Never' },
        });
        expect((await trx.selectFrom('webhook_events').select('id').where('type', '=', 'account.created').execute()).length).toBe(
          before + 1,
        );
        throw new Error('the change fails after its event');
      }),
    ).rejects.toThrow('the change fails');
    expect((await eventsOfType('account.created')).length).toBe(before);
    await remove(sub.id);
  });
});

describe('delivery', () => {
  it('signs per Standard Webhooks; during a rotation both secrets verify', async () => {
    const sub = await subscribe(['account.created']);
    receiver.received.length = 0;
    const account = await t.createAccount(t.admin, { name: 'Signed Inc' });
    await runJob();
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0];
    expect(verify(sub.secret, first)).toMatchObject({ type: 'account.created', data: { accountId: account.id } });
    expect(first.headers['webhook-id']).toMatch(/^msg_/);
    expect(first.headers['webhook-timestamp']).toBe(String(Math.floor(t.clock.now().getTime() / 1000)));
    expect(() => verify('whsec_' + Buffer.alloc(24, 1).toString('base64'), first)).toThrow();

    const rotated = (await t.admin.post(`/api/v1/webhooks/${sub.id}/rotate-secret`)).json<WebhookWithSecret>();
    expect(rotated.secret).not.toBe(sub.secret);
    expect(rotated.previousSecretUntil).toBe(new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString());
    t.clock.advance(60_000);
    await t.createAccount(t.admin, { name: 'Rotating Inc' });
    await runJob();
    const during = receiver.received[1];
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotated.secret, during)).toMatchObject({ data: { name: 'Rotating Inc' } });
    expect(verify(sub.secret, during)).toMatchObject({ data: { name: 'Rotating Inc' } });

    t.clock.advance(24 * 3600_000);
    await t.createAccount(t.admin, { name: 'Rotated Inc' });
    await runJob();
    const after = receiver.received[2];
    expect(verify(rotated.secret, after)).toMatchObject({ data: { name: 'Rotated Inc' } });
    expect(() => verify(sub.secret, after)).toThrow();
    await remove(sub.id);
  });

  it('retries a failing receiver with backoff by the clock until it answers 2xx, with the same webhook-id', async () => {
    const sub = await subscribe(['account.created']);
    receiver.received.length = 0;
    receiver.plan(500, 503);
    await t.createAccount(t.admin, { name: 'Retry Co' });
    await runJob();
    let [delivery] = (await deliveriesOf(sub.id)).items;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, responseCode: 500, responseExcerpt: 'failed with 500' });
    expect(delivery.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + RETRY_DELAYS_MS[0]).toISOString());
    expect(await dueKey()).toBeNull(); // nothing due before the delay
    t.clock.advance(RETRY_DELAYS_MS[0]);
    await runJob();
    [delivery] = (await deliveriesOf(sub.id)).items;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, responseCode: 503 });
    t.clock.advance(RETRY_DELAYS_MS[1]);
    await runJob();
    [delivery] = (await deliveriesOf(sub.id)).items;
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, responseCode: 200, responseExcerpt: 'thanks', nextAttemptAt: null });
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(receiver.received).toHaveLength(3);
    await remove(sub.id);
  });

  it('turns the subscription off after the last retry fails and tells the admins', async () => {
    const sub = await subscribe(['account.created']);
    receiver.received.length = 0;
    receiver.plan(...Array(RETRY_DELAYS_MS.length + 1).fill(500));
    await t.createAccount(t.admin, { name: 'Never Answers' });
    await runJob();
    for (const delay of RETRY_DELAYS_MS) {
      t.clock.advance(delay);
      await runJob();
    }
    expect(receiver.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
    const [delivery] = (await deliveriesOf(sub.id)).items;
    expect(delivery).toMatchObject({ status: 'failed', attempts: RETRY_DELAYS_MS.length + 1, nextAttemptAt: null });
    const off = (await t.admin.get(`/api/v1/webhooks/${sub.id}`)).json<Webhook>();
    expect(off).toMatchObject({ enabled: false, disabledAt: t.clock.now().toISOString() });
    const inbox = (await t.admin.get('/api/v1/inbox')).json<InboxPage>();
    expect(inbox.items.find((n) => n.kind === 'integration')).toMatchObject({
      text: `The webhook to ${receiver.url} was turned off: its deliveries kept failing for a day`,
      path: '/settings/webhooks',
    });
    // Off: new events are not given to it.
    await t.createAccount(t.admin, { name: 'While Off' });
    await runJob();
    expect(receiver.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
    // Turned on by hand, its failures are behind it; a redelivery sends the event again now.
    const on = await t.admin.patch(`/api/v1/webhooks/${sub.id}`, { enabled: true });
    expect(on.json()).toMatchObject({ enabled: true, disabledAt: null });
    const again = await t.admin.post(`/api/v1/webhooks/deliveries/${delivery.id}/redeliver`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'succeeded', attempts: 1, responseCode: 200, eventId: delivery.eventId });
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(delivery.eventId);
    expect((await deliveriesOf(sub.id)).items).toHaveLength(2);
    await remove(sub.id);
  });

  it('sends a test ping at once and logs it', async () => {
    const sub = await subscribe(['deal.won']);
    receiver.received.length = 0;
    receiver.plan();
    const res = await t.admin.post(`/api/v1/webhooks/${sub.id}/test`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ eventType: 'webhook.ping', status: 'succeeded', responseCode: 200 });
    expect(verify(sub.secret, receiver.received[0])).toMatchObject({ type: 'webhook.ping', version: 1, data: { subscriptionId: sub.id } });
    expect((await deliveriesOf(sub.id)).items.map((d) => d.eventType)).toEqual(['webhook.ping']);
    await remove(sub.id);
  });
});

describe('money events', () => {
  it('an issued invoice, a payment (and the invoice paid when it settles it), and an invoice overdue once, on its first day overdue', async () => {
    const sub = await subscribe(['invoice.issued', 'invoice.paid', 'invoice.overdue', 'payment.recorded']);
    const account = await t.createAccount(t.admin, { name: 'Payer Ltd', paymentTermsDays: 1 });
    const paid = await issuedInvoice(t.admin, account.id);
    const owed = await issuedInvoice(t.admin, account.id);
    await pay(t.admin, paid.id, paid.totalMinor, t.clock.now().toISOString().slice(0, 10));
    const data = async (type: string) => (await eventsOfType(type)).map((e) => JSON.parse(e.payload).data);
    expect((await data('invoice.issued')).map((d) => d.invoiceId)).toEqual([paid.id, owed.id]);
    expect(await data('payment.recorded')).toMatchObject([{ invoiceId: paid.id, amountMinor: paid.totalMinor, fully: true }]);
    expect(await data('invoice.paid')).toMatchObject([{ invoiceId: paid.id, number: paid.number }]);

    const overdueDay = async (day: string) => {
      t.clock.set(`${day}T09:00:00.000Z`);
      const outcome = await t.app.services.jobs.run(WEBHOOK_OVERDUE_JOB, day);
      expect(outcome.status).toBe('done');
    };
    await overdueDay(owed.dueDate!); // due today: not overdue yet
    expect(await data('invoice.overdue')).toEqual([]);
    const next = new Date(Date.parse(`${owed.dueDate!}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await overdueDay(next);
    await overdueDay(new Date(Date.parse(`${next}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    expect(await data('invoice.overdue')).toEqual([
      {
        accountId: account.id,
        actorId: null,
        invoiceId: owed.id,
        number: owed.number,
        currency: owed.currency,
        dueDate: owed.dueDate,
        balanceMinor: owed.totalMinor,
      },
    ]);
    await remove(sub.id);
  });
});

describe('the log', () => {
  it('forgets events sent over 30 days ago with their deliveries, keeping what is still being retried', async () => {
    const sub = await subscribe(['account.created']);
    receiver.plan();
    await t.createAccount(t.admin, { name: 'Old News' });
    await runJob();
    receiver.plan(500);
    await t.createAccount(t.admin, { name: 'Still Retrying' });
    await runJob();
    await t.admin.patch(`/api/v1/webhooks/${sub.id}`, { enabled: false }); // keeps its retry pending
    const statuses = async () =>
      (await t.database.db.selectFrom('webhook_deliveries').select('status').where('subscription_id', '=', sub.id).execute())
        .map((d) => d.status)
        .sort();
    expect(await statuses()).toEqual(['pending', 'succeeded']);
    t.clock.advance(LOG_RETENTION_MS + 60_000);
    const day = t.clock.now().toISOString().slice(0, 10);
    const outcome = await t.app.services.jobs.run(WEBHOOK_PRUNE_JOB, day);
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await statuses()).toEqual(['pending']);
    expect(await t.database.db.selectFrom('webhook_events').select('id').where('fanned_out_at', 'is', null).execute()).toEqual([]);
  });
});
