import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/document.js';
import type { Invoice } from '../../../common/schemas/invoice.js';
import type { Project } from '../../../common/schemas/project.js';
import { DEFAULT_RATES } from '../tasks/index.js';
import { sendDocument } from '../../test/document-fixtures.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink;
let owner: Caller;
let client: Caller;
let accountId: string;
let contactId: string;
let specialist: Caller;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-02-27T10:00:00.000Z' });
  owner = await t.signIn('account_manager');
  specialist = await t.signIn('specialist');
  const account = await t.createAccount(t.admin, { name: 'Gamma Foods', ownerId: owner.user.id, currency: 'EUR', language: 'en' });
  accountId = account.id;
  const contact = await t.createContact(t.admin, accountId, 'Greta');
  contactId = contact.id;
  client = await t.signIn('client', { contactId });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

/** A done task of a role with hours, marked done on the clock's day. */
const doneTask = (projectId: string, role: string, spentHours: number, extra: Record<string, unknown> = {}) =>
  createTask(owner, projectId, { title: `${role} work`, role, status: 'done', spentHours, ...extra });

const act = async (projectId: string, body: Record<string, unknown>, by = owner) => by.post(`/api/v1/projects/${projectId}/acts`, body);

async function signedAct(projectId: string, body: Record<string, unknown>): Promise<Document> {
  const res = await act(projectId, body);
  expect(res.statusCode, res.body).toBe(201);
  const doc = res.json<Document>();
  expect((await sendDocument(owner, doc.id, [contactId])).statusCode).toBe(200);
  const signed = await client.post(`/api/v1/documents/${doc.id}/sign`, { fullName: 'Greta Client', consent: true });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json();
}

