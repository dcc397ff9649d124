import { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { addDays } from '../../lib/dates.js';
import { BALANCE, OPEN_INVOICE } from '../billing/index.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { WebhookEvents } from './webhook.events.js';

const CHECKED_KEY = 'webhooks.overdue_checked_through';
const Checked = z.string();

/**
 * `invoice.overdue`: once a day, each invoice still owed whose due date passed since the last
 * check (the first day it is overdue; days the job did not run are caught up), in one transaction
 * with the day it was checked through, so no invoice is told twice.
 */
export class OverdueInvoices {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly calendar: AgencyCalendar,
    private readonly events: WebhookEvents,
  ) {}

  async run(today: string): Promise<{ overdue: number }> {
    return this.db.transaction().execute(async (t) => {
      const yesterday = addDays(today, -1);
      const through = await this.settings.get(CHECKED_KEY, Checked, addDays(today, -2), t);
      if (through >= yesterday) return { overdue: 0 };
      const rows = await t
        .selectFrom('invoices')
        .select(['id', 'account_id', 'number', 'currency', 'due_date', BALANCE.as('balance')])
        .where(OPEN_INVOICE)
        .where('due_date', '>', through)
        .where('due_date', '<=', yesterday)
        .execute();
      const at = this.clock.now().toISOString();
      await this.events.record(
        t,
        rows.map((r) => ({
          type: 'invoice.overdue' as const,
          occurredAt: at,
          data: {
            accountId: r.account_id,
            actorId: null,
            invoiceId: r.id,
            number: r.number ?? '',
            currency: r.currency,
            dueDate: r.due_date!,
            balanceMinor: Number(r.balance),
          },
        })),
      );
      await this.settings.set(CHECKED_KEY, yesterday, t);
      return { overdue: rows.length };
    });
  }

  today(): Promise<string> {
    return this.calendar.today();
  }
}
