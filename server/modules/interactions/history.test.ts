import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { createInteraction, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let m: Caller;
beforeAll(async () => {
  t = await createTestApp();
  m = await t.signIn('account_manager');
});
afterAll(() => t.close());

const at = (iso: string) => t.clock.set(iso);
const timelineUrl = (accountId: string, limit = 200) => `/api/v1/accounts/${accountId}/timeline?limit=${limit}`;
/** A short label per entry, to compare whole timelines at a glance. */
const label = (e: TimelineEntry) => (e.entryType === 'interaction' ? `interaction:${e.interaction.summary}` : `${e.kind}`);

async function timeline(accountId: string): Promise<TimelineEntry[]> {
  const res = await m.get(timelineUrl(accountId));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('account timeline', () => {
  it('merges logged interactions with what the system did, newest first, with who did it', async () => {
    at('2026-03-02T09:00:00.000Z');
    const account = await t.createAccount(m, { name: 'Timeline Co' });
    at('2026-03-02T10:00:00.000Z');
    const contact = await t.createContact(m, account.id, 'Tanya');
    at('2026-03-02T11:00:00.000Z');
    await createInteraction(m, account.id, { occurredAt: '2026-03-02T11:30:00Z', summary: 'Intro call', contactIds: [contact.id] });
    at('2026-03-02T12:00:00.000Z');
    expect((await m.patch(`/api/v1/accounts/${account.id}`, { status: 'active' })).statusCode).toBe(200);
    const successor = await t.signIn('account_manager');
    at('2026-03-02T13:00:00.000Z');
    expect((await m.patch(`/api/v1/accounts/${account.id}`, { ownerId: successor.user.id })).statusCode).toBe(200);

    const entries = (await successor.get(timelineUrl(account.id))).json().items as TimelineEntry[];
    expect(entries.map(label)).toEqual(['owner_changed', 'status_changed', 'interaction:Intro call', 'contact_added', 'account_created']);
    expect(entries.map((e) => e.occurredAt)).toEqual([
      '2026-03-02T13:00:00.000Z',
      '2026-03-02T12:00:00.000Z',
      '2026-03-02T11:30:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T09:00:00.000Z',
    ]);
    const events = entries.filter((e) => e.entryType === 'event');
    expect(events.map((e) => e.actorId)).toEqual([m.user.id, m.user.id, m.user.id, m.user.id]);
    expect(events.map((e) => e.data)).toEqual([
      { from: m.user.id, to: successor.user.id },
      { from: 'prospect', to: 'active' },
      { contactId: contact.id, name: 'Tanya' },
      { name: 'Timeline Co' },
    ]);
    const call = entries[2];
    expect(call.entryType === 'interaction' && call.interaction.contactIds).toEqual([contact.id]);
  });

  it('records no status or owner event for a change that leaves them as they were', async () => {
    at('2026-03-03T09:00:00.000Z');
    const account = await t.createAccount(m, { name: 'Quiet Co' });
    await m.patch(`/api/v1/accounts/${account.id}`, { status: 'prospect', ownerId: m.user.id, industry: 'Print' });
    expect((await timeline(account.id)).map(label)).toEqual(['account_created']);
  });

  it('pages through interactions and events with equal timestamps without gaps or duplicates, at every page size', async () => {
    const tie = '2026-03-04T09:00:00.000Z';
    at(tie);
    const account = await t.createAccount(m, { name: 'Tied Co' });
    for (const name of ['Ann', 'Bob', 'Cyd']) await t.createContact(m, account.id, name);
    for (let i = 0; i < 4; i++) await createInteraction(m, account.id, { occurredAt: tie, summary: `Tied ${i}` });
    await m.patch(`/api/v1/accounts/${account.id}`, { status: 'active' });
    at('2026-03-04T10:00:00.000Z');
    await createInteraction(m, account.id, { occurredAt: '2026-03-04T10:00:00Z', summary: 'Later' });
    await createInteraction(m, account.id, { occurredAt: '2026-03-04T08:00:00Z', summary: 'Earlier' });

    const whole = await timeline(account.id);
    expect(whole).toHaveLength(11);
    const keys = whole.map((e) => [e.occurredAt, e.id].join(' '));
    expect(keys).toEqual([...keys].sort().reverse());
    expect(whole.filter((e) => e.occurredAt === tie)).toHaveLength(9);

    for (const limit of [1, 2, 3, 4, 5, 10]) {
      const walked = await fetchAllPages<TimelineEntry>(m, timelineUrl(account.id, limit));
      expect(
        walked.map((e) => e.id),
        `limit=${limit}`,
      ).toEqual(whole.map((e) => e.id));
    }
  });

  it('places a backdated interaction by when it happened, not when it was logged', async () => {
    at('2026-03-05T09:00:00.000Z');
    const account = await t.createAccount(m, { name: 'Backdated Co' });
    at('2026-03-07T09:00:00.000Z');
    await t.createContact(m, account.id, 'Dina');
    at('2026-03-09T09:00:00.000Z');
    await createInteraction(m, account.id, { occurredAt: '2026-03-09T08:00:00Z', summary: 'Fresh' });
    at('2026-03-10T09:00:00.000Z');
    const old = await createInteraction(m, account.id, { occurredAt: '2026-03-06T15:00:00+03:00', summary: 'Remembered' });
    expect(old.occurredAt).toBe('2026-03-06T12:00:00.000Z');

    const expected = ['interaction:Fresh', 'contact_added', 'interaction:Remembered', 'account_created'];
    expect((await timeline(account.id)).map(label)).toEqual(expected);
    expect((await fetchAllPages<TimelineEntry>(m, timelineUrl(account.id, 1))).map(label)).toEqual(expected);

    // Moving it later moves it on the timeline; deleting it removes it.
    expect((await m.patch(`/api/v1/interactions/${old.id}`, { occurredAt: '2026-03-09T12:00:00Z' })).statusCode).toBe(200);
    expect((await timeline(account.id)).map(label)).toEqual([
      'interaction:Remembered',
      'interaction:Fresh',
      'contact_added',
      'account_created',
    ]);
    expect((await m.delete(`/api/v1/interactions/${old.id}`)).statusCode).toBe(204);
    expect((await timeline(account.id)).map(label)).toEqual(['interaction:Fresh', 'contact_added', 'account_created']);
  });

  it('keeps each account’s timeline to itself', async () => {
    at('2026-03-11T09:00:00.000Z');
    const a = await t.createAccount(m, { name: 'Own A' });
    const b = await t.createAccount(m, { name: 'Own B' });
    await createInteraction(m, b.id, { occurredAt: '2026-03-11T09:00:00Z', summary: 'Only B' });
    expect((await timeline(a.id)).map(label)).toEqual(['account_created']);
    expect((await timeline(b.id)).map(label)).toEqual(['interaction:Only B', 'account_created']);
  });
});
