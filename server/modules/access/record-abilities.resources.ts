import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { addDays } from '../../lib/dates.js';
import { newId } from '../../lib/ids.js';
import { LINES, createDraft, issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createService } from '../../test/catalog-fixtures.js';
import { createMilestone, createTask } from '../../test/delivery-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { createDocument } from '../../test/document-fixtures.js';
import { createInteraction, TINY_PNG } from '../../test/fixtures.js';
import { createObjection } from '../../test/objection-fixtures.js';
import { PASSWORD, type Caller } from '../../test/harness.js';
import { freshProject, readByUrl, type AbilityWorld, type Can, type Resource, type Target } from './record-abilities.world.js';

let seq = 0;
const unique = (what: string) => `${what} ${++seq}`;
const created = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
};

/** The record's entry in a list page, found by id. */
const inList =
  (url: (target: Target) => string) =>
  async (viewer: Caller, target: Target): Promise<Can | undefined> => {
    const res = await viewer.get(url(target));
    // Lists refuse roles that never see such records (403), and a parent one may not read (404).
    if (res.statusCode === 403 || res.statusCode === 404) return undefined;
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Array<{ id: string; can: Can }> }>().items.find((i) => i.id === target.id)?.can;
  };

const MANAGERS = (actions: string[]) => ({ admin: actions, owner: actions });

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
  writeMessage: (v, x) => v.post('/api/v1/messages', { accountId: x.id, body: 'When is the next report due?' }),
};