describe('an act by hours from the work done in a period', () => {
  let project: Project;
  const hours: Array<[role: string, spent: number]> = [
    ['designer', 10.5],
    ['developer', 4.25],
    ['designer', 2.125],
  ];

  beforeAll(async () => {
    t.clock.set('2026-02-27T10:00:00.000Z');
    project = await createProject(owner, accountId, { name: 'Shop redesign', currency: 'EUR' });
    for (const [role, spent] of hours) await doneTask(project.id, role, spent);
    await createTask(owner, project.id, { title: 'Still open', role: 'seo', status: 'in_progress', spentHours: 7 });
    t.clock.set('2026-03-03T10:00:00.000Z');
    await doneTask(project.id, 'seo', 3); // done in March, not in February's act
  });

  it('previews and drafts lines per role: hours × the role’s rate, totals equal to the tasks they come from', async () => {
    const expected = (role: string) => {
      const spent = hours.filter(([r]) => r === role).reduce((sum, [, h]) => sum + h, 0);
      return Math.round(spent * DEFAULT_RATES[role]);
    };
    const preview = await owner.post(`/api/v1/projects/${project.id}/acts/preview`, { from: '2026-02-01', to: '2026-02-28' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().sources).toEqual({ tasks: 3, milestones: 0 });

    const res = await act(project.id, { from: '2026-02-01', to: '2026-02-28' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<Document>();
    expect(doc).toMatchObject({ kind: 'act', status: 'draft', projectId: project.id, periodFrom: '2026-02-01', periodTo: '2026-02-28' });
    expect(doc.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor, l.totalMinor])).toEqual([
      ['Work of the designer role, hours', 12.625, DEFAULT_RATES.designer, expected('designer')],
      ['Work of the developer role, hours', 4.25, DEFAULT_RATES.developer, expected('developer')],
    ]);
    expect(doc.totalMinor).toBe(expected('designer') + expected('developer'));
    expect(preview.json().totalMinor).toBe(doc.totalMinor);
  });

  it('never puts the same work on a second standing act: nothing left is refused with a clear message', async () => {
    const again = await act(project.id, { from: '2026-02-01', to: '2026-02-28' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(
      'Nothing was delivered in this period that is not already on an act: no done tasks with hours to put on it.',
    );
    const empty = await act(project.id, { from: '2025-01-01', to: '2025-01-31' });
    expect(empty.statusCode).toBe(409);
  });

  it('refuses a missing rate in the project’s currency by naming the role and currency, never a zero line', async () => {
    const rub = await createProject(owner, accountId, { name: 'Rouble work', currency: 'RUB' });
    await doneTask(rub.id, 'seo', 2);
    const res = await act(rub.id, { from: '2026-03-01', to: '2026-03-31' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('“seo” has no hourly rate in RUB');
    expect((await owner.get(`/api/v1/documents?projectId=${rub.id}`)).json().items).toEqual([]);
  });

  it('takes work marked done later on the day it was done; that day is never in the future nor on open work', async () => {
    const late = await createProject(owner, accountId, { name: 'Late paperwork', currency: 'EUR' });
    const task = await createTask(owner, late.id, { title: 'Banner', role: 'designer', spentHours: 3 });
    const url = `/api/v1/tasks/${task.id}`;
    expect((await owner.patch(url, { doneOn: '2026-02-10' })).json().errors[0]).toMatchObject({
      field: 'doneOn',
      code: 'work.done_on_open',
    });
    expect((await owner.patch(url, { status: 'done', doneOn: '2026-03-04' })).json().errors[0].code).toBe('validation.date_in_future');
    const done = await owner.patch(url, { status: 'done', doneOn: '2026-01-20' });
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-01-20' });
    const res = await act(late.id, { from: '2026-01-01', to: '2026-01-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Document>().totalMinor).toBe(3 * DEFAULT_RATES.designer);
    // Reopened, it is no longer done on any day.
    expect((await owner.patch(url, { status: 'in_progress' })).json().doneOn).toBeNull();
  });

  it('checks the request: a period or milestones, in order', async () => {
    for (const body of [
      {},
      { from: '2026-02-01' },
      { from: '2026-02-10', to: '2026-02-01' },
      { from: '2026-02-01', to: '2026-02-02', milestoneIds: ['x'] },
    ]) {
      expect((await act(project.id, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('an act by milestones and the invoice made from it', () => {
  let project: Project;
  let doc: Document;

  beforeAll(async () => {
    t.clock.set('2026-03-04T10:00:00.000Z');
    project = await createProject(owner, accountId, { name: 'Brand book', currency: 'EUR', actBasis: 'milestones' });
    const first = await createMilestone(owner, project.id, 'Concepts', '2026-03-10');
    const second = await createMilestone(owner, project.id, 'Guidelines', '2026-03-20');
    await createMilestone(owner, project.id, 'Launch', '2026-04-20');
    for (const [m, price] of [
      [first, 250_000],
      [second, 400_050],
    ] as const) {
      const res = await owner.patch(`/api/v1/milestones/${m.id}`, { status: 'done', priceMinor: price });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'done', doneOn: '2026-03-04', priceMinor: price });
    }
  });

  it('charges each chosen done milestone at its fixed price; a milestone not done is refused by name', async () => {
    const all = (await owner.get(`/api/v1/milestones?projectId=${project.id}`)).json().items as Array<{ id: string; title: string }>;
    const launch = all.find((m) => m.title === 'Launch')!;
    const refused = await act(project.id, { milestoneIds: [launch.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('“Launch” is not done yet');
    doc = await signedAct(project.id, { milestoneIds: all.filter((m) => m.title !== 'Launch').map((m) => m.id) });
    expect(doc.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor])).toEqual([
      ['Concepts', 1, 250_000],
      ['Guidelines', 1, 400_050],
    ]);
    expect(doc.totalMinor).toBe(650_050);
    expect(doc).toMatchObject({ status: 'signed', periodFrom: '2026-03-04', periodTo: '2026-03-04' });
    expect(doc.can.createInvoice).toBe(false); // the client does not make invoices
  });

  it('makes the invoice with every line of the act and a reference to it, once', async () => {
    const made = await owner.post(`/api/v1/documents/${doc.id}/invoice`);
    expect(made.statusCode, made.body).toBe(201);
    const invoice = made.json<Invoice>();
    expect(invoice).toMatchObject({ status: 'draft', currency: 'EUR', projectId: project.id, totalMinor: doc.totalMinor });
    expect(invoice.sourceDocument).toEqual({ id: doc.id, kind: 'act', number: doc.number });
    expect(invoice.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor, l.taxPercent, l.totalMinor])).toEqual(
      doc.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor, l.taxPercent, l.totalMinor]),
    );
    const again = await owner.post(`/api/v1/documents/${doc.id}/invoice`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(`already has invoice ${invoice.id}`);
    const act = (await owner.get(`/api/v1/documents/${doc.id}`)).json<Document>();
    expect(act.invoice).toEqual({ id: invoice.id, number: null });
    expect(act.can.createInvoice).toBe(false);
    const history = (await owner.get(`/api/v1/documents/${doc.id}/history`)).json().items as Array<{
      kind: string;
      invoiceId: string | null;
    }>;
    expect(history.at(-1)).toMatchObject({ kind: 'invoiced', invoiceId: invoice.id });

    // Issued and paid, the chain shows every step; a voided invoice makes room for a new one.
    expect((await owner.post(`/api/v1/invoices/${invoice.id}/issue`, {})).statusCode).toBe(200);
    const issued = (await owner.get(`/api/v1/invoices/${invoice.id}`)).json<Invoice>();
    const named = await owner.post(`/api/v1/documents/${doc.id}/invoice`);
    expect(named.json().detail).toContain(`already has invoice ${issued.number}`);
    expect((await owner.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 650_050, paidOn: '2026-03-04' })).statusCode).toBe(
      201,
    );
    const chain = (await owner.get(`/api/v1/accounts/${accountId}/acts`)).json().items as Array<{
      act: { id: string; status: string };
      invoice: { status: string; paidMinor: number; balanceMinor: number } | null;
    }>;
    expect(chain.find((c) => c.act.id === doc.id)).toMatchObject({
      act: { status: 'signed' },
      invoice: { status: 'paid', paidMinor: 650_050, balanceMinor: 0 },
    });
  });

  it('refuses an invoice from an act that is not signed, and from those who do not invoice the account', async () => {
    const draftProject = await createProject(owner, accountId, { name: 'Menu photos', currency: 'EUR' });
    await doneTask(draftProject.id, 'designer', 1);
    const draft = (await act(draftProject.id, { from: '2026-03-01', to: '2026-03-31' })).json<Document>();
    const res = await owner.post(`/api/v1/documents/${draft.id}/invoice`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('an invoice is made once the client has signed it');
    expect((await client.post(`/api/v1/documents/${doc.id}/invoice`)).statusCode).toBe(403);
    expect((await specialist.post(`/api/v1/documents/${doc.id}/invoice`)).statusCode).toBe(404);
  });
});

describe('invoices from one act requested at once', () => {
  it('make exactly one invoice; every other request is told which one exists', async () => {
    t.clock.set('2026-03-04T10:00:00.000Z');
    const project = await createProject(owner, accountId, { name: 'Race', currency: 'EUR' });
    await doneTask(project.id, 'developer', 5);
    const doc = await signedAct(project.id, { from: '2026-03-01', to: '2026-03-31' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => owner.post(`/api/v1/documents/${doc.id}/invoice`)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const made = answers.find((r) => r.statusCode === 201)!.json<Invoice>();
    for (const r of answers.filter((a) => a.statusCode === 409)) expect(r.json().detail).toContain(made.id);
    const invoices = (await owner.get(`/api/v1/invoices?projectId=${project.id}`)).json().items as Invoice[];
    expect(invoices.map((i) => i.id)).toEqual([made.id]);
  });
});

describe('who may draft acts', () => {
  it('the account’s manager and admins; finance and backups 403, others’ managers and specialists 404', async () => {
    const project = await createProject(owner, accountId, { name: 'Access check', currency: 'EUR' });
    await doneTask(project.id, 'designer', 1);
    const body = { from: '2026-01-01', to: '2026-12-31' };
    const stranger = await t.signIn('account_manager');
    expect((await act(project.id, body, await t.signIn('finance'))).statusCode).toBe(403);
    expect((await act(project.id, body, client)).statusCode).toBe(403);
    expect((await act(project.id, body, stranger)).statusCode).toBe(404);
    expect((await act(project.id, body, specialist)).statusCode).toBe(404);
    const project2 = (await owner.get(`/api/v1/projects/${project.id}`)).json<Project>();
    expect(project2.can.createAct).toBe(true);
    expect((await act(project.id, body, t.admin)).statusCode).toBe(201);
  });
});
