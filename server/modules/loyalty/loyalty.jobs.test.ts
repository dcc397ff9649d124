import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createTier, SILVER } from '../../test/loyalty-fixtures.js';
import { LOYALTY_EVALUATION_JOB } from './index.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-15T09:00:00.000Z' });
});
afterAll(() => t.close());

const tick = async () => (await t.app.services.jobs.runDue()).find((r) => r.name === LOYALTY_EVALUATION_JOB)?.outcome;

describe('the nightly evaluation', () => {
  it('leaves a day without tiers unclaimed, so the admin who sets the programme up evaluates it that day', async () => {
    expect(await tick()).toMatchObject({ status: 'done', result: { date: '2026-06-15', skipped: 'no tiers' } });
    expect(await t.database.db.selectFrom('loyalty_runs').select('id').execute()).toHaveLength(0);

    await createTier(t.admin, SILVER);
    const now = await t.admin.post('/api/v1/loyalty/evaluate');
    expect(now.json()).toMatchObject({ runDate: '2026-06-15', repeated: false });
  });

  it('runs the next night once tiers exist', async () => {
    t.clock.set('2026-06-16T02:00:00.000Z');
    expect(await tick()).toMatchObject({ status: 'done', result: { date: '2026-06-16', repeated: false } });
    expect(await t.database.db.selectFrom('loyalty_runs').select('run_date').orderBy('run_date').execute()).toEqual([
      { run_date: '2026-06-15' },
      { run_date: '2026-06-16' },
    ]);
  });
});
