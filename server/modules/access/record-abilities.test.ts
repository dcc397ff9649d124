import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates.js';
import { newId } from '../../lib/ids.js';
import { LINES, createDraft, issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createDocument } from '../../test/document-fixtures.js';
import { createInteraction } from '../../test/fixtures.js';
import { PASSWORD, createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { VIEWERS, buildWorld, type Viewer, type World } from '../../test/world.js';

/*
 * Every record carries `can`: what the caller may do with it. For each kind of record and
 * each point of view of the access world, the flags must be what the rules say, and the API
 * must agree with them: an action flagged true succeeds, one flagged false is refused.
 */

let t: TestApp;
let w: World;
let sink: SmtpSink;
/** Company A's project, with a task of the specialist's so they reach it. */
let projectA: { id: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: 'https://liaison.example' });
  w = await buildWorld(t);
  projectA = await createProject(t.admin, w.accountA.id);
  await createTask(t.admin, projectA.id, { assigneeId: w.as.specialist.user.id });
  // Someone at company A to remind of what waits for their approval.
  const portal = { accountId: w.accountA.id, firstName: 'Pavel', email: 'pavel@alpha.example', portalAccess: true };
  expect((await t.admin.post('/api/v1/contacts', portal)).statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

type Can = Record<string, boolean>;

/** A record made for one case: its id, where it is read, and anything its actions need. */
interface Target {
  id: string;
  url: string;
  extra?: Record<string, string>;
}

interface Resource {
  name: string;
  /** A record of company A (or, for accounts, like company A), in a state that allows `action`. */
  fresh: (action: string) => Promise<Target>;
  /** Its `can` as the viewer reads it; undefined when the viewer may not see it. */
  read?: (viewer: Caller, target: Target) => Promise<Can | undefined>;
  /** Its `can` as a page of a list shows it to the viewer; undefined when the list refuses them or leaves it out. */
  listed: (viewer: Caller, target: Target) => Promise<Can | undefined>;
  actions: Record<string, (viewer: Caller, target: Target) => Promise<LightMyRequestResponse>>;
  /** The actions each viewer may take on such a record. */
  allowed: Partial<Record<Viewer, string[]>>;
}

let seq = 0;
const unique = (what: string) => `${what} ${++seq}`;
const created = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
};

/** The single read: GET the record's URL. */
const readByUrl = async (viewer: Caller, target: Target): Promise<Can | undefined> => {
  const res = await viewer.get(target.url);
  if (res.statusCode === 404) return undefined;
  expect(res.statusCode, res.body).toBe(200);
  return res.json().can;
};

/** The record's entry in a list page, found by id. */
const inList =
  (url: (target: Target) => string) =>
  async (viewer: Caller, target: Target): Promise<Can | undefined> => {
    const res = await viewer.get(url(target));
    // Lists refuse roles that never see such records (403), and a parent one may not read (404).
    if (res.statusCode === 403 || res.statusCode === 404) return undefined;
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ id: string; can: Can }>).find((i) => i.id === target.id)?.can;
  };

const ALL = (r: Resource) => Object.keys(r.actions);
const MANAGERS = (actions: string[]) => ({ admin: actions, owner: actions });

const freshProject = async (submitted = false) => {
  const project = await createProject(t.admin, w.accountA.id);
  await createMilestone(t.admin, project.id, 'Discovery', '2026-04-01');
  await createTask(t.admin, project.id, { assigneeId: w.as.specialist.user.id });
  if (submitted) expect((await t.admin.post(`/api/v1/projects/${project.id}/plan/submit`)).statusCode).toBe(200);
  return project;
};

const accountActions: Resource['actions'] = {
  update: (v, x) => v.patch(x.url, { industry: 'Retail' }),
  delete: (v, x) => v.delete(x.url),
  addContact: (v, x) => v.post('/api/v1/contacts', { accountId: x.id, firstName: 'Nina' }),
  logInteraction: (v, x) =>
    v.post('/api/v1/interactions', { accountId: x.id, type: 'note', occurredAt: '2026-03-01T12:00:00Z', summary: 'A note' }),
  addProject: (v, x) => v.post('/api/v1/projects', { accountId: x.id, name: 'Launch' }),
  seeBilling: (v, x) => v.get(`${x.url}/exposure`),
  createInvoice: (v, x) => v.post('/api/v1/invoices', { accountId: x.id, lines: LINES }),
  changeStopWork: (v, x) => v.post(`${x.url}/stop-work`, { reason: 'Unpaid invoices' }),
  createDocument: (v, x) => v.post('/api/v1/documents', { kind: 'other', accountId: x.id }),
};