/** Each kind of record: how one is made, read and listed, its actions, and who may take them. */
export function abilityResources(ctx: AbilityWorld): Resource[] {
  return [
    {
      name: 'account',
      fresh: async () => {
        const name = unique('Gamma Partners');
        const a = await ctx.t.createAccount(ctx.t.admin, { name, ownerId: ctx.w.as.owner.user.id, backupOwnerId: ctx.w.as.backup.user.id });
        return { id: a.id, url: `/api/v1/accounts/${a.id}`, extra: { name } };
      },
      listed: inList((x) => `/api/v1/accounts?q=${encodeURIComponent(x.extra!.name)}`),
      actions: accountActions,
      allowed: {
        admin: Object.keys(accountActions),
        owner: [
          'update',
          'delete',
          'addContact',
          'logInteraction',
          'addProject',
          'seeBilling',
          'createInvoice',
          'createDocument',
          'writeMessage',
        ],
        backup: ['seeBilling', 'writeMessage'],
        finance: ['seeBilling', 'createInvoice', 'changeStopWork', 'createDocument', 'writeMessage'],
      },
    },
    {
      name: 'contact',
      fresh: async () => {
        const c = await ctx.t.createContact(ctx.t.admin, ctx.w.accountA.id, 'Spare');
        return { id: c.id, url: `/api/v1/contacts/${c.id}` };
      },
      listed: inList(() => `/api/v1/contacts?accountId=${ctx.w.accountA.id}&limit=200`),
      actions: {
        update: (v, x) => v.patch(x.url, { position: 'CTO' }),
        delete: (v, x) => v.delete(x.url),
        logInteraction: (v, x) =>
          v.post('/api/v1/interactions', {
            accountId: ctx.w.accountA.id,
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
        const i = await createInteraction(ctx.t.admin, ctx.w.accountA.id);
        return { id: i.id, url: `/api/v1/interactions/${i.id}` };
      },
      listed: inList(() => `/api/v1/interactions?accountId=${ctx.w.accountA.id}&limit=200`),
      actions: {
        update: (v, x) => v.patch(x.url, { summary: 'Rewritten' }),
        delete: (v, x) => v.delete(x.url),
      },
      allowed: MANAGERS(['update', 'delete']),
    },
    {
      // Owned by the backup manager: they change their own deal of an account they only back up.
      name: 'deal',
      fresh: async () => {
        const d = await createDeal(ctx.t.admin, ctx.w.accountA.id, { ownerId: ctx.w.as.backup.user.id });
        return { id: d.id, url: `/api/v1/deals/${d.id}` };
      },
      listed: inList(() => `/api/v1/deals?accountId=${ctx.w.accountA.id}&limit=200`),
      actions: {
        update: (v, x) => v.patch(x.url, { amount: 777_00 }),
        moveStage: (v, x) => v.post(`${x.url}/stage`, { stage: 'proposal' }),
      },
      allowed: { admin: ['update', 'moveStage'], owner: ['update', 'moveStage'], backup: ['update', 'moveStage'] },
    },
    {
      // On a deal the backup manager owns: its objections are theirs to change, as the deal is.
      name: 'objection',
      fresh: async () => {
        const d = await createDeal(ctx.t.admin, ctx.w.accountA.id, { ownerId: ctx.w.as.backup.user.id });
        const o = await createObjection(ctx.t.admin, d.id);
        return { id: o.id, url: `/api/v1/objections/${o.id}` };
      },
      listed: inList(() => `/api/v1/objections?accountId=${ctx.w.accountA.id}&limit=200`),
      actions: {
        update: (v, x) => v.patch(x.url, { result: 'lost' }),
        delete: (v, x) => v.delete(x.url),
      },
      allowed: { admin: ['update', 'delete'], owner: ['update', 'delete'], backup: ['update', 'delete'] },
    },
    {
      name: 'project',
      fresh: async (action) => {
        const p = await freshProject(ctx, action === 'approvePlan' || action === 'requestPlanChanges' || action === 'remindClient');
        // delivered work for an act
        if (action === 'createAct') await createTask(ctx.t.admin, p.id, { role: 'designer', status: 'done', spentHours: 2 });
        return { id: p.id, url: `/api/v1/projects/${p.id}` };
      },
      listed: inList(() => `/api/v1/projects?accountId=${ctx.w.accountA.id}&limit=200`),
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
        const m = await createMilestone(ctx.t.admin, ctx.projectA.id, unique('Phase'), '2026-04-15');
        return { id: m.id, url: `/api/v1/milestones/${m.id}` };
      },
      listed: inList(() => `/api/v1/milestones?projectId=${ctx.projectA.id}`),
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
          await ctx.t.admin.post('/api/v1/requirements', { projectId: ctx.projectA.id, party: 'company', text: unique('Fast pages') }),
        );
        return { id: r.id, url: `/api/v1/requirements/${r.id}` };
      },
      listed: inList(() => `/api/v1/requirements?projectId=${ctx.projectA.id}`),
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
        const p = await freshProject(ctx);
        const url = `/api/v1/projects/${p.id}/brief`;
        // A brief can be submitted once every question is answered.
        if (action === 'submit') {
          const { questions } = (await ctx.t.admin.get(url)).json<{ questions: { id: string }[] }>();
          await ctx.t.admin.put(`${url}/answers`, { answers: questions.map((q) => ({ questionId: q.id, answer: 'Answered' })) });
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
      name: 'service',
      fresh: async (action) => {
        const s = await createService(ctx.t.admin, { name: { en: unique('Usability audit') } });
        const url = `/api/v1/services/${s.id}`;
        if (action === 'reactivate') expect((await ctx.t.admin.post(`${url}/deactivate`)).statusCode).toBe(200);
        return { id: s.id, url, extra: { name: s.name.en! } };
      },
      listed: inList((x) => `/api/v1/services?q=${encodeURIComponent(x.extra!.name)}`),
      actions: {
        update: (v, x) => v.patch(x.url, { unit: 'hour' }),
        deactivate: (v, x) => v.post(`${x.url}/deactivate`),
        reactivate: (v, x) => v.post(`${x.url}/reactivate`),
      },
      allowed: { admin: ['update', 'deactivate', 'reactivate'] },
    },
    {
      name: 'task',
      fresh: async () => {
        const task = await createTask(ctx.t.admin, ctx.projectA.id, { assigneeId: ctx.w.as.specialist.user.id, title: unique('Task') });
        return { id: task.id, url: `/api/v1/tasks/${task.id}` };
      },
      listed: inList(() => `/api/v1/tasks?projectId=${ctx.projectA.id}&limit=200`),
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
        const i = issued ? await issuedInvoice(ctx.t.admin, ctx.w.accountA.id) : await createDraft(ctx.t.admin, ctx.w.accountA.id);
        return { id: i.id, url: `/api/v1/invoices/${i.id}`, extra: { issueDate: i.issueDate ?? '' } };
      },
      listed: inList(() => `/api/v1/invoices?accountId=${ctx.w.accountA.id}&limit=200`),
      actions: {
        update: (v, x) => v.patch(x.url, { notes: 'Changed notes' }),
        issue: (v, x) => v.post(`${x.url}/issue`, {}),
        void: (v, x) => v.post(`${x.url}/void`, { reason: 'Entered twice' }),
        creditNote: (v, x) => v.post(`${x.url}/credit-note`, { reason: 'Discount agreed' }),
        recordPayment: (v, x) => v.post('/api/v1/payments', { invoiceId: x.id, amountMinor: 1_000, paidOn: x.extra!.issueDate }),
        send: (v, x) => v.post(`${x.url}/send`, { contactIds: [ctx.w.contactA.id] }),
      },
      allowed: {
        ...MANAGERS(['update', 'issue', 'void', 'creditNote', 'recordPayment', 'send']),
        finance: ['update', 'issue', 'void', 'creditNote', 'recordPayment', 'send'],
      },
    },
    {
      name: 'document',
      fresh: async (action) => {
        const d = await createDocument(ctx.t.admin, ctx.w.accountA.id);
        const url = `/api/v1/documents/${d.id}`;
        // The client answers a sent act; an invoice is made from a signed one.
        if (['sign', 'decline', 'recordPaperSignature', 'createInvoice'].includes(action)) {
          expect((await ctx.t.admin.post(`${url}/send`, { contactIds: [ctx.w.contactA.id] })).statusCode).toBe(200);
        }
        if (action === 'createInvoice')
          expect((await ctx.w.as.clientA.post(`${url}/sign`, { fullName: 'Anna', consent: true })).statusCode).toBe(200);
        return { id: d.id, url };
      },
      listed: inList(() => `/api/v1/documents?accountId=${ctx.w.accountA.id}&limit=200`),
      actions: {
        update: (v, x) => v.patch(x.url, { notes: 'Changed notes' }),
        send: (v, x) => v.post(`${x.url}/send`, { contactIds: [ctx.w.contactA.id] }),
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
        const invoice = await issuedInvoice(ctx.t.admin, ctx.w.accountA.id);
        const p = await pay(ctx.t.admin, invoice.id, 1_000, invoice.issueDate!);
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
        const u = created(await ctx.t.admin.post('/api/v1/users', { email, name, role: 'specialist', password: PASSWORD }));
        return { id: u.id, url: `/api/v1/users/${u.id}`, extra: { name } };
      },
      listed: inList((x) => `/api/v1/users?q=${encodeURIComponent(x.extra!.name)}`),
      actions: {
        update: (v, x) => v.patch(x.url, { name: 'Renamed Specialist' }),
        setActive: (v, x) => v.patch(x.url, { active: false }),
        changePhoto: (v, x) => v.put(`${x.url}/photo`, TINY_PNG, { 'content-type': 'image/png' }),
      },
      allowed: { admin: ['update', 'setActive', 'changePhoto'] },
    },
    {
      name: 'billing action',
      fresh: async () => {
        const id = newId();
        const now = ctx.t.clock.now().toISOString();
        await ctx.t.app.services.billingActions.create(ctx.t.database.db, [
          {
            id,
            kind: 'call',
            account_id: ctx.w.accountA.id,
            invoice_id: null,
            assignee_id: ctx.w.as.owner.user.id,
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
      read: (v, x) => inList(() => `/api/v1/billing-actions?state=open&accountId=${ctx.w.accountA.id}&limit=200`)(v, x),
      listed: inList(() => `/api/v1/billing-actions?state=open&accountId=${ctx.w.accountA.id}&limit=200`),
      actions: { complete: (v, x) => v.post(`${x.url}/done`) },
      allowed: MANAGERS(['complete']),
    },
    {
      name: 'follow-up email',
      fresh: async () => {
        // One follow-up email per account and day: each case's is of another day.
        const day = addDays('2025-01-01', ++seq);
        const emails = await ctx.t.app.services.outbox.enqueue(ctx.t.database.db, [
          {
            accountId: ctx.w.accountA.id,
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
        const id = emails.get(ctx.w.accountA.id)!.id;
        return { id, url: `/api/v1/follow-ups/${id}` };
      },
      read: (v, x) => inList(() => `/api/v1/follow-ups?accountId=${ctx.w.accountA.id}&limit=200`)(v, x),
      listed: inList(() => `/api/v1/follow-ups?accountId=${ctx.w.accountA.id}&limit=200`),
      actions: { retry: (v, x) => v.post(`${x.url}/retry`) },
      allowed: { ...MANAGERS(['retry']), finance: ['retry'] },
    },
  ];
}
