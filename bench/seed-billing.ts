import { addDays } from '../server/lib/dates.js';
import { newId } from '../server/lib/ids.js';
import { searchText } from '../server/lib/text.js';
import { DEFAULT_FOLLOW_UP_LEVELS } from '../server/modules/billing/index.js';
import { SCALE, type Row, type SeedAccount, type random } from './fixtures.js';

/** Issue 5's volume: two years of invoices, their payments, and the follow-ups already sent. */
export const BILLING = { invoices: 200_000 * SCALE, days: 730, termsDays: 14 };

type Rnd = ReturnType<typeof random>;
type Add = (table: string, row: Row) => Promise<void>;

/** Whether an issued invoice is still (partly) owed, more likely the younger it is. */
function openChance(daysOverdue: number) {
  if (daysOverdue < 0) return 0.85;
  if (daysOverdue <= 30) return 0.4;
  if (daysOverdue <= 90) return 0.12;
  return 0.03;
}

/**
 * Invoices as InvoiceService and InvoiceLifecycle leave them (one line, 20 % tax, a
 * number per issue year), payments that add up to paid_minor, and an invoice_follow_ups
 * row for every level each open invoice reached before `today`, as the daily runs would
 * have recorded. Returns the counts written.
 */
export async function writeBilling(add: Add, accounts: SeedAccount[], today: string, rnd: Rnd) {
  const counts = { invoices: 0, payments: 0, open: 0, followUps: 0 };
  const sequences = new Map<string, number>();
  const levels = DEFAULT_FOLLOW_UP_LEVELS.map((l) => l.days);
  for (let i = 0; i < BILLING.invoices; i++) {
    const a = accounts[i % accounts.length];
    const issue = addDays(today, -Math.floor((i / BILLING.invoices) * BILLING.days) - 1); // oldest first, so numbers ascend
    const due = addDays(issue, BILLING.termsDays);
    const created = `${issue}T10:00:00.000Z`;
    const subtotal = (10 + Math.floor(rnd.next() * 990)) * 1000;
    const tax = Math.round(subtotal * 0.2);
    const total = subtotal + tax;
    const r = rnd.next();
    const draft = r < 0.01;
    const voided = !draft && r < 0.02;
    const overdue = Math.floor((Date.parse(today) - Date.parse(due)) / 86_400_000);
    const open = !draft && !voided && rnd.next() < openChance(overdue);
    const partial = open && rnd.next() < 0.3;
    const paid = draft || voided ? 0 : !open ? total : partial ? Math.round(total * (0.2 + rnd.next() * 0.6)) : 0;
    const status = draft ? 'draft' : voided ? 'void' : !open ? 'paid' : partial ? 'partially_paid' : 'issued';
    let number: string | null = null;
    if (!draft) {
      const year = issue.slice(0, 4);
      const n = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, n);
      number = `${year}-${String(n).padStart(6, '0')}`;
    }
    const id = newId();
    await add('invoices', {
      id,
      version: 1,
      created_at: created,
      updated_at: created,
      account_id: a.id,
      project_id: null,
      kind: 'invoice',
      credited_invoice_id: null,
      number,
      status,
      issue_date: draft ? null : issue,
      due_date: draft ? null : due,
      currency: 'EUR',
      subtotal_minor: subtotal,
      tax_minor: tax,
      total_minor: total,
      paid_minor: paid,
      credited_minor: 0,
      notes: null,
      search_text: searchText(number, null),
      created_by: a.ownerId,
      issued_at: draft ? null : created,
      issued_by: draft ? null : a.ownerId,
      voided_at: voided ? created : null,
      voided_by: voided ? a.ownerId : null,
      void_reason: voided ? 'Issued by mistake' : null,
    });
    await add('invoice_lines', {
      id: newId(),
      invoice_id: id,
      position: 1,
      description: 'Services',
      quantity_milli: 1000,
      unit_price_minor: subtotal,
      tax_basis_points: 2000,
      net_minor: subtotal,
      tax_minor: tax,
      total_minor: total,
    });
    counts.invoices++;
    const parts = paid === 0 ? 0 : partial ? 1 : rnd.pick([1, 1, 2, 2, 2]);
    let left = paid;
    for (let k = 0; k < parts; k++) {
      const amount = k === parts - 1 ? left : Math.floor(paid / parts);
      left -= amount;
      const paidOn = addDays(issue, Math.min(Math.floor(rnd.next() * (BILLING.termsDays + 30)), Math.max(0, overdue + BILLING.termsDays)));
      const at = `${paidOn}T12:00:00.000Z`;
      await add('payments', {
        id: newId(),
        version: 1,
        created_at: at,
        updated_at: at,
        invoice_id: id,
        account_id: a.id,
        amount_minor: amount,
        currency: 'EUR',
        paid_on: paidOn,
        method: 'bank_transfer',
        reference: number,
        status: 'recorded',
        idempotency_key: null,
        request_hash: null,
        recorded_by: a.ownerId,
        reversed_at: null,
        reversed_on: null,
        reversed_by: null,
        reversal_reason: null,
      });
      counts.payments++;
    }
    if (!open) continue;
    counts.open++;
    for (const level of levels) {
      const runDate = addDays(due, level);
      if (runDate >= today) continue; // today's run is the one measured
      await add('invoice_follow_ups', {
        id: newId(),
        invoice_id: id,
        account_id: a.id,
        level_days: level,
        run_date: runDate,
        email_id: null,
        created_at: `${runDate}T09:00:00.000Z`,
      });
      counts.followUps++;
    }
  }
  for (const [year, n] of sequences) await add('number_sequences', { scope: `invoice:${year}`, last_value: n });
  return counts;
}
