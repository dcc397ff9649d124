import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/document.js';
import type { StatusReportPreview } from '../../../common/schemas/status-report.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

/**
 * A status report on demand: what it says (progress, work of the period, open questions,
 * the budget only when shared), that internal notes never appear, whom it goes to (the
 * contacts who receive reports, each in their language, with the PDF attached), and who
 * may make and read it.
 */
let sink: SmtpSink;
let t: TestApp;
let manager: Caller;
let account: { id: string };
let project: { id: string; version: number };
const INTERNAL = 'Their developer ignores us, escalate to Bob';
const COMMENT = 'Internal: the client is slow to pay';

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-03-03T10:00:00.000Z' });
  manager = await t.signIn('account_manager');
  account = await t.createAccount(manager, { name: 'Northwind', language: 'en', currency: 'EUR' });
  const contact = (body: Record<string, unknown>) => manager.post('/api/v1/contacts', { accountId: account.id, ...body });
  expect((await contact({ firstName: 'Ann', email: 'ann@northwind.test', receivesReports: true })).statusCode).toBe(201);
  expect((await contact({ firstName: 'Boris', email: 'boris@northwind.test', receivesReports: true, language: 'ru' })).statusCode).toBe(
    201,
  );
  expect((await contact({ firstName: 'Carl', email: 'carl@northwind.test' })).statusCode).toBe(201);
  project = await createProject(manager, account.id, { name: 'Shop relaunch', budgetMinor: 1_000_000, currency: 'EUR' });
  const done = await createMilestone(manager, project.id, 'Discovery workshop', '2026-02-20');
  expect((await manager.patch(`/api/v1/milestones/${done.id}`, { status: 'done' })).statusCode).toBe(200);
  await createMilestone(manager, project.id, 'Design mock-ups', '2026-03-01'); // late on 3 March
  await createMilestone(manager, project.id, 'Launch', '2026-04-30');
  const task = await createTask(manager, project.id, { title: 'Keyword research' });
  expect((await manager.patch(`/api/v1/tasks/${task.id}`, { status: 'done', spentHours: 10 })).statusCode).toBe(200);
  const blocked = await createTask(manager, project.id, { title: 'Payment page', status: 'blocked', blockedReason: INTERNAL });
  expect((await manager.post(`/api/v1/tasks/${blocked.id}/comments`, { body: COMMENT })).statusCode).toBe(201);
  await manager.post('/api/v1/requirements', { projectId: project.id, party: 'client', text: 'Prices include VAT' });
  // the report is made a week later, for the week the work was done in
  t.clock.set('2026-03-09T10:00:00.000Z');
  project = (await manager.get(`/api/v1/projects/${project.id}`)).json();
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const period = { periodFrom: '2026-03-02', periodTo: '2026-03-08' };

