import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMELINE_CATEGORIES, TIMELINE_EVENT_CATEGORY, type TimelineCategory } from '../../../common/enums.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createProject } from '../../test/delivery-fixtures.js';
import { createClaim } from '../../test/claim-fixtures.js';
import { createInteraction, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let m: Caller;
let accountId: string;
let whole: TimelineEntry[];

const categoryOf = (e: TimelineEntry): TimelineCategory =>
  e.entryType === 'interaction' ? 'conversations' : TIMELINE_EVENT_CATEGORY[e.kind];
const url = (kinds: string, limit: number) => `/api/v1/accounts/${accountId}/timeline?limit=${limit}&kinds=${kinds}`;

/** Every non-empty set of categories. */
const subsets = (): TimelineCategory[][] =>
  Array.from({ length: 2 ** TIMELINE_CATEGORIES.length - 1 }, (_, n) => TIMELINE_CATEGORIES.filter((_, i) => (n + 1) & (1 << i)));

// One account with entries of every kind, interleaved in time, several sharing a timestamp.
beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://liaison.example.test' });
  m = await t.signIn('account_manager');
  const finance = await t.signIn('finance');
  const tie = '2026-03-02T09:00:00.000Z';
  t.clock.set(tie);
  const account = await t.createAccount(m, { name: 'Every Kind Ltd', paymentTermsDays: 0 });
  accountId = account.id;
  const vera = await t.createContact(m, accountId, 'Vera');
  await createInteraction(m, accountId, { occurredAt: tie, summary: 'Kick-off' });
  // A message to the client in the company's thread: a conversation, though it is an event.
  expect((await m.post('/api/v1/messages', { accountId, body: 'We start on Monday' })).statusCode).toBe(201);
  const invoice = await issuedInvoice(m, accountId, { lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 50_000 }] });
  await createProject(m, accountId, { name: 'Relaunch' });
  expect((await m.post('/api/v1/surveys', { accountId, contactId: vera.id, kind: 'nps' })).statusCode).toBe(201);
  t.clock.set('2026-03-02T10:00:00.000Z');
  await createInteraction(m, accountId, {
    occurredAt: '2026-03-02T10:00:00Z',
    summary: 'Follow-up call',
    contactIds: [vera.id],
    nextStep: 'Send the audit',
    nextStepDue: '2026-03-05',
  });
  await pay(m, invoice.id, 20_000, '2026-03-02');
  await m.patch(`/api/v1/accounts/${accountId}`, { status: 'active' });
  t.clock.set('2026-03-02T11:00:00.000Z');
  await finance.post(`/api/v1/accounts/${accountId}/stop-work`, { reason: 'Unpaid' });
  await createClaim(m, accountId);
  await createInteraction(m, accountId, { occurredAt: '2026-03-02T11:00:00Z', summary: 'Payment talk', type: 'meeting' });
  await createInteraction(m, accountId, { occurredAt: '2026-03-01T08:00:00Z', summary: 'Backdated note', type: 'note' });
  whole = await fetchAllPages<TimelineEntry>(m, `/api/v1/accounts/${accountId}/timeline?limit=200`);
});
afterAll(() => t.close());

