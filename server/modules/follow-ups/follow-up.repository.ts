import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { InvoiceFollowUpsTable } from '../../db/tables/billing.js';
import { addDays } from '../../lib/dates.js';
import { BALANCE, OPEN_INVOICE } from '../billing/index.js';

export interface Firing {
  invoiceId: string;
  accountId: string;
  number: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  balanceMinor: number;
  accountName: string;
  language: string;
  ownerId: string | null;
}

/** Decision roles in the order a reminder is addressed: billing contact first. */
const RECIPIENT_ORDER = sql<number>`case contacts.decision_role when 'billing' then 0 when 'decision_maker' then 1 else 2 end`;

export class FollowUpRepository {
  constructor(private readonly db: Database) {}

  /**
   * Open invoices that reached the level `levelDays` (due date + days ≤ date) and have not had
   * it yet. Only new firings come back, so a daily run reads little after the first one.
   */
  async newFirings(date: string, levelDays: number): Promise<Firing[]> {
    const rows = await this.db
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
      .select([
        'invoices.id',
        'invoices.account_id',
        'invoices.number',
        'invoices.currency',
        'invoices.issue_date',
        'invoices.due_date',
        'invoices.total_minor',
        BALANCE.as('balance'),
        'accounts.name',
        'accounts.language',
        'accounts.owner_id',
      ])
      .where(OPEN_INVOICE)
      .where('invoices.due_date', '<=', addDays(date, -levelDays))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('invoice_follow_ups')
              .select(sql.lit(1).as('one'))
              .whereRef('invoice_follow_ups.invoice_id', '=', 'invoices.id')
              .where('invoice_follow_ups.level_days', '=', levelDays),
          ),
        ),
      )
      .execute();
    return rows.map((r) => ({
      invoiceId: r.id,
      accountId: r.account_id,
      number: r.number ?? '',
      currency: r.currency,
      issueDate: r.issue_date!,
      dueDate: r.due_date!,
      totalMinor: r.total_minor,
      balanceMinor: Number(r.balance),
      accountName: r.name,
      language: r.language,
      ownerId: r.owner_id,
    }));
  }

  /** The address each account's reminders go to, for many accounts in one query. */
  async recipients(trx: Kysely<DB>, accountIds: string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (accountIds.length === 0) return map;
    const rows = await trx
      .selectFrom('contacts')
      .select(['account_id', 'email'])
      .where('account_id', 'in', accountIds)
      .where('email', 'is not', null)
      .where('email', '<>', '')
      .orderBy('account_id')
      .orderBy(RECIPIENT_ORDER)
      .orderBy('sort_name')
      .execute();
    for (const r of rows) if (!map.has(r.account_id)) map.set(r.account_id, r.email!);
    return map;
  }

  /** Records levels as sent; a level already recorded for an invoice is left as it was. */
  async record(trx: Kysely<DB>, rows: Insertable<InvoiceFollowUpsTable>[]): Promise<void> {
    if (rows.length === 0) return;
    await trx
      .insertInto('invoice_follow_ups')
      .values(rows)
      .onConflict((oc) => oc.columns(['invoice_id', 'level_days']).doNothing())
      .execute();
  }

  /** The levels an invoice has had, for its page. */
  levelsOf(invoiceId: string) {
    return this.db
      .selectFrom('invoice_follow_ups')
      .leftJoin('email_outbox', 'email_outbox.id', 'invoice_follow_ups.email_id')
      .select([
        'invoice_follow_ups.level_days',
        'invoice_follow_ups.run_date',
        'email_outbox.id as email_id',
        'email_outbox.status as email_status',
        'email_outbox.last_error',
      ])
      .where('invoice_follow_ups.invoice_id', '=', invoiceId)
      .orderBy('invoice_follow_ups.level_days')
      .execute();
  }
}
