import { describe, expect, it } from 'vitest';
import { createDraft, issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { freshProject, readByUrl, useAbilityWorld, type Can, type Target } from './record-abilities.world.js';
import { abilityResources } from './record-abilities.resources.js';

/*
 * What a record's state allows: an action its state rules out is flagged false for those who
 * could otherwise take it, and the API refuses it for that reason (409), not for who they are.
 */

const ctx = useAbilityWorld();
const RESOURCES = abilityResources(ctx);

describe('what a record’s state allows', () => {
  const resource = (name: string) => RESOURCES.find((r) => r.name === name)!;

  /** As the owner, who may act on company A's records: each action is flagged false and answers `status`. */
  async function expectStateRefuses(name: string, target: Target, actions: string[], status = 409) {
    const r = resource(name);
    const can = await (r.read ?? readByUrl)(ctx.w.as.owner, target);
    for (const action of actions) {
      expect(can?.[action], action).toBe(false);
      expect((await r.actions[action](ctx.w.as.owner, target)).statusCode, action).toBe(status);
    }
  }

  // A draft has no issue date yet; a payment on it names a past day.
  const invoiceTarget = (i: { id: string; issueDate: string | null }): Target => ({
    id: i.id,
    url: `/api/v1/invoices/${i.id}`,
    extra: { issueDate: i.issueDate ?? '2026-01-05' },
  });

  it('an issued invoice is neither changed nor issued again', async () => {
    await expectStateRefuses('invoice', invoiceTarget(await issuedInvoice(ctx.t.admin, ctx.w.accountA.id)), ['update', 'issue']);
  });

  it('a paid invoice is not voided; a settled one is neither credited nor paid again', async () => {
    const invoice = await issuedInvoice(ctx.t.admin, ctx.w.accountA.id);
    await pay(ctx.t.admin, invoice.id, invoice.totalMinor, invoice.issueDate!);
    await expectStateRefuses('invoice', invoiceTarget(invoice), ['void', 'creditNote']);
    await expectStateRefuses('invoice', invoiceTarget(invoice), ['recordPayment'], 400);
  });

  it('a draft is neither credited nor paid; a void invoice is not voided again', async () => {
    const draft = await createDraft(ctx.t.admin, ctx.w.accountA.id);
    await expectStateRefuses('invoice', invoiceTarget(draft), ['creditNote', 'recordPayment']);
    expect((await ctx.t.admin.post(`/api/v1/invoices/${draft.id}/void`, { reason: 'Not needed' })).statusCode).toBe(200);
    await expectStateRefuses('invoice', invoiceTarget(draft), ['void', 'update']);
  });

  it('a reversed payment is not reversed again', async () => {
    const target = await resource('payment').fresh('reverse');
    expect((await ctx.t.admin.post(`${target.url}/reverse`, { reason: 'Bounced' })).statusCode).toBe(200);
    await expectStateRefuses('payment', target, ['reverse']);
  });

  it('an agreed requirement is not deleted or agreed again, but may still be rejected', async () => {
    const target = await resource('requirement').fresh('agree');
    expect((await ctx.t.admin.post(`${target.url}/agree`, { note: 'Signed' })).statusCode).toBe(200);
    await expectStateRefuses('requirement', target, ['delete', 'agree']);
    expect((await readByUrl(ctx.w.as.clientA, target))?.reject).toBe(true);
  });

  it('a submitted plan is not submitted again; a draft plan is not approved', async () => {
    const submitted = await freshProject(ctx, true);
    await expectStateRefuses('project', { id: submitted.id, url: `/api/v1/projects/${submitted.id}` }, ['submitPlan']);
    const draft = await freshProject(ctx);
    const url = `/api/v1/projects/${draft.id}`;
    expect((await readByUrl(ctx.w.as.clientA, { id: draft.id, url }))?.approvePlan).toBe(false);
    expect((await ctx.w.as.clientA.post(`${url}/plan/approve`, {})).statusCode).toBe(409);
  });

  it('a signed act is neither signed, declined nor recorded again, and gives one invoice', async () => {
    const target = await resource('document').fresh('createInvoice');
    const r = resource('document');
    for (const action of ['sign', 'decline']) {
      expect((await readByUrl(ctx.w.as.clientA, target))?.[action], action).toBe(false);
      expect((await r.actions[action](ctx.w.as.clientA, target)).statusCode, action).toBe(409);
    }
    expect((await ctx.t.admin.post(`${target.url}/invoice`)).statusCode).toBe(201);
    await expectStateRefuses('document', target, ['recordPaperSignature', 'createInvoice']);
  });

  it('a draft is not signed: a client does not see it, the manager cannot record it', async () => {
    const target = await resource('document').fresh('update');
    expect((await ctx.w.as.clientA.post(`${target.url}/sign`, { fullName: 'Anna', consent: true })).statusCode).toBe(404);
    await expectStateRefuses('document', target, ['recordPaperSignature', 'createInvoice']);
  });

  it('a call done is not done again', async () => {
    const target = await resource('billing action').fresh('complete');
    expect((await ctx.t.admin.post(`${target.url}/done`)).statusCode).toBe(200);
    const res = await ctx.w.as.owner.get(`/api/v1/billing-actions?state=done&accountId=${ctx.w.accountA.id}&limit=200`);
    const done = (res.json().items as Array<{ id: string; can: Can }>).find((a) => a.id === target.id)!;
    expect(done.can.complete).toBe(false);
    expect((await ctx.w.as.owner.post(`${target.url}/done`)).statusCode).toBe(409);
  });

  it('a sent email is not sent again', async () => {
    const target = await resource('follow-up email').fresh('retry');
    expect((await ctx.t.admin.post(`${target.url}/retry`)).statusCode).toBe(200);
    await expectStateRefuses('follow-up email', target, ['retry']);
  });
});

describe('a user as they see themselves', () => {
  it('an admin changes their own details but never deactivates themselves', async () => {
    const url = `/api/v1/users/${ctx.t.admin.user.id}`;
    const can = await readByUrl(ctx.t.admin, { id: ctx.t.admin.user.id, url });
    expect(can).toEqual({ update: true, setActive: false, changePhoto: true });
    expect((await ctx.t.admin.patch(url, { active: false })).statusCode).toBe(409);
  });
});

describe('an account as its own client user sees it', () => {
  it('has nothing to change, and changing it is refused; writing to its requests thread is theirs', async () => {
    const url = `/api/v1/accounts/${ctx.w.accountA.id}`;
    const { writeMessage, ...changes } = (await readByUrl(ctx.w.as.clientA, { id: ctx.w.accountA.id, url }))!;
    expect(Object.values(changes).every((flag) => flag === false)).toBe(true);
    expect((await ctx.w.as.clientA.patch(url, { industry: 'Retail' })).statusCode).toBe(403);
    expect(writeMessage).toBe(true);
    expect((await ctx.w.as.clientA.post('/api/v1/messages', { accountId: ctx.w.accountA.id, body: 'Hello' })).statusCode).toBe(201);
  });
});
