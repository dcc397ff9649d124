import { composeServices, type Services } from '../composition.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { addDays } from '../lib/dates.js';
import { AppError } from '../lib/errors.js';
import type { Actor } from '../modules/access/index.js';
import { discardingMailer } from '../modules/email/index.js';
import { habitOf, planBillingYear, seeded, type DemoEvent } from './demo.billing.plan.js';

export interface BillingDemoOptions {
  /** The demo clients; prospects get no invoices. */
  accounts: Array<{ id: string }>;
  /** Account managers; an account without an owner is billed by finance. */
  managers: Actor[];
  /** "Now" for the demo: a year of billing is written up to this day. */
  clock: Clock;
}

/** The seed's own clock, moved day by day through the demo year. */
class SeedClock implements Clock {
  private at = new Date();
  now = () => new Date(this.at);
  set(date: string, time: string) {
    this.at = new Date(`${date}T${time}:00.000Z`);
  }
}

/** Demo emails go nowhere but count as sent, so the history reads like a real agency's. */
/**
 * A year of invoices and payments for the demo agency, written through the services (so
 * numbering, audit entries and timeline events are real), with the daily follow-up run
 * replayed for every past day: reminders sent, calls made, work stopped for chronic late
 * payers and lifted by finance once they paid. Today's follow-ups are left for the app to run.
 */
export async function seedBillingDemo(db: Database, opts: BillingDemoOptions) {
  const clock = new SeedClock();
  const services = composeServices(db, clock, { mailer: discardingMailer('liaison.demo') });
  const today = opts.clock.now().toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'currency', 'language', 'payment_terms_days', 'owner_id', 'status'])
    .where(
      'id',
      'in',
      opts.accounts.map((a) => a.id),
    )
    .where('status', '<>', 'prospect')
    .orderBy('created_at')
    .execute();
  const finance = await db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', ['finance', 'admin'])
    .orderBy('role', 'desc')
    .executeTakeFirstOrThrow();
  const financeActor: Actor = { id: finance.id, role: 'finance', accountId: null };
  const managerIds = new Set(opts.managers.map((m) => m.id));
  const actorFor = (i: number): Actor =>
    rows[i].owner_id && managerIds.has(rows[i].owner_id)
      ? { id: rows[i].owner_id, role: 'account_manager', accountId: null }
      : financeActor;
  const events = planBillingYear(
    rows.map((r) => ({ currency: r.currency, language: r.language, paymentTermsDays: r.payment_terms_days })),
    today,
    seeded(20260302),
  );

  const invoiceIds = new Map<string, string>();
  const byDate = new Map<string, DemoEvent[]>();
  for (const e of events) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  let followUpEmails = 0;
  for (let date = events[0]?.date ?? today; date <= today; date = addDays(date, 1)) {
    if (date < today) {
      clock.set(date, '09:00');
      followUpEmails += (await services.followUps.runForDate(date)).emails;
    }
    clock.set(date, '11:00');
    for (const e of byDate.get(date) ?? []) await apply(services, e, actorFor(e.account), rows[e.account].id, invoiceIds);
    if (date < today) await liftPaidUp(services, db, financeActor, date, clock);
  }
  await completeOldActions(services, db, today, clock, financeActor);
  return { invoices: invoiceIds.size, followUpEmails, habits: rows.map((r, i) => ({ accountId: r.id, habit: habitOf(i) })) };
}

/** One planned event through the services; a refused one (say, paying what a credit note settled) is skipped. */
async function apply(s: Services, e: DemoEvent, actor: Actor, accountId: string, ids: Map<string, string>) {
  try {
    if (e.kind === 'issue' || e.kind === 'draft') {
      const draft = await s.invoices.create(actor, { accountId, lines: e.lines.map((l) => ({ ...l, taxPercent: l.taxPercent ?? 0 })) });
      ids.set(e.invoice, draft.id);
      if (e.kind === 'issue') await s.invoiceLifecycle.issue(actor, draft.id, e.date);
      return;
    }
    const id = ids.get(e.invoice);
    if (!id) return;
    if (e.kind === 'void') await s.invoiceLifecycle.void(actor, id, e.reason);
    if (e.kind === 'reverse') {
      const payment = await s.payments.list(actor, { invoiceId: id, status: 'recorded', limit: 1 });
      if (payment.items[0]) await s.payments.reverse(actor, payment.items[0].id, e.reason);
    }
    const invoice = await s.invoices.get(actor, id);
    const balance = invoice.balanceMinor;
    if (e.kind === 'credit') {
      const amount = Math.min(balance, Math.round(invoice.totalMinor * e.share));
      await s.invoiceLifecycle.creditNote(actor, id, {
        reason: e.reason,
        lines: [{ description: e.reason, quantity: 1, unitPriceMinor: amount, taxPercent: 0 }],
      });
    }
    if (e.kind === 'pay') {
      const amount = e.share >= 1 ? balance : Math.min(balance, Math.round(invoice.totalMinor * e.share));
      if (amount > 0)
        await s.payments.record(actor, {
          invoiceId: id,
          amountMinor: amount,
          paidOn: e.date,
          method: 'bank transfer',
          reference: e.reference,
        });
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
}

/** Finance lifts a stop-work flag the day after the client has nothing 30+ days overdue. */
async function liftPaidUp(s: Services, db: Database, finance: Actor, date: string, clock: SeedClock) {
  const stopped = await db.selectFrom('accounts').select('id').where('stop_work_since', 'is not', null).execute();
  for (const { id } of stopped) {
    const warnings = await s.billing.exposureWarnings(id, 0);
    if (!warnings.some((w) => w.code === 'overdue_30')) {
      clock.set(date, '16:00');
      await s.billing.liftStopWork(finance, id, 'Overdue invoices paid');
    }
  }
}

/** Calls and alerts from more than five days ago were dealt with: marked done two days after they were due. */
async function completeOldActions(s: Services, db: Database, today: string, clock: SeedClock, finance: Actor) {
  const actions = await db
    .selectFrom('billing_actions')
    .select(['id', 'assignee_id', 'due_date'])
    .where('done_at', 'is', null)
    .where('due_date', '<', addDays(today, -5))
    .execute();
  for (const a of actions) {
    clock.set(addDays(a.due_date, 2), '15:00');
    await s.billingActions.complete(a.assignee_id ? { id: a.assignee_id, role: 'account_manager', accountId: null } : finance, a.id);
  }
}