describe('a status report on demand', () => {
  it('previews what it would say and to whom: the contacts who receive reports, in their language', async () => {
    const res = await manager.get(`/api/v1/projects/${project.id}/status-reports/preview`);
    expect(res.statusCode, res.body).toBe(200);
    const preview: StatusReportPreview = res.json();
    expect(preview.facts).toMatchObject({
      ...{ periodFrom: '2026-03-02', periodTo: '2026-03-08' },
      milestonesDone: [{ title: 'Discovery workshop' }],
      milestonesLate: [{ title: 'Design mock-ups' }],
      milestonesNext: [{ title: 'Launch' }],
      tasksDone: [{ title: 'Keyword research', doneOn: '2026-03-03' }],
      requirementsAwaiting: [{ text: 'Prices include VAT' }],
      blocked: [{ title: 'Payment page' }],
      budget: null,
    });
    expect(JSON.stringify(preview)).not.toContain(INTERNAL);
    expect(preview.recipients.map((r) => [r.email, r.language])).toEqual([
      ['ann@northwind.test', 'en'],
      ['boris@northwind.test', 'ru'],
    ]);
    expect(preview.empty).toBe(false);
  });

  it('sends one report per language with its PDF attached; the PDF has the plan and the work, never an internal note', async () => {
    sink.clear();
    const res = await manager.post(`/api/v1/projects/${project.id}/status-reports`, period);
    expect(res.statusCode, res.body).toBe(201);
    const { documents, recipients } = res.json<{ documents: Document[]; recipients: string[] }>();
    expect(recipients.sort()).toEqual(['ann@northwind.test', 'boris@northwind.test']);
    expect(documents.map((d) => [d.kind, d.status, d.language, d.projectId])).toEqual([
      ['status_report', 'sent', 'en', project.id],
      ['status_report', 'sent', 'ru', project.id],
    ]);
    expect(documents.every((d) => d.number !== null && d.pdfSha256 !== null)).toBe(true);
    expect(sink.messages).toHaveLength(2);
    const byTo = new Map(sink.messages.map((m) => [m.to && 'text' in m.to ? m.to.text : '', m]));
    for (const [to, language] of [
      ['ann@northwind.test', 'en'],
      ['boris@northwind.test', 'ru'],
    ] as const) {
      const mail = byTo.get(to)!;
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].contentType).toBe('application/pdf');
      const text = await pdfText(mail.attachments[0].content);
      for (const fact of ['Discovery workshop', 'Design mock-ups', 'Launch', 'Keyword research', 'Prices include VAT', 'Payment page']) {
        expect(text).toContain(fact);
      }
      expect(text).toContain(language === 'ru' ? 'Отчёт о статусе' : 'Status report');
      expect(text).toContain(language === 'ru' ? 'Этапы с отставанием от графика' : 'Milestones behind schedule');
      expect(text).not.toContain(INTERNAL);
      expect(text).not.toContain(COMMENT);
      expect(text).not.toContain('Budget');
      expect(text).not.toContain('Бюджет');
    }
    const timeline = (await manager.get(`/api/v1/accounts/${account.id}/timeline`)).json().items as Array<{ kind?: string }>;
    expect(timeline.filter((e) => e.kind === 'document_sent')).toHaveLength(2);
    expect(timeline.filter((e) => e.kind === 'document_emailed')).toHaveLength(2);
  });

  it('shows the budget and how much of it is used only when the project shares it', async () => {
    const shared = await manager.patch(`/api/v1/projects/${project.id}`, { shareBudget: true }, { 'if-match': `"${project.version}"` });
    expect(shared.statusCode, shared.body).toBe(200);
    const preview: StatusReportPreview = (await manager.get(`/api/v1/projects/${project.id}/status-reports/preview`)).json();
    expect(preview.facts.budget).toMatchObject({ budgetMinor: 1_000_000, currency: 'EUR' });
    expect(preview.facts.budget?.usedMinor).toBeGreaterThan(0);
    const res = await manager.post(`/api/v1/projects/${project.id}/status-reports`, { ...period, send: false });
    expect(res.statusCode, res.body).toBe(201);
    const [draft] = res.json<{ documents: Document[] }>().documents;
    expect(draft).toMatchObject({ status: 'draft', number: null, language: 'en' });
    const pdf = await manager.get(`/api/v1/documents/${draft.id}/pdf`);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Budget: €10,000.00');
    expect(text).toMatch(/Used so far: €[\d,.]+ \(\d+%\)/);
  });

  it('refuses a half-given or reversed period, and says so when nobody receives reports (nothing written)', async () => {
    const half = await manager.post(`/api/v1/projects/${project.id}/status-reports`, { periodFrom: '2026-03-02' });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0]).toMatchObject({ field: 'periodTo', code: 'status_report.period_incomplete' });
    const reversed = await manager.post(`/api/v1/projects/${project.id}/status-reports`, {
      periodFrom: '2026-03-08',
      periodTo: '2026-03-01',
    });
    expect(reversed.statusCode).toBe(400);
    const unknown = await manager.post(`/api/v1/projects/${project.id}/status-reports`, { ...period, extra: 1 });
    expect(unknown.statusCode).toBe(400);
    const other = await t.createAccount(manager, { name: 'Quiet Ltd' });
    const quiet = await createProject(manager, other.id, { name: 'Quiet project' });
    const none = await manager.post(`/api/v1/projects/${quiet.id}/status-reports`, period);
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'status_report.no_recipients' });
    const list = (await manager.get(`/api/v1/documents?projectId=${quiet.id}`)).json();
    expect(list.items).toEqual([]);
  });

  it('lists work by the day it was done, as acts do: marked done later with its day given, it is in that day’s period', async () => {
    const other = await createProject(manager, account.id, { name: 'Blog' });
    const late = await createTask(manager, other.id, { title: 'Article on pricing' });
    const marked = await manager.patch(`/api/v1/tasks/${late.id}`, { status: 'done', doneOn: '2026-03-06' });
    expect(marked.statusCode, marked.body).toBe(200);
    const today = await createTask(manager, other.id, { title: 'Article on delivery' });
    expect((await manager.patch(`/api/v1/tasks/${today.id}`, { status: 'done' })).json().doneOn).toBe('2026-03-09');
    const query = new URLSearchParams(period).toString();
    const preview: StatusReportPreview = (await manager.get(`/api/v1/projects/${other.id}/status-reports/preview?${query}`)).json();
    expect(preview.facts.tasksDone).toEqual([{ title: 'Article on pricing', doneOn: '2026-03-06' }]);
  });
});

describe('who makes and reads status reports', () => {
  it('a client user reads their company’s sent reports (never a draft); another company’s client and a specialist none', async () => {
    const ann = (await manager.get(`/api/v1/contacts?accountId=${account.id}`))
      .json()
      .items.find((c: { firstName: string }) => c.firstName === 'Ann');
    const client = await t.signIn('client', { contactId: ann.id });
    const theirs = (await client.get('/api/v1/documents?kind=status_report')).json().items as Document[];
    expect(theirs.map((d) => d.status).sort()).toEqual(['sent', 'sent']);
    const pdf = await client.get(`/api/v1/documents/${theirs[0].id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const full = await client.get(`/api/v1/documents/${theirs[0].id}`);
    expect(full.json().report.tasksDone).toEqual([{ title: 'Keyword research', doneOn: '2026-03-03' }]);

    const stranger = await t.createAccount(manager, { name: 'Stranger Ltd' });
    const strangerContact = await t.createContact(manager, stranger.id, 'Stan');
    const otherClient = await t.signIn('client', { contactId: strangerContact.id });
    expect((await otherClient.get('/api/v1/documents?kind=status_report')).json().items).toEqual([]);
    expect((await otherClient.get(`/api/v1/documents/${theirs[0].id}`)).statusCode).toBe(404);

    const specialist = await t.signIn('specialist');
    expect((await specialist.get('/api/v1/documents')).statusCode).toBe(403);
    expect((await specialist.get(`/api/v1/documents/${theirs[0].id}`)).statusCode).toBe(404);
    expect((await specialist.post(`/api/v1/projects/${project.id}/status-reports`, period)).statusCode).toBe(404);
    // the client sees their project, but reports are the agency's to make
    expect((await client.post(`/api/v1/projects/${project.id}/status-reports`, period)).statusCode).toBe(403);
    const otherManager = await t.signIn('account_manager');
    expect((await otherManager.post(`/api/v1/projects/${project.id}/status-reports`, period)).statusCode).toBe(404);
    expect((await otherManager.get(`/api/v1/projects/${project.id}/status-reports/preview`)).statusCode).toBe(404);
  });
});
