import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import { BALANCE, OPEN_INVOICE, type BillingSettingsService } from '../billing/index.js';
import { lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';

/** The follow-up level an invoice this many days late has reached: the ladder's last step at or below it (1 at least). */
export function reachedLevel(levels: readonly number[], daysLate: number): number {
  return Math.max(1, ...levels.filter((d) => d >= 1 && d <= daysLate));
}

/**
 * Today's overdue invoices, one item per invoice and follow-up level reached: a snoozed item
 * comes back when the invoice climbs to the next level of the dunning ladder. The reason names
 * the last reminder the follow-ups sent.
 */
export function overdueInvoiceAgenda(db: Database, settings: BillingSettingsService): AgendaProvider {
  return {
    name: 'invoices-overdue',
    kinds: ['invoice_overdue'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'money');
      if (!accounts) return [];
      const [rows, levels] = await Promise.all([
        db
          .selectFrom('invoices')
          .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
          .select((eb) => [
            'invoices.id',
            'invoices.number',
            'invoices.due_date',
            'invoices.currency',
            BALANCE.as('owed'),
            'accounts.id as account_id',
            'accounts.name as account_name',
            eb
              .selectFrom('invoice_follow_ups')
              .select((f) => f.fn.max('invoice_follow_ups.run_date').as('d'))
              .whereRef('invoice_follow_ups.invoice_id', '=', 'invoices.id')
              .where('invoice_follow_ups.email_id', 'is not', null)
              .as('reminded_on'),
          ])
          .where(OPEN_INVOICE)
          .where('invoices.due_date', '<', scope.today)
          .where((eb) => accounts(eb, 'invoices.account_id'))
          .execute(),
        settings.load(),
      ]);
      const ladder = levels.levels.map((l) => l.days);
      return rows.map((r) => {
        const days = lateDays(r.due_date!, scope.today);
        const level = reachedLevel(ladder, days);
        const params = { number: r.number, days, amount: Number(r.owed), currency: r.currency, sentOn: r.reminded_on };
        return {
          key: `invoice-overdue:${r.id}:${level}`,
          kind: 'invoice_overdue',
          severity: severityByLateness(days),
          due: r.due_date!,
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'invoice', id: r.id, path: `/invoices/${r.id}` },
          reason: [r.reminded_on ? 'today.reason.invoice_overdue_reminded' : 'today.reason.invoice_overdue', params],
          actions: ['send_reminder'],
        };
      });
    },
  };
}
