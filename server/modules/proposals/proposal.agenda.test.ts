import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal } from '../../test/deal-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createProposal, sendProposal } from '../../test/proposal-fixtures.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let undecided: { id: string };
let expiring: { id: string };
let fresh: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T09:00:00.000Z', publicUrl: 'https://liaison.example' });
  w = await buildWorld(t);
  const sent = async (title: string, validUntil: string, viewedAt: string | null) => {
    const deal = await createDeal(w.as.owner, w.accountA.id, { title });
    const p = await createProposal(w.as.owner, deal.id, {
      validUntil,
      lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 100_00 }],
    });
    await sendProposal(w.as.owner, p.id, w.contactA.id);
    await t.database.db.updateTable('proposal_versions').set({ viewed_at: viewedAt }).where('proposal_id', '=', p.id).execute();
    return { id: p.id };
  };
  undecided = await sent('Redesign', '2026-12-31', '2026-11-24T15:00:00.000Z');
  expiring = await sent('Hosting', '2026-12-03', null);
  fresh = (await sent('Support', '2026-12-31', '2026-11-28T10:00:00.000Z')).id;
  await sent('Expired', '2026-11-25', null);
  await moveClockTo(t, w, '2026-11-30T09:00:00.000Z');
});
afterAll(() => t.close());

describe('proposals on the manager’s Today', () => {
  it('opened by the client and undecided after the setting’s 3 days', async () => {
    const [item, ...more] = await agendaOfKind(w.as.owner, 'proposal_undecided');
    expect(more).toEqual([]);
    expect(item).toMatchObject({
      key: `proposal-undecided:${undecided.id}:1`,
      due: '2026-11-27',
      group: 'overdue',
      record: { type: 'proposal', path: `/proposals/${undecided.id}` },
    });
    expect(item.reason).toMatch(/^The client opened proposal \S+ for “Redesign” on 24 Nov 2026 and has not decided for 6\u00a0days$/);
  });

  it('expiring within a week, not yet opened; an expired one is not on Today', async () => {
    const items = await agendaOfKind(w.as.owner, 'proposal_expiring');
    expect(items.map((i) => [i.key, i.group, i.severity])).toEqual([[`proposal-expiring:${expiring.id}:2026-12-03`, 'week', 'medium']]);
    expect(items[0].reason).toMatch(/^Proposal \S+ for “Hosting” expires 3 Dec 2026 and the client has not opened it$/);
  });

  it('a longer wait in the setting takes the undecided one off; other managers never see them', async () => {
    await t.database.db.insertInto('settings').values({ key: 'today.proposal_undecided_days', value: '10' }).execute();
    await moveClockTo(t, w, '2026-11-30T10:00:00.000Z'); // past the settings' cache
    expect(await agendaOfKind(w.as.owner, 'proposal_undecided')).toEqual([]);
    expect(await agendaOfKind(w.as.nonOwner, 'proposal_expiring')).toEqual([]);
    expect((await agendaOfKind(w.as.owner, 'proposal_expiring')).map((i) => i.record.id)).not.toContain(fresh);
  });
});
