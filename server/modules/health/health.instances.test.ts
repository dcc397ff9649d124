import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createTwoInstances, type TwoInstances } from '../../test/second-instance.js';
import { HEALTH_SNAPSHOT_JOB } from './index.js';

/** Two application instances on one database run the snapshot the same night: it is written once. */
let two: TwoInstances;

beforeAll(async () => {
  two = await createTwoInstances({ now: '2026-06-15T09:00:00.000Z' });
});
afterAll(() => two.close());

describe('two instances, one database', () => {
  it('snapshot every active account exactly once a day', async () => {
    const { t, second } = two;
    for (let i = 0; i < 3; i++) {
      const account = await t.createAccount(t.admin, { name: `Client ${i}`, status: 'active' });
      await issuedInvoice(t.admin, account.id, {
        lines: [{ description: 'Work', quantity: 1, unitPriceMinor: 10_000 }],
        issueDate: '2026-04-01',
      });
    }
    await t.createAccount(t.admin, { name: 'Prospect', status: 'prospect' });
    t.clock.set('2026-06-16T02:00:00.000Z');
    const runs = await Promise.all([
      t.app.services.jobs.run(HEALTH_SNAPSHOT_JOB, '2026-06-16'),
      second.services.jobs.run(HEALTH_SNAPSHOT_JOB, '2026-06-16'),
    ]);
    expect(runs.filter((r) => r.status === 'done')).toHaveLength(1);
    expect(runs.find((r) => r.status === 'done')).toMatchObject({ result: { day: '2026-06-16', accounts: 3, repeated: false } });
    const rows = await t.database.db.selectFrom('health_snapshots').select(['day', 'grade']).execute();
    expect(rows).toEqual(Array(3).fill({ day: '2026-06-16', grade: 'at_risk' }));
    // A later run of the same day changes nothing.
    expect(await second.services.jobs.run(HEALTH_SNAPSHOT_JOB, '2026-06-16')).toMatchObject({ status: 'already_done' });
    expect(await t.database.db.selectFrom('health_snapshots').select('account_id').execute()).toHaveLength(3);
  });
});