describe('timeline filtered by kind', () => {
  it('has entries of every kind to filter', () => {
    expect(new Set(whole.map(categoryOf))).toEqual(new Set(TIMELINE_CATEGORIES));
    expect(whole.map((e) => (e.entryType === 'event' ? e.kind : 'interaction'))).toEqual(
      expect.arrayContaining([
        'invoice_issued',
        'payment_recorded',
        'stop_work_set',
        'project_created',
        'status_changed',
        'contact_added',
        'request_answered',
      ]),
    );
  });

  it('serves exactly the entries of the asked kinds, in timeline order, for every combination', async () => {
    for (const kinds of subsets()) {
      const served = await fetchAllPages<TimelineEntry>(m, url(kinds.join(','), 200));
      const expected = whole.filter((e) => kinds.includes(categoryOf(e)));
      expect(
        served.map((e) => e.id),
        kinds.join(','),
      ).toEqual(expected.map((e) => e.id));
    }
  });

  it('answers each entry of a filtered page as the whole timeline does', async () => {
    for (const kinds of subsets()) {
      const served = await fetchAllPages<TimelineEntry>(m, url(kinds.join(','), 200));
      expect(served, kinds.join(',')).toEqual(whole.filter((e) => kinds.includes(categoryOf(e))));
    }
  });

  it('pages a filtered timeline without gaps or duplicates, at every page size', async () => {
    for (const kinds of ['money', 'conversations', 'system,delivery', 'conversations,money']) {
      const expected = whole.filter((e) => kinds.split(',').includes(categoryOf(e))).map((e) => e.id);
      for (const limit of [1, 2, 3]) {
        const pages: number[] = [];
        const walked = await fetchAllPages<TimelineEntry>(m, url(kinds, limit), async () => void pages.push(1));
        expect(
          walked.map((e) => e.id),
          `${kinds} limit=${limit}`,
        ).toEqual(expected);
        // Every page but the last is full: filtering happens in the query, not after it.
        expect(pages.length, `${kinds} limit=${limit}`).toBe(Math.ceil(expected.length / limit) - 1);
      }
    }
  });

  it('shows conversations as interactions and requests, and money as invoices, payments and stop-work', async () => {
    const conversations = await fetchAllPages<TimelineEntry>(m, url('conversations', 200));
    expect(conversations.map((e) => (e.entryType === 'interaction' ? e.interaction.summary : e.kind))).toEqual([
      'Payment talk',
      'Follow-up call',
      'request_answered',
      'Kick-off',
      'Backdated note',
    ]);
    const money = await fetchAllPages<TimelineEntry>(m, url('money', 200));
    expect(money.map((e) => e.entryType === 'event' && e.kind)).toEqual(['stop_work_set', 'payment_recorded', 'invoice_issued']);
  });

  it('treats a repeated kind as one and refuses unknown or empty kinds with 400', async () => {
    const twice = await fetchAllPages<TimelineEntry>(m, url('money,money', 200));
    expect(twice.map((e) => e.id)).toEqual(whole.filter((e) => categoryOf(e) === 'money').map((e) => e.id));
    for (const bad of ['invoices', '', 'money,', 'MONEY']) {
      const problem = expectProblem(await m.get(url(bad, 10)), 400);
      expect(
        problem.errors.map((e: { field: string }) => e.field.split('.')[0]),
        bad,
      ).toEqual(['kinds']);
    }
  });

  it('keeps the filtered timeline from those who may not read it, as the whole one: client 403, specialist and stranger 404', async () => {
    const client = await t.signIn('client', { contactId: (await t.createContact(m, accountId, 'Portal')).id });
    const readers: [Caller, number][] = [
      [client, 403],
      [await t.signIn('specialist'), 404],
      [await t.signIn('account_manager'), 404],
    ];
    for (const [who, status] of readers) {
      for (const kinds of ['', ...TIMELINE_CATEGORIES, 'system,money,delivery']) {
        const path = kinds ? url(kinds, 10) : `/api/v1/accounts/${accountId}/timeline?limit=10`;
        expectProblem(await who.get(path), status);
      }
    }
  });

  it('answers an empty page, not 404, when the account has nothing of the asked kind', async () => {
    const quiet = await t.createAccount(m, { name: 'Nothing Delivered Ltd' });
    const res = await m.get(`/api/v1/accounts/${quiet.id}/timeline?kinds=delivery,money`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('gives every reader who may see the timeline the same filtered entries', async () => {
    const finance = await t.signIn('finance');
    for (const who of [finance, t.admin]) {
      const money = await fetchAllPages<TimelineEntry>(who, url('money,conversations', 200));
      expect(money.map((e) => e.id)).toEqual(whole.filter((e) => ['money', 'conversations'].includes(categoryOf(e))).map((e) => e.id));
    }
  });
});
