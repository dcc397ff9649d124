import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { mailsTo } from '../../test/survey-fixtures.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let sink: SmtpSink;
let t: TestApp;
let w: World;
let overdue: { id: string; number: string | null };
let notYet: { id: string };
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-10-01T09:00:00.000Z' });
  w = await buildWorld(t);
  overdue = await issuedInvoice(w.as.owner, w.accountA.id, { issueDate: '2026-10-01' }); // due 15 Oct
  await moveClockTo(t, w, '2026-10-25T09:00:00.000Z'); // 10 days overdue: the 7-day step
  notYet = await issuedInvoice(w.as.owner, w.accountA.id, { issueDate: '2026-10-20' }); // due 3 Nov
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('“Send the reminder” on an overdue invoice of Today', () => {
  it('is offered on the overdue invoice item', async () => {
    const [item] = await agendaOfKind(w.as.owner, 'invoice_overdue');
    expect(item).toMatchObject({ record: { id: overdue.id }, actions: ['send_reminder', 'done', 'snooze', 'dismiss'] });
  });

  it('emails the ladder step the invoice reached to the account’s contact, once a day, audited', async () => {
    const res = await w.as.owner.post(`/api/v1/invoices/${overdue.id}/remind`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ to: 'anna@client.test' });
    const [mail, ...more] = mailsTo(sink, 'anna@client.test');
    expect(more).toEqual([]);
    expect(mail.subject).toBe('Second reminder: invoice overdue');
    expect(mail.text).toContain(`${overdue.number} — due 15 Oct 2026`);
    expect(mail.text).toContain('10 days overdue');
    const again = expectProblem(await w.as.owner.post(`/api/v1/invoices/${overdue.id}/remind`), 409);
    expect(again.code).toBe('followUp.reminded_today');
    expect(mailsTo(sink, 'anna@client.test')).toHaveLength(1);
    const audit = (await t.admin.get(`/api/v1/audit-log?recordType=email&recordId=${res.json().emailId}`)).json().items;
    expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: w.as.owner.user.id })]);
  });

  it('refuses an invoice not yet overdue, those who may not read it, and the client who reads it', async () => {
    expect(expectProblem(await w.as.owner.post(`/api/v1/invoices/${notYet.id}/remind`), 409).code).toBe('followUp.not_overdue');
    expectProblem(await w.as.nonOwner.post(`/api/v1/invoices/${overdue.id}/remind`), 404);
    expectProblem(await w.as.specialist.post(`/api/v1/invoices/${overdue.id}/remind`), 404);
    // The client reads its invoice but reminds nobody.
    expect(expectProblem(await w.as.clientA.post(`/api/v1/invoices/${overdue.id}/remind`), 403).code).toBe('access.billing_read_only');
    expect(mailsTo(sink, 'anna@client.test')).toHaveLength(1);
  });
});