const RESOURCES: Resource[] = [
  {
    name: 'account',
    fresh: async () => {
      const name = unique('Gamma Partners');
      const a = await t.createAccount(t.admin, { name, ownerId: w.as.owner.user.id, backupOwnerId: w.as.backup.user.id });
      return { id: a.id, url: `/api/v1/accounts/${a.id}`, extra: { name } };
    },
    listed: inList((x) => `/api/v1/accounts?q=${encodeURIComponent(x.extra!.name)}`),
    actions: accountActions,
    allowed: {
      admin: Object.keys(accountActions),
      owner: ['update', 'delete', 'addContact', 'logInteraction', 'addProject', 'seeBilling', 'createInvoice', 'createDocument'],
      backup: ['seeBilling'],
      finance: ['seeBilling', 'createInvoice', 'changeStopWork', 'createDocument'],
    },
  },
  {
    name: 'contact',
    fresh: async () => {
      const c = await t.createContact(t.admin, w.accountA.id, 'Spare');
      return { id: c.id, url: `/api/v1/contacts/${c.id}` };
    },
    listed: inList(() => `/api/v1/contacts?accountId=${w.accountA.id}&limit=200`),
    actions: {
      update: (v, x) => v.patch(x.url, { position: 'CTO' }),
      delete: (v, x) => v.delete(x.url),
      logInteraction: (v, x) =>
        v.post('/api/v1/interactions', {
          accountId: w.accountA.id,
          contactIds: [x.id],
          type: 'call',
          occurredAt: '2026-03-02T09:00:00Z',
          summary: 'Called them',
        }),
      invite: (v, x) => v.post(`${x.url}/invite`),
    },
    allowed: MANAGERS(['update', 'delete', 'logInteraction', 'invite']),
  },
  {
    name: 'interaction',
    fresh: async () => {
      const i = await createInteraction(t.admin, w.accountA.id);
      return { id: i.id, url: `/api/v1/interactions/${i.id}` };
    },
    listed: inList(() => `/api/v1/interactions?accountId=${w.accountA.id}&limit=200`),
    actions: {
      update: (v, x) => v.patch(x.url, { summary: 'Rewritten' }),
      delete: (v, x) => v.delete(x.url),
    },
    allowed: MANAGERS(['update', 'delete']),
  },
  {
    name: 'project',
    fresh: async (action) => {
      const p = await freshProject(action === 'approvePlan' || action === 'requestPlanChanges' || action === 'remindClient');
      // delivered work for an act
      if (action === 'createAct') await createTask(t.admin, p.id, { role: 'designer', status: 'done', spentHours: 2 });
      return { id: p.id, url: `/api/v1/projects/${p.id}` };
    },
    listed: inList(() => `/api/v1/projects?accountId=${w.accountA.id}&limit=200`),
    actions: {
      update: (v, x) => v.patch(x.url, { name: 'Renamed project' }),
      delete: (v, x) => v.delete(x.url),
      setTeam: (v, x) => v.put(`${x.url}/team`, { members: [] }),
      submitPlan: (v, x) => v.post(`${x.url}/plan/submit`),
      approvePlan: (v, x) => v.post(`${x.url}/plan/approve`, { note: 'Approved on a call' }),
      requestPlanChanges: (v, x) => v.post(`${x.url}/plan/request-changes`, { comment: 'Move the launch a week later' }),
      addMilestone: (v, x) => v.post('/api/v1/milestones', { projectId: x.id, title: 'Launch', dueDate: '2026-05-01' }),
      addRequirement: (v, x) => v.post('/api/v1/requirements', { projectId: x.id, party: 'client', text: 'Works on phones' }),
      addTask: (v, x) => v.post('/api/v1/tasks', { projectId: x.id, title: 'Audit' }),
      remindClient: (v, x) => v.post(`${x.url}/remind-client`),
      sendStatusReport: (v, x) => v.post(`${x.url}/status-reports`, { send: false }),
      createAct: (v, x) => v.post(`${x.url}/acts`, { from: '2026-01-01', to: '2026-12-31' }),
    },
    allowed: {
      ...MANAGERS([
        'update',
        'delete',
        'setTeam',
        'submitPlan',
        'approvePlan',
        'requestPlanChanges',
        'addMilestone',
        'addRequirement',
        'addTask',
        'remindClient',
        'sendStatusReport',
        'createAct',
      ]),
      clientA: ['approvePlan', 'requestPlanChanges'],
    },
  },
  {
    name: 'milestone',
    fresh: async () => {
      const m = await createMilestone(t.admin, projectA.id, unique('Phase'), '2026-04-15');
      return { id: m.id, url: `/api/v1/milestones/${m.id}` };
    },
    listed: inList(() => `/api/v1/milestones?projectId=${projectA.id}`),
    actions: {
      update: (v, x) => v.patch(x.url, { title: 'Renamed phase' }),
      delete: (v, x) => v.delete(x.url),
    },
    allowed: MANAGERS(['update', 'delete']),
  },
  {
    name: 'requirement',
    fresh: async () => {
      const r = created(
        await t.admin.post('/api/v1/requirements', { projectId: projectA.id, party: 'company', text: unique('Fast pages') }),
      );
      return { id: r.id, url: `/api/v1/requirements/${r.id}` };
    },
    listed: inList(() => `/api/v1/requirements?projectId=${projectA.id}`),
    actions: {
      update: (v, x) => v.patch(x.url, { text: 'Very fast pages' }),
      delete: (v, x) => v.delete(x.url),
      agree: (v, x) => v.post(`${x.url}/agree`, { note: 'Agreed in the meeting' }),
      reject: (v, x) => v.post(`${x.url}/reject`, { note: 'Rejected in the meeting' }),
    },
    allowed: { ...MANAGERS(['update', 'delete', 'agree', 'reject']), clientA: ['agree', 'reject'] },
  },
  {
    name: 'brief',
    fresh: async (action) => {
      const p = await freshProject();
      const url = `/api/v1/projects/${p.id}/brief`;
      // A brief can be submitted once every question is answered.
      if (action === 'submit') {
        const { questions } = (await t.admin.get(url)).json<{ questions: { id: string }[] }>();
        await t.admin.put(`${url}/answers`, { answers: questions.map((q) => ({ questionId: q.id, answer: 'Answered' })) });
      }
      return { id: p.id, url };
    },
    listed: readByUrl,
    actions: {
      answer: (v, x) => v.put(`${x.url}/answers`, { answers: [{ questionId: 'goals', answer: 'More leads' }] }),
      submit: (v, x) => v.post(`${x.url}/submit`),
    },
    allowed: { ...MANAGERS(['answer', 'submit']), clientA: ['answer', 'submit'] },
  },
  {
    name: 'task',
    fresh: async () => {
      const task = await createTask(t.admin, projectA.id, { assigneeId: w.as.specialist.user.id, title: unique('Task') });
      return { id: task.id, url: `/api/v1/tasks/${task.id}` };
    },
    listed: inList(() => `/api/v1/tasks?projectId=${projectA.id}&limit=200`),
    actions: {
      update: (v, x) => v.patch(x.url, { title: 'Renamed task' }),
      updateProgress: (v, x) => v.patch(x.url, { status: 'in_progress', spentHours: 2 }),
      delete: (v, x) => v.delete(x.url),
      comment: (v, x) => v.post(`${x.url}/comments`, { body: 'On it' }),
    },
    allowed: {
      ...MANAGERS(['update', 'updateProgress', 'delete', 'comment']),
      backup: ['comment'],
      finance: ['comment'],
      specialist: ['updateProgress', 'comment'],
    },
  },
  {
    name: 'invoice',
    fresh: async (action) => {
      const issued = action === 'creditNote' || action === 'recordPayment' || action === 'send';
      const i = issued ? await issuedInvoice(t.admin, w.accountA.id) : await createDraft(t.admin, w.accountA.id);
      return { id: i.id, url: `/api/v1/invoices/${i.id}`, extra: { issueDate: i.issueDate ?? '' } };
    },
    listed: inList(() => `/api/v1/invoices?accountId=${w.accountA.id}&limit=200`),
    actions: {
      update: (v, x) => v.patch(x.url, { notes: 'Changed notes' }),
      issue: (v, x) => v.post(`${x.url}/issue`, {}),
      void: (v, x) => v.post(`${x.url}/void`, { reason: 'Entered twice' }),
      creditNote: (v, x) => v.post(`${x.url}/credit-note`, { reason: 'Discount agreed' }),
      recordPayment: (v, x) => v.post('/api/v1/payments', { invoiceId: x.id, amountMinor: 1_000, paidOn: x.extra!.issueDate }),
      send: (v, x) => v.post(`${x.url}/send`, { contactIds: [w.contactA.id] }),
    },
    allowed: {
      ...MANAGERS(['update', 'issue', 'void', 'creditNote', 'recordPayment', 'send']),
      finance: ['update', 'issue', 'void', 'creditNote', 'recordPayment', 'send'],
    },
  },
  {
    name: 'document',
    fresh: async (action) => {
      const d = await createDocument(t.admin, w.accountA.id);
      const url = `/api/v1/documents/${d.id}`;
      // The client answers a sent act; an invoice is made from a signed one.
      if (['sign', 'decline', 'recordPaperSignature', 'createInvoice'].includes(action)) {
        expect((await t.admin.post(`${url}/send`, { contactIds: [w.contactA.id] })).statusCode).toBe(200);
      }
      if (action === 'createInvoice')
        expect((await w.as.clientA.post(`${url}/sign`, { fullName: 'Anna', consent: true })).statusCode).toBe(200);
      return { id: d.id, url };
    },
    listed: inList(() => `/api/v1/documents?accountId=${w.accountA.id}&limit=200`),
    actions: {
      update: (v, x) => v.patch(x.url, { notes: 'Changed notes' }),
      send: (v, x) => v.post(`${x.url}/send`, { contactIds: [w.contactA.id] }),
      cancel: (v, x) => v.post(`${x.url}/cancel`, { reason: 'Drafted twice' }),
      seeHistory: (v, x) => v.get(`${x.url}/history`),
      sign: (v, x) => v.post(`${x.url}/sign`, { fullName: 'Anna Alpha', consent: true }),
      decline: (v, x) => v.post(`${x.url}/decline`, { reason: 'Not what we agreed' }),
      recordPaperSignature: (v, x) =>
        v.put(`${x.url}/signed-copy?signerName=Anna`, Buffer.from('%PDF-1.4\n%%EOF\n'), { 'content-type': 'application/pdf' }),
      createInvoice: (v, x) => v.post(`${x.url}/invoice`),
    },
    allowed: {
      ...MANAGERS(['update', 'send', 'cancel', 'seeHistory', 'recordPaperSignature', 'createInvoice']),
      finance: ['update', 'send', 'cancel', 'seeHistory', 'recordPaperSignature', 'createInvoice'],
      backup: ['seeHistory'],
      clientA: ['sign', 'decline'],
    },
  },
  {
    name: 'payment',
    fresh: async () => {
      const invoice = await issuedInvoice(t.admin, w.accountA.id);
      const p = await pay(t.admin, invoice.id, 1_000, invoice.issueDate!);
      return { id: p.id, url: `/api/v1/payments/${p.id}`, extra: { invoiceId: invoice.id } };
    },
    listed: inList((x) => `/api/v1/payments?invoiceId=${x.extra!.invoiceId}`),
    actions: { reverse: (v, x) => v.post(`${x.url}/reverse`, { reason: 'The transfer bounced' }) },
    allowed: { ...MANAGERS(['reverse']), finance: ['reverse'] },
  },
  {
    name: 'user',
    fresh: async () => {
      const name = unique('Spare Specialist');
      const email = `spare.${seq}@example.test`;
      const u = created(await t.admin.post('/api/v1/users', { email, name, role: 'specialist', password: PASSWORD }));
      return { id: u.id, url: `/api/v1/users/${u.id}`, extra: { name } };
    },
    listed: inList((x) => `/api/v1/users?q=${encodeURIComponent(x.extra!.name)}`),
    actions: {
      update: (v, x) => v.patch(x.url, { name: 'Renamed Specialist' }),
      setActive: (v, x) => v.patch(x.url, { active: false }),
    },
    allowed: { admin: ['update', 'setActive'] },
  },
  {
    name: 'billing action',
    fresh: async () => {
      const id = newId();
      const now = t.clock.now().toISOString();
      await t.app.services.billingActions.create(t.database.db, [
        {
          id,
          kind: 'call',
          account_id: w.accountA.id,
          invoice_id: null,
          assignee_id: w.as.owner.user.id,
          assignee_role: null,
          title: 'Call about the overdue invoice',
          detail: 'It is 10 days overdue',
          wording: null,
          due_date: now.slice(0, 10),
          done_at: null,
          done_by: null,
          version: 1,
          created_at: now,
          updated_at: now,
        },
      ]);
      return { id, url: `/api/v1/billing-actions/${id}` };
    },
    read: (v, x) => inList(() => `/api/v1/billing-actions?state=open&accountId=${w.accountA.id}&limit=200`)(v, x),
    listed: inList(() => `/api/v1/billing-actions?state=open&accountId=${w.accountA.id}&limit=200`),
    actions: { complete: (v, x) => v.post(`${x.url}/done`) },
    allowed: MANAGERS(['complete']),
  },
  {
    name: 'follow-up email',
    fresh: async () => {
      // One follow-up email per account and day: each case's is of another day.
      const day = addDays('2025-01-01', ++seq);
      const emails = await t.app.services.outbox.enqueue(t.database.db, [
        {
          accountId: w.accountA.id,
          purpose: 'follow_up',
          purposeDate: day,
          to: 'accounts@alpha.test',
          subject: `Reminder of ${day}`,
          text: 'Please pay',
          html: '<p>Please pay</p>',
          attachments: [],
          events: { sent: 'follow_up_sent', failed: 'follow_up_failed', data: {} },
        },
      ]);
      const id = emails.get(w.accountA.id)!.id;
      return { id, url: `/api/v1/follow-ups/${id}` };
    },
    read: (v, x) => inList(() => `/api/v1/follow-ups?accountId=${w.accountA.id}&limit=200`)(v, x),
    listed: inList(() => `/api/v1/follow-ups?accountId=${w.accountA.id}&limit=200`),
    actions: { retry: (v, x) => v.post(`${x.url}/retry`) },
    allowed: { ...MANAGERS(['retry']), finance: ['retry'] },
  },
];

