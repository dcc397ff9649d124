import type { ReceivablesQuery, ReceivablesReport } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import { toCsv, type CsvCell } from '../../lib/csv.js';
import { minorToDecimal } from '../../lib/money.js';
import { assertSeesReceivables, type Actor } from '../access/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { ReceivablesRepository, type AgingRow } from './receivables.repository.js';

const UNASSIGNED = 'No account manager';

function presentRow(r: AgingRow) {
  return {
    key: r.key,
    name: r.name ?? UNASSIGNED,
    ownerId: r.owner_id,
    currency: r.currency,
    bucketsMinor: r.buckets,
    totalMinor: r.total,
    invoiceCount: r.count,
  };
}

/** Receivables aging per account or per manager, totals per currency; as JSON and as CSV. */
export class ReceivablesService {
  private readonly repo: ReceivablesRepository;

  constructor(
    db: Database,
    private readonly calendar: AgencyCalendar,
  ) {
    this.repo = new ReceivablesRepository(db);
  }

  /** Finance and admins see every account; a manager the accounts they own or back up. */
  async report(actor: Actor, query: ReceivablesQuery): Promise<ReceivablesReport> {
    assertSeesReceivables(actor);
    const today = await this.calendar.today();
    const result =
      query.groupBy === 'manager'
        ? { ...(await this.repo.byManager(actor, query, today)), nextCursor: null }
        : await this.repo.byAccount(actor, query, today);
    return {
      asOf: today,
      groupBy: query.groupBy,
      totals: result.totals.map((t) => ({ currency: t.currency, bucketsMinor: t.buckets, totalMinor: t.total, invoiceCount: t.count })),
      items: result.items.map(presentRow),
      nextCursor: result.nextCursor,
    };
  }

  /** Every row of the report as CSV, read a page at a time. */
  async csv(actor: Actor, query: ReceivablesQuery): Promise<string> {
    const rows: CsvCell[][] = [];
    let cursor: string | undefined;
    let asOf = '';
    do {
      const page = await this.report(actor, { ...query, limit: 200, cursor });
      asOf = page.asOf;
      for (const r of page.items) {
        const m = (v: number) => minorToDecimal(v, r.currency);
        const b = r.bucketsMinor;
        rows.push([r.name, r.currency, m(b.current), m(b.d1_30), m(b.d31_60), m(b.d61_90), m(b.d90_plus), m(r.totalMinor), r.invoiceCount]);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const who = query.groupBy === 'manager' ? 'Account manager' : 'Account';
    return toCsv(
      [who, 'Currency', 'Current', '1-30 days', '31-60 days', '61-90 days', '90+ days', 'Total', 'Invoices', `As of ${asOf}`],
      rows,
    );
  }
}
