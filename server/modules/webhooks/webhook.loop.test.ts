import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookWithSecret } from '../../../common/schemas/webhook.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { startReceiver, type Receiver } from '../../test/webhook-fixtures.js';
import { RETRY_DELAYS_MS } from './webhook.dispatcher.js';
import { WEBHOOK_DELIVERY_JOB, type DeliveryLoop } from './index.js';

/**
 * The delivery loop, started as the server starts it: a change's events go out once it commits,
 * with no job run; retries keep their schedule by the fixed clock; rounds running together
 * (loop and job, or two instances) send each attempt once. No sleeps: the test waits for the
 * loop's round to end, and wakes it by hand where the timer would.
 */
let t: TestApp;
let receiver: Receiver;
let loop: DeliveryLoop;
let sub: WebhookWithSecret;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  receiver = await startReceiver();
  expect((await t.admin.patch('/api/v1/settings/webhooks', { allowedPrivateHosts: ['127.0.0.1'] })).statusCode).toBe(200);
  const res = await t.admin.post('/api/v1/webhooks', { url: receiver.url, eventTypes: ['account.created'] });
  expect(res.statusCode, res.body).toBe(201);
  sub = res.json();
  loop = t.app.services.webhookDeliveryLoop;
  loop.start();
  await loop.idle();
  t.clock.advance(1000); // the subscription receives what happens after its creation
});
afterAll(async () => {
  await t.close(); // stops the loop
  await receiver.close();
});

const deliveries = async () =>
  (await t.admin.get(`/api/v1/webhooks/${sub.id}/deliveries`)).json().items as { status: string; attempts: number }[];
const namesSent = () => receiver.received.map((r) => (JSON.parse(r.body) as { data: { name: string } }).data.name);

describe('the delivery loop', () => {
  it('sends a change’s event as soon as it commits, without waiting for the job', async () => {
    await t.createAccount(t.admin, { name: 'Prompt Ltd' });
    await loop.idle();
    expect(namesSent()).toEqual(['Prompt Ltd']);
    expect(await deliveries()).toMatchObject([{ status: 'succeeded', attempts: 1 }]);
    expect(await t.app.services.webhookDispatcher.run()).toEqual({ events: 0, sent: 0, failed: 0 }); // nothing left for the job
  });

  it('sends nothing for a change rolled back after it woke the loop', async () => {
    const failed = t.database.db.transaction().execute(async (trx) => {
      await t.app.services.webhookEvents.record(trx, [
        {
          type: 'account.created',
          occurredAt: t.clock.now().toISOString(),
          data: { accountId: 'gone', actorId: t.admin.user.id, name: 'Rolled Back' },
        },
      ]);
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    await loop.idle();
    expect(namesSent()).not.toContain('Rolled Back');
  });

  it('keeps the retry schedule: the failed first attempt goes again when its delay has passed, not before', async () => {
    receiver.received.length = 0;
    receiver.plan(503);
    await t.createAccount(t.admin, { name: 'Retry Ltd' });
    await loop.idle();
    const retryAt = new Date(t.clock.now().getTime() + RETRY_DELAYS_MS[0]);
    expect(loop.wakeAt).toEqual(retryAt); // the loop's own wake-up, set for the retry
    loop.wake(); // woken early (another change): the retry is not due yet
    await loop.idle();
    expect(receiver.received).toHaveLength(1);
    t.clock.advance(RETRY_DELAYS_MS[0]);
    loop.wake(); // what the wake-up does when its time comes
    await loop.idle();
    expect(namesSent()).toEqual(['Retry Ltd', 'Retry Ltd']);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(loop.wakeAt).toBeNull();
  });

  it('a round started while the change is still in its transaction misses none of it, and sends it once', async () => {
    receiver.received.length = 0;
    let meanwhile: Promise<{ events: number; settled: boolean }> | undefined;
    await t.database.db.transaction().execute(async (trx) => {
      const data = { accountId: 'in-flight', actorId: t.admin.user.id, name: 'In Flight' };
      await t.app.services.webhookEvents.record(trx, [{ type: 'account.created', occurredAt: t.clock.now().toISOString(), data }]);
      meanwhile = t.app.services.webhookDispatcher.round();
      // PostgreSQL runs it beside the transaction: nothing visible yet, and known to be coming (the loop looks
      // again). SQLite's one connection runs it after the commit.
      if (t.database.dialect === 'postgres') expect(await meanwhile).toMatchObject({ events: 0, settled: false });
    });
    await meanwhile;
    await loop.idle();
    expect(namesSent()).toEqual(['In Flight']);
  });

  it('sends each attempt once when the loop, the job and another round run together', async () => {
    receiver.received.length = 0;
    await loop.stop(); // rounds are started by hand here, all at once
    for (const name of ['Alpha', 'Beta', 'Gamma']) await t.createAccount(t.admin, { name });
    t.clock.advance(5_000);
    const key = (await t.app.services.jobs
      .definitions()
      .find((d) => d.name === WEBHOOK_DELIVERY_JOB)!
      .dueKey(t.clock.now()))!;
    const dispatcher = t.app.services.webhookDispatcher;
    await Promise.all([dispatcher.run(), dispatcher.run(), t.app.services.jobs.run(WEBHOOK_DELIVERY_JOB, key), dispatcher.sendDue()]);
    expect(namesSent().sort()).toEqual(['Alpha', 'Beta', 'Gamma']);
    loop.start();
    await loop.idle();
    expect(receiver.received).toHaveLength(3);
  });
});
