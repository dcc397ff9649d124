import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/document.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { Caller, createTestApp, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { isStaffDigest, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

/**
 * Contracts: their term (the period) ends after it starts, renewal terms belong to contracts,
 * the registry shows what is ending, and the account's owner is reminded 30 and 7 days before
 * the end, in their language, once each, never for a cancelled or renewed contract.
 */
let sink: SmtpSink;
let t: TestApp;
let manager: Caller;
let account: { id: string };
let contactId: string;

beforeAll(async () => {
  sink = await startSmtpSink({ except: isStaffDigest });
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-03-02T09:00:00.000Z', publicUrl: 'https://crm.example.com' });
  manager = await t.signIn('account_manager', { name: 'Мария Петрова' });
  expect((await manager.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
  account = await t.createAccount(manager, { name: 'Northwind' });
  contactId = (await t.createContact(manager, account.id, 'Ann')).id;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const contract = (input: Record<string, unknown> = {}) =>
  createDocument(manager, account.id, { kind: 'contract', lines: [], periodFrom: '2026-03-01', periodTo: '2026-04-30', ...input });
const sent = async (input: Record<string, unknown> = {}): Promise<Document> => {
  const doc = await contract(input);
  const res = await sendDocument(manager, doc.id, [contactId]);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ document: Document }>().document;
};

describe('a contract’s term and renewal', () => {
  it('ends after it starts; renewal terms belong to contracts; it renews a contract of the same client', async () => {
    const same = await manager.post('/api/v1/documents', {
      kind: 'contract',
      accountId: account.id,
      periodFrom: '2026-03-01',
      periodTo: '2026-03-01',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'periodTo', code: 'document.contract_end_after_start' });
    const act = await manager.post('/api/v1/documents', { kind: 'act', accountId: account.id, renewal: 'automatic' });
    expect(act.statusCode).toBe(400);
    expect(act.json().errors[0]).toMatchObject({ field: 'renewal', code: 'document.contract_terms_only' });
    const bad = await manager.post('/api/v1/documents', { kind: 'contract', accountId: account.id, renewal: 'sometimes' });
    expect(bad.statusCode).toBe(400);
    const other = await t.createAccount(manager, { name: 'Other client' });
    const theirs = await createDocument(manager, other.id, { kind: 'contract', lines: [] });
    const crossed = await manager.post('/api/v1/documents', { kind: 'contract', accountId: account.id, renewsId: theirs.id });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().errors[0]).toMatchObject({ field: 'renewsId', code: 'document.renews_contract' });
    const draft = await contract({ renewal: 'automatic', renewalTerms: 'For 12 months at a time' });
    const shortened = await manager.patch(
      `/api/v1/documents/${draft.id}`,
      { periodTo: '2026-02-01' },
      { 'if-match': `"${draft.version}"` },
    );
    expect(shortened.statusCode).toBe(400);
    expect(draft).toMatchObject({ renewal: 'automatic', renewalTerms: 'For 12 months at a time', renewsId: null, renewedById: null });
  });

  it('prints its term and renewal on the PDF', async () => {
    const draft = await contract({ renewal: 'automatic', renewalTerms: 'For 12 months at a time', language: 'en' });
    const text = await pdfText((await manager.get(`/api/v1/documents/${draft.id}/pdf`)).rawPayload);
    expect(text).toContain('Term 1 March 2026 — 30 April 2026');
    expect(text).toContain('renews automatically unless either party objects. For 12 months at a time');
  });
});

describe('renewal reminders', () => {
  let ending: Document;
  let cancelled: Document;
  let renewed: Document;

  beforeAll(async () => {
    ending = await sent({ title: 'Support contract', renewal: 'manual' });
    cancelled = await sent({ title: 'Cancelled contract' });
    expect((await manager.post(`/api/v1/documents/${cancelled.id}/cancel`, { reason: 'Replaced by phone' })).statusCode).toBe(200);
    renewed = await sent({ title: 'Renewed contract' });
    await sent({ title: 'The renewal', renewsId: renewed.id, periodFrom: '2026-05-01', periodTo: '2027-04-30' });
    await contract({ title: 'A draft ending too' });
    sink.clear();
  });

  it('lists what is ending: contracts in force, not renewed, by their end', async () => {
    const res = await manager.get('/api/v1/documents?endingBefore=2026-05-31');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Document[]).map((d) => d.id)).toEqual([ending.id]);
    const renewedNow = (await manager.get(`/api/v1/documents/${renewed.id}`)).json();
    expect(renewedNow.renewedById).not.toBeNull();
    expect((await manager.get('/api/v1/documents?endingBefore=2026-04-29')).json().items).toEqual([]);
  });

  const runTwice = async (date: string) => {
    const [a, b] = await Promise.all([
      t.app.services.contractReminders.runForDate(date),
      t.app.services.contractReminders.runForDate(date),
    ]);
    return a.reminded + b.reminded;
  };

  it('reminds the owner 30 days before, in their language, once however many runners', async () => {
    expect(await runTwice('2026-03-30')).toBe(0);
    expect(sink.messages).toHaveLength(0);
    expect(await runTwice('2026-03-31')).toBe(1);
    expect(await runTwice('2026-04-01')).toBe(0);
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(manager.user.email);
    expect(mail.subject).toContain(`Договор ${ending.number}`);
    expect(mail.text).toMatch(/через 30\s+дней/);
    expect(mail.text).toContain('продлевается новым соглашением');
    expect(mail.text).toContain(`https://crm.example.com/documents/${ending.id}`);
    const timeline = (await manager.get(`/api/v1/accounts/${account.id}/timeline`)).json().items as Array<{ kind?: string; data?: object }>;
    expect(timeline.filter((e) => e.kind === 'contract_reminder_sent').map((e) => e.data)).toEqual([
      expect.objectContaining({ documentId: ending.id, daysBefore: 30, endsOn: '2026-04-30' }),
    ]);
  });

  it('and 7 days before, once; the job of the day does the same', async () => {
    expect(await runTwice('2026-04-22')).toBe(0);
    t.clock.set('2026-04-23T09:00:00.000Z');
    const ran = await t.app.services.jobs.runDue();
    expect(ran.find((r) => r.name === 'documents.contract_reminders')?.outcome).toMatchObject({ status: 'done', result: { reminded: 1 } });
    expect(await runTwice('2026-04-23')).toBe(0);
    expect(await runTwice('2026-04-29')).toBe(0);
    expect(sink.messages.map((m) => m.text)).toEqual([expect.stringMatching(/через 30\s+дней/), expect.stringMatching(/через 7\s+дней/)]);
    const rows = await t.database.db.selectFrom('contract_reminders').select(['document_id', 'days_before']).execute();
    expect(rows.map((r) => [r.document_id, Number(r.days_before)]).sort()).toEqual([
      [ending.id, 30],
      [ending.id, 7],
    ]);
  });

  it('a contract found late gets the most urgent reminder only', async () => {
    // a new session: the one signed in on 2 March has expired by now
    const login = await t.login(manager.user.email);
    manager = new Caller(t.app, manager.user, String(login.headers['set-cookie']).split(';')[0]);
    const late = await sent({ title: 'Late contract', periodFrom: '2026-04-01', periodTo: '2026-05-01' });
    sink.clear();
    expect(await runTwice('2026-04-27')).toBe(1);
    expect(await runTwice('2026-04-28')).toBe(0);
    expect(sink.messages.map((m) => m.text)).toEqual([expect.stringMatching(/через 4\s+дня/)]);
    const rows = await t.database.db.selectFrom('contract_reminders').select('days_before').where('document_id', '=', late.id).execute();
    expect(rows.map((r) => Number(r.days_before)).sort()).toEqual([30, 7]);
  });
});
