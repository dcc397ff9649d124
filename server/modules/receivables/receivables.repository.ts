import { sql } from 'kysely';
import { AGING_BUCKETS, type AgingBucket } from '../../../common/enums.js';
import type { ReceivablesQuery } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { accountIdScope, seesEveryAccount, type Actor } from '../access/index.js';
import { OPEN_INVOICE } from '../billing/index.js';
import { accountAgingRows, type RawAgingRow } from './aging.page.js';
import { bucketBounds, invoiceSums } from './aging.sql.js';

export type BucketSums = Record<AgingBucket, number>;

export interface AgingRow {
  key: string | null;
  name: string | null;
  owner_id: string | null;
  currency: string;
  buckets: BucketSums;
  total: number;
  count: number;
}

const sums = (alias: string) => [...AGING_BUCKETS, 'total', 'n'].map((c) => sql`sum(${sql.ref(`${alias}.${c}`)}) as ${sql.ref(c)}`);

/**
 * The aging report, per account (aging.page.ts) or per manager. Per manager it is one
 * statement: open invoices are aggregated once per account and currency (streamed from the
 * open-invoice index), and that result feeds both the rows and the totals per currency.
 */
export class ReceivablesRepository {
  constructor(private readonly db: Database) {}

  /** Per account and currency: the sums of each bucket, within what the actor may see. */
  private perAccount(actor: Actor, f: Pick<ReceivablesQuery, 'ownerId' | 'currency'>, today: string) {
    return this.openInvoices(actor, f)
      .select(['invoices.account_id', 'invoices.currency'])
      .select(invoiceSums(bucketBounds(today)))
      .groupBy(['invoices.account_id', 'invoices.currency']);
  }

  /** The open invoices the actor may see, of the owner's accounts and in the currency when asked. */
  private openInvoices(actor: Actor, f: Pick<ReceivablesQuery, 'ownerId' | 'currency'>) {
    let q = this.db
      .selectFrom('invoices')
      .where(OPEN_INVOICE)
      .where((eb) => accountIdScope(actor, eb, 'invoices.account_id'));
    if (f.ownerId) {
      const ownerId = f.ownerId;
      q = q.where('invoices.account_id', 'in', (eb) =>
        eb.selectFrom('accounts').select('accounts.id').where('accounts.owner_id', '=', ownerId),
      );
    }
    if (f.currency) q = q.where('invoices.currency', '=', f.currency);
    return q;
  }

  /**
   * One page of accounts by name (a row per account and currency), and the totals per currency:
   * from the running totals when the actor sees every account and no owner is asked for.
   */
  async byAccount(actor: Actor, f: ReceivablesQuery, today: string) {
    const pos = decodeCursor(f.cursor, 'text');
    const rows = await accountAgingRows(this.db, actor, f, today, pos, seesEveryAccount(actor) && !f.ownerId);
    return this.split(rows, f.limit);
  }

  /** A row per manager (owner of the accounts; null for none) and currency, and the totals per currency. */
  async byManager(actor: Actor, f: ReceivablesQuery, today: string) {
    const rows = await sql<RawAgingRow>`
      with g as ${this.perAccount(actor, f, today)}
      select 'row' as part, accounts.owner_id as key, users.name as name, accounts.owner_id as owner_id, g.currency as currency, null as gkey, ${sql.join(sums('g'))}
      from g inner join accounts on accounts.id = g.account_id left join users on users.id = accounts.owner_id
      group by accounts.owner_id, users.name, g.currency
      union all
      select 'total', null, null, null, g.currency, null, ${sql.join(sums('g'))} from g group by g.currency`.execute(this.db);
    const { items, totals } = this.split(rows.rows, Number.MAX_SAFE_INTEGER);
    items.sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.currency.localeCompare(b.currency));
    return { items, totals };
  }

  private split(rows: RawAgingRow[], limit: number) {
    const page = rows.filter((r) => r.part === 'row');
    const totals = rows
      .filter((r) => r.part === 'total')
      .map(toAging)
      .sort((a, b) => a.currency.localeCompare(b.currency));
    const hasMore = page.length > limit;
    const items = hasMore ? page.slice(0, limit) : page;
    const last = items[items.length - 1];
    return { items: items.map(toAging), totals, nextCursor: hasMore ? encodeCursor({ v: last.name ?? '', id: last.gkey ?? '' }) : null };
  }
}

function toAging(r: RawAgingRow): AgingRow {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, Number(r[b])])) as BucketSums;
  return {
    key: r.key ?? null,
    name: r.name ?? null,
    owner_id: r.owner_id ?? null,
    currency: String(r.currency),
    buckets,
    total: Number(r.total),
    count: Number(r.n),
  };
}