describe.each(RESOURCES)('$name', (r) => {
  const cases = VIEWERS.flatMap((viewer) =>
    ALL(r).map((action) => ({ viewer, action, allowed: r.allowed[viewer]?.includes(action) ?? false })),
  );

  it.each(cases)('$viewer: can.$action is $allowed, and the API agrees', async ({ viewer, action, allowed }) => {
    const target = await r.fresh(action);
    const can = await (r.read ?? readByUrl)(w.as[viewer], target);
    if (can) expect(Object.keys(can).sort()).toEqual(ALL(r).sort());
    expect(can?.[action] ?? false).toBe(allowed);
    const res = await r.actions[action](w.as[viewer], target);
    if (allowed) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      // Refused for who they are (never for the record's state, which allows the action here).
      expect([400, 403, 404], res.body).toContain(res.statusCode);
    }
  });

  it.each([...VIEWERS])('%s: a list shows the same abilities as the single read', async (viewer) => {
    const target = await r.fresh(ALL(r)[0]);
    const single = await (r.read ?? readByUrl)(w.as[viewer], target);
    expect(await r.listed(w.as[viewer], target)).toEqual(single);
  });
});

describe('what a record’s state allows', () => {
  const resource = (name: string) => RESOURCES.find((r) => r.name === name)!;

  /** As the owner, who may act on company A's records: each action is flagged false and answers `status`. */
  async function expectStateRefuses(name: string, target: Target, actions: string[], status = 409) {
    const r = resource(name);
    const can = await (r.read ?? readByUrl)(w.as.owner, target);
    for (const action of actions) {
      expect(can?.[action], action).toBe(false);
      expect((await r.actions[action](w.as.owner, target)).statusCode, action).toBe(status);
    }
  }

  // A draft has no issue date yet; a payment on it names a past day.
  const invoiceTarget = (i: { id: string; issueDate: string | null }): Target => ({
    id: i.id,
    url: `/api/v1/invoices/${i.id}`,
    extra: { issueDate: i.issueDate ?? '2026-01-05' },
  });

  it('an issued invoice is neither changed nor issued again', async () => {
    await expectStateRefuses('invoice', invoiceTarget(await issuedInvoice(t.admin, w.accountA.id)), ['update', 'issue']);
  });

  it('a paid invoice is not voided; a settled one is neither credited nor paid again', async () => {
    const invoice = await issuedInvoice(t.admin, w.accountA.id);
    await pay(t.admin, invoice.id, invoice.totalMinor, invoice.issueDate!);
    await expectStateRefuses('invoice', invoiceTarget(invoice), ['void', 'creditNote']);
    await expectStateRefuses('invoice', invoiceTarget(invoice), ['recordPayment'], 400);
  });

  it('a draft is neither credited nor paid; a void invoice is not voided again', async () => {
    const draft = await createDraft(t.admin, w.accountA.id);
    await expectStateRefuses('invoice', invoiceTarget(draft), ['creditNote', 'recordPayment']);
    expect((await t.admin.post(`/api/v1/invoices/${draft.id}/void`, { reason: 'Not needed' })).statusCode).toBe(200);
    await expectStateRefuses('invoice', invoiceTarget(draft), ['void', 'update']);
  });

  it('a reversed payment is not reversed again', async () => {
    const target = await resource('payment').fresh('reverse');
    expect((await t.admin.post(`${target.url}/reverse`, { reason: 'Bounced' })).statusCode).toBe(200);
    await expectStateRefuses('payment', target, ['reverse']);
  });

  it('an agreed requirement is not deleted or agreed again, but may still be rejected', async () => {
    const target = await resource('requirement').fresh('agree');
    expect((await t.admin.post(`${target.url}/agree`, { note: 'Signed' })).statusCode).toBe(200);
    await expectStateRefuses('requirement', target, ['delete', 'agree']);
    expect((await readByUrl(w.as.clientA, target))?.reject).toBe(true);
  });

  it('a submitted plan is not submitted again; a draft plan is not approved', async () => {
    const submitted = await freshProject(true);
    await expectStateRefuses('project', { id: submitted.id, url: `/api/v1/projects/${submitted.id}` }, ['submitPlan']);
    const draft = await freshProject();
    const url = `/api/v1/projects/${draft.id}`;
    expect((await readByUrl(w.as.clientA, { id: draft.id, url }))?.approvePlan).toBe(false);
    expect((await w.as.clientA.post(`${url}/plan/approve`, {})).statusCode).toBe(409);
  });

  it('a signed act is neither signed, declined nor recorded again, and gives one invoice', async () => {
    const target = await resource('document').fresh('createInvoice');
    const r = resource('document');
    for (const action of ['sign', 'decline']) {
      expect((await readByUrl(w.as.clientA, target))?.[action], action).toBe(false);
      expect((await r.actions[action](w.as.clientA, target)).statusCode, action).toBe(409);
    }
    expect((await t.admin.post(`${target.url}/invoice`)).statusCode).toBe(201);
    await expectStateRefuses('document', target, ['recordPaperSignature', 'createInvoice']);
  });

  it('a draft is not signed: a client does not see it, the manager cannot record it', async () => {
    const target = await resource('document').fresh('update');
    expect((await w.as.clientA.post(`${target.url}/sign`, { fullName: 'Anna', consent: true })).statusCode).toBe(404);
    await expectStateRefuses('document', target, ['recordPaperSignature', 'createInvoice']);
  });

  it('a call done is not done again', async () => {
    const target = await resource('billing action').fresh('complete');
    expect((await t.admin.post(`${target.url}/done`)).statusCode).toBe(200);
    const res = await w.as.owner.get(`/api/v1/billing-actions?state=done&accountId=${w.accountA.id}&limit=200`);
    const done = (res.json().items as Array<{ id: string; can: Can }>).find((a) => a.id === target.id)!;
    expect(done.can.complete).toBe(false);
    expect((await w.as.owner.post(`${target.url}/done`)).statusCode).toBe(409);
  });

  it('a sent email is not sent again', async () => {
    const target = await resource('follow-up email').fresh('retry');
    expect((await t.admin.post(`${target.url}/retry`)).statusCode).toBe(200);
    await expectStateRefuses('follow-up email', target, ['retry']);
  });
});

describe('a user as they see themselves', () => {
  it('an admin changes their own details but never deactivates themselves', async () => {
    const url = `/api/v1/users/${t.admin.user.id}`;
    const can = await readByUrl(t.admin, { id: t.admin.user.id, url });
    expect(can).toEqual({ update: true, setActive: false });
    expect((await t.admin.patch(url, { active: false })).statusCode).toBe(409);
  });
});

describe('an account as its own client user sees it', () => {
  it('has nothing to change, and changing it is refused', async () => {
    const url = `/api/v1/accounts/${w.accountA.id}`;
    const can = await readByUrl(w.as.clientA, { id: w.accountA.id, url });
    expect(Object.values(can!).every((flag) => flag === false)).toBe(true);
    expect((await w.as.clientA.patch(url, { industry: 'Retail' })).statusCode).toBe(403);
  });
});
