import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { clientSince, createTier, SILVER } from '../../test/loyalty-fixtures.js';
import { startSecondInstance, type SecondInstance } from '../../test/second-instance.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { LOYALTY_EVALUATION_JOB } from './index.js';

/** Two application instances on one PostgreSQL database tick their job runners the same night: the evaluation runs once. */
let t: TestApp;
let second: SecondInstance;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-15T09:00:00.000Z' });
  second = await startSecondInstance(t, {});
});
afterAll(async () => {
  await second.close();
  await t.close();
});

describe('two instances, one database', () => {
  it('evaluate the tiers exactly once a day', async () => {
    await createTier(t.admin, SILVER);
    for (let i = 0; i < 3; i++) {
      const account = await t.createAccount(t.admin, { name: `Client ${i}`, status: 'active' });
      await clientSince(t, account.id, '2025-01-01');
      const invoice = await issuedInvoice(t.admin, account.id, { lines: [{ description: 'Work', quantity: 1, unitPriceMinor: 200_000 }] });
      await pay(t.admin, invoice.id, invoice.totalMinor, '2026-06-15');
    }
    t.clock.set('2026-06-16T02:00:00.000Z');
    const runs = await Promise.all([t.app.services.jobs.runDue(), second.app.services.jobs.runDue()]);
    const outcomes = runs.flat().filter((r) => r.name === LOYALTY_EVALUATION_JOB);
    expect(outcomes.filter((r) => r.outcome.status === 'done')).toHaveLength(1);
    expect(outcomes.find((r) => r.outcome.status === 'done')?.outcome).toMatchObject({ result: { upgrades: 3, repeated: false } });
    expect(await t.database.db.selectFrom('loyalty_runs').select('id').execute()).toHaveLength(1);
    expect(await t.database.db.selectFrom('loyalty_moves').select('id').execute()).toHaveLength(3);
    // An admin's "evaluate now" the same day answers the night's run.
    const now = await t.admin.post('/api/v1/loyalty/evaluate');
    expect(now.json()).toMatchObject({ runDate: '2026-06-16', repeated: true, upgrades: 3 });
  });
});
