import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { isStaffDigest, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

let sink: SmtpSink;
let t: TestApp;
let manager: Caller;
let finance: Caller;
const acc: Record<'a' | 'b', string> = { a: '', b: '' };
const inv: Record<'a1' | 'a2' | 'b1', { id: string; number: string }> = {} as never;

/** What the sink received, by agency-local day. */
const received = new Map<string, ParsedMail[]>();
const listed = (m: ParsedMail) => [...(m.text ?? '').matchAll(/2026-\d{6}/g)].map((x) => x[0]);

const START = '2026-03-02';
const at = (date: string, time = '09:00') => `${date}T${time}:00.000Z`;
const one = (unitPriceMinor: number) => [{ description: 'Monthly retainer', quantity: 1, unitPriceMinor }];

/** One simulated day: the clock at the follow-up hour, then one tick of the real job runner. */
async function day(date: string, before?: () => Promise<void>) {
  t.clock.set(at(date));
  for (const c of [manager, finance, t.admin]) await c.get('/api/v1/auth/me'); // sessions stay alive while used
  if (before) await before();
  sink.clear();
  await t.app.services.jobs.runDue();
  received.set(date, [...sink.messages]);
}

/** The email the mail server refused on 03-12, as the follow-ups list showed it before the retry. */
let waiting: Record<string, unknown> | undefined;

beforeAll(async () => {
  sink = await startSmtpSink({ except: isStaffDigest });
  t = await createTestApp({ smtpUrl: sink.url });
  t.clock.set(at(START));
  manager = await t.signIn('account_manager');
  finance = await t.signIn('finance');
  acc.a = (await t.createAccount(manager, { name: 'Alpha Works', paymentTermsDays: 5, language: 'en' })).id;
  acc.b = (await t.createAccount(manager, { name: 'Бета Студия', paymentTermsDays: 10, language: 'ru' })).id;
  await manager.post('/api/v1/contacts', { accountId: acc.a, firstName: 'Dora', email: 'dora@alpha.test', decisionRole: 'decision_maker' });
  await manager.post('/api/v1/contacts', { accountId: acc.a, firstName: 'Ann', email: 'ann@alpha.test', decisionRole: 'billing' });
  await manager.post('/api/v1/contacts', { accountId: acc.b, firstName: 'Борис', email: 'boris@beta.test' });
  inv.a1 = (await issuedInvoice(manager, acc.a, { lines: one(120_000) })) as never; // due 03-07
  inv.b1 = (await issuedInvoice(manager, acc.b, { lines: one(50_000) })) as never; // due 03-12

  for (let d = 0; d <= 40; d++) {
    const date = addDays(START, d);
    await day(date, async () => {
      if (date === '2026-03-06') inv.a2 = (await issuedInvoice(manager, acc.a, { lines: one(30_000) })) as never; // due 03-11
      if (date === '2026-03-14') await pay(manager, inv.b1.id, 50_000, date);
      if (date === '2026-03-12') sink.failNext(1);
    });
    if (date === '2026-03-12') {
      waiting = (await finance.get(`/api/v1/follow-ups?accountId=${acc.a}&limit=1`)).json().items[0];
      t.clock.set(at(date, '09:06')); // the five-minute delivery job retries it
      await t.app.services.jobs.runDue();
      received.set(date, [...sink.messages]);
    }
  }
}, 120_000);
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('follow-ups over 40 days on a simulated clock', () => {
  it('sends exactly the expected emails, each level on its day, merged per account', () => {
    const days = [...received]
      .filter(([, ms]) => ms.length)
      .map(([d, ms]) => [d, ms.map((m) => [m.to && 'text' in m.to ? m.to.text : '', m.subject, listed(m).sort().join(' ')])]);
    const [a1, a2, b1] = [inv.a1.number, inv.a2.number, inv.b1.number];
    expect(days).toEqual([
      ['2026-03-04', [['ann@alpha.test', 'Friendly reminder: payment due soon', a1]]],
      ['2026-03-08', [['ann@alpha.test', 'Payment reminder: invoice overdue', [a1, a2].sort().join(' ')]]],
      ['2026-03-09', [['boris@beta.test', 'Напоминание: скоро срок оплаты', b1]]],
      ['2026-03-12', [['ann@alpha.test', 'Payment reminder: invoice overdue', a2]]],
      ['2026-03-13', [['boris@beta.test', 'Напоминание об оплате: счёт просрочен', b1]]],
      ['2026-03-14', [['ann@alpha.test', 'Second reminder: invoice overdue', a1]]],
      ['2026-03-18', [['ann@alpha.test', 'Second reminder: invoice overdue', a2]]],
      ['2026-03-21', [['ann@alpha.test', 'Final notice before work is paused', a1]]],
      ['2026-03-25', [['ann@alpha.test', 'Final notice before work is paused', a2]]],
    ]);
  });

  it('records each level once per invoice, and none after the invoice is paid', async () => {
    const rows = await t.database.db
      .selectFrom('invoice_follow_ups')
      .select(['invoice_id', 'level_days', 'run_date'])
      .orderBy('run_date')
      .execute();
    const of = (id: string) => rows.filter((r) => r.invoice_id === id).map((r) => [r.level_days, r.run_date]);
    expect(of(inv.a1.id)).toEqual([
      [-3, '2026-03-04'],
      [1, '2026-03-08'],
      [7, '2026-03-14'],
      [14, '2026-03-21'],
      [30, '2026-04-06'],
    ]);
    expect(of(inv.a2.id)).toEqual([
      [-3, '2026-03-08'],
      [1, '2026-03-12'],
      [7, '2026-03-18'],
      [14, '2026-03-25'],
      [30, '2026-04-10'],
    ]);
    expect(of(inv.b1.id)).toEqual([
      [-3, '2026-03-09'],
      [1, '2026-03-13'],
    ]);
  });

  it('writes in the account’s language, with the invoice’s PDF attached where the level says so', async () => {
    const ru = received.get('2026-03-09')![0];
    expect(ru.text).toContain('Здравствуйте');
    expect(ru.text).toContain('Бета Студия');
    expect(ru.text).toMatch(/500,00\s₽|500,00\s€/);
    const friendly = received.get('2026-03-04')![0];
    expect(friendly.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`invoice-${inv.a1.number}.pdf`, 'application/pdf']]);
    expect(friendly.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(friendly.attachments[0].content)).toContain('Monthly retainer');
    expect(received.get('2026-03-14')![0].attachments).toHaveLength(0);
    expect(friendly.html).toContain('Alpha Works');
  });

  it('retried the email the mail server refused, and showed it as waiting meanwhile', async () => {
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, runDate: '2026-03-12', lastError: expect.stringContaining('451') });
    const emails = (await finance.get('/api/v1/follow-ups?limit=200')).json().items;
    const retried = emails.find((e: { runDate: string; accountId: string }) => e.runDate === '2026-03-12' && e.accountId === acc.a);
    expect(retried).toMatchObject({ status: 'sent', attempts: 2, subject: 'Payment reminder: invoice overdue' });
    expect(emails.every((e: { status: string }) => e.status === 'sent')).toBe(true);
    expect(emails).toHaveLength(9);
  });

  it('records every email sent on the account’s timeline', async () => {
    const events = (await manager.get(`/api/v1/accounts/${acc.a}/timeline?limit=200`))
      .json()
      .items.filter((e: { kind?: string }) => e.kind === 'follow_up_sent');
    expect(events).toHaveLength(7);
    expect(events[0].data).toMatchObject({ to: 'ann@alpha.test' });
  });

  it('created call tasks for the manager and, at 30 days, stopped work and alerted manager and finance', async () => {
    const mine = (await manager.get('/api/v1/billing-actions?limit=200')).json().items;
    expect(mine.filter((x: { kind: string }) => x.kind === 'call').map((x: { dueDate: string }) => x.dueDate)).toEqual([
      '2026-03-14',
      '2026-03-18',
    ]);
    expect(mine.filter((x: { kind: string }) => x.kind === 'alert').map((x: { dueDate: string }) => x.dueDate)).toEqual([
      '2026-04-06',
      '2026-04-10',
    ]);
    const financeAlerts = (await finance.get('/api/v1/billing-actions?kind=alert&limit=200'))
      .json()
      .items.filter((x: { assigneeRole: string }) => x.assigneeRole === 'finance');
    expect(financeAlerts).toHaveLength(2);
    const exposure = (await manager.get(`/api/v1/accounts/${acc.a}/exposure`)).json();
    expect(exposure.stopWork.since.slice(0, 10)).toBe('2026-04-06');
    expect(exposure.warnings.map((w: { code: string }) => w.code)).toEqual(['overdue_30', 'stop_work']);
    const done = await manager.post(`/api/v1/billing-actions/${mine[0].id}/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect((await manager.get('/api/v1/billing-actions?limit=200')).json().items).toHaveLength(3);
  });

  it('words calls and alerts in the reader’s language: the same alert in English and in Russian', async () => {
    const ru = await t.signIn('finance');
    expect((await ru.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    const alertsFor = async (who: typeof finance) =>
      (await who.get('/api/v1/billing-actions?kind=alert&limit=200'))
        .json()
        .items.filter((x: { assigneeRole: string }) => x.assigneeRole === 'finance')
        .map((x: { title: string; detail: string }) => `${x.title} | ${x.detail}`);
    const [en, russian] = [await alertsFor(finance), await alertsFor(ru)];
    expect(en[0]).toMatch(/^Work stopped on Alpha Works: invoices 30\sdays overdue \| Overdue: /);
    expect(russian[0]).toMatch(/^Alpha Works: работы остановлены, счета просрочены на 30\sдней \| Просрочены: /);
    expect(russian).toHaveLength(en.length);
  });

  it('says why work stopped in the reader’s language: on the account, its exposure, a refused task and the timeline', async () => {
    const project = (await manager.post('/api/v1/projects', { accountId: acc.a, name: 'Stopped site' })).json();
    const reasonFor = async (who: Caller) => (await who.get(`/api/v1/accounts/${acc.a}`)).json().flags.workStopped.reason;
    expect(await reasonFor(finance)).toMatch(/^Invoices overdue per the follow-up policy: 2026-\d{6}/);

    // The same account read by its manager once they work in Russian.
    expect((await manager.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    expect(await reasonFor(manager)).toMatch(/^Счета просрочены по правилам напоминаний: 2026-\d{6}/);
    expect((await manager.get(`/api/v1/accounts/${acc.a}/exposure`)).json().stopWork.reason).toMatch(/^Счета просрочены/);
    const task = await manager.post('/api/v1/tasks', { projectId: project.id, title: 'Новая задача', role: 'seo' });
    expect(task.statusCode, task.body).toBe(409);
    expect(task.json().detail).toMatch(/Счета просрочены по правилам напоминаний/);
    expect((await manager.patch('/api/v1/auth/me', { language: 'en' })).statusCode).toBe(200);

    const stopped = (await manager.get(`/api/v1/accounts/${acc.a}/timeline?limit=200`))
      .json()
      .items.find((e: { kind?: string }) => e.kind === 'stop_work_set');
    expect(stopped.data.wording).toEqual(['followUp.stop_reason', { numbers: [expect.stringMatching(/^2026-\d{6}$/)] }]);
  });

  it('an admin’s run-now is idempotent per day', async () => {
    sink.clear();
    const run = await t.admin.post('/api/v1/follow-ups/run');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ date: '2026-04-11', alreadyRan: true });
    t.clock.set(at('2026-04-12', '06:00')); // before the follow-up hour: nothing scheduled yet
    expect((await t.app.services.jobs.runDue()).map((r) => r.name)).not.toContain('billing.follow_ups');
    const first = await t.admin.post('/api/v1/follow-ups/run');
    expect(first.json()).toMatchObject({ date: '2026-04-12', alreadyRan: false });
    const second = await t.admin.post('/api/v1/follow-ups/run');
    expect(second.json()).toMatchObject({ date: '2026-04-12', alreadyRan: true, invoices: first.json().invoices });
    t.clock.set(at('2026-04-12', '09:30'));
    expect((await t.app.services.jobs.runDue()).find((r) => r.name === 'billing.follow_ups')?.outcome.status).toBe('already_done');
    expect(sink.messages).toHaveLength(0);
  });
});
