import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { clientSince, createTier, evaluate, SILVER } from '../../test/loyalty-fixtures.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-15T09:00:00.000Z' });
  w = await buildWorld(t);
  await createTier(t.admin, SILVER);
  // Both Silver: A paid €1,050 of the €1,000 the tier asks (within 10 %), B €2,000.
  for (const [account, paid] of [
    [w.accountA.id, 105_000],
    [w.accountB.id, 200_000],
  ] as const) {
    await t.database.db.updateTable('accounts').set({ status: 'active' }).where('id', '=', account).execute();
    await clientSince(t, account, '2025-10-01');
    const invoice = await issuedInvoice(t.admin, account, {
      lines: [{ description: 'Work', quantity: 1, unitPriceMinor: paid }],
      issueDate: '2026-04-01',
    });
    await pay(t.admin, invoice.id, paid, '2026-04-10');
  }
  await evaluate(t.admin);
  await moveClockTo(t, w, '2026-06-16T09:00:00.000Z');
});
afterAll(() => t.close());

describe('loyalty downgrade risks on the manager’s Today', () => {
  it('an account within 10 % of losing its tier, naming the rule', async () => {
    const items = await agendaOfKind(w.as.owner, 'loyalty_downgrade_risk');
    expect(items.map((i) => [i.account?.id, i.due, i.group, i.record.path])).toEqual([
      [w.accountA.id, '2026-06-15', 'overdue', `/accounts/${w.accountA.id}`],
    ]);
    expect(items[0].key).toMatch(new RegExp(`^loyalty-risk:${w.accountA.id}:[^:]+:paid_revenue$`));
    expect(items[0].reason).toBe('The account is within 10 % of losing the Silver tier: paid revenue');
    expect(await agendaOfKind(w.as.nonOwner, 'loyalty_downgrade_risk')).toEqual([]);
  });

  it('in Russian', async () => {
    expect((await w.as.owner.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    const [item] = await agendaOfKind(w.as.owner, 'loyalty_downgrade_risk');
    expect(item.reason).toBe('Клиент в пределах 10 % от потери уровня «Silver»: оплаченная выручка');
  });
});
