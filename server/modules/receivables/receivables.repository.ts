import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import { AGING_BUCKETS, type AgingBucket } from '../../../common/enums.js';
import type { ReceivablesQuery } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import type { Actor } from '../access/actor.js';
import { accountScope } from '../access/policy.js';
import { BALANCE, OPEN_INVOICE, bucketDueDates } from '../billing/open-invoices.js';

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

/** SUM(balance) of the open invoices whose due date falls in the bucket. */
function bucketSum(bucket: AgingBucket, today: string): RawBuilder<number> {
  const { from, until } = bucketDueDates(bucket, today);
  const conditions = [from && sql`invoices.due_date >= ${from}`, until && sql`invoices.due_date < ${until}`].filter(Boolean) as RawBuilder<unknown>[];
  return sql<number>`coalesce(sum(case when ${sql.join(conditions, sql` and `)} then ${BALANCE} else 0 end), 0)`;
}

const GROUP_KEY = sql<string>`accounts.id || '|' || invoices.currency`;

/** The aging report as single aggregate queries over the open-invoice index; no row is read twice. */
export class ReceivablesRepository {
  constructor(private readonly db: Database) {}

  private open(actor: Actor, f: Pick<ReceivablesQuery, 'ownerId' | 'currency'>) {
    let q = this.db
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
      .where(OPEN_INVOICE)
      .where((eb) => accountScope(actor, eb as unknown as ExpressionBuilder<DB, 'accounts'>));
    if (f.ownerId) q = q.where('accounts.owner_id', '=', f.ownerId);
    if (f.currency) q = q.where('invoices.currency', '=', f.currency);
    return q;
  }

  private sums(today: string) {
    return [...AGING_BUCKETS.map((b) => bucketSum(b, today).as(b)), sql<number>`coalesce(sum(${BALANCE}), 0)`.as('total'), sql<number>`count(*)`.as('n')];
  }

  /** Totals per currency, never summed across currencies. */
  async totals(actor: Actor, f: ReceivablesQuery, today: string): Promise<AgingRow[]> {
    const rows = await this.open(actor, f).select('invoices.currency').select(this.sums(today)).groupBy('invoices.currency').orderBy('invoices.currency').execute();
    return rows.map((r) => toAging(r, null, null, null));
  }

  /** One page of accounts (one row per account and currency), by name. */
  async byAccount(actor: Actor, f: ReceivablesQuery, today: string) {
    const pos = decodeCursor(f.cursor, 'text');
    let q = this.open(actor, f)
      .select(['accounts.id as key', 'accounts.name', 'accounts.owner_id', 'invoices.currency'])
      .select(this.sums(today))
      .groupBy(['accounts.id', 'accounts.name', 'accounts.owner_id', 'invoices.currency'])
      .orderBy('accounts.name')
      .orderBy(GROUP_KEY)
      .limit(f.limit + 1);
    if (pos) q = q.where(sql<boolean>`(accounts.name, ${GROUP_KEY}) > (${pos.v}, ${pos.id})`);
    const page = toPage(await q.execute(), f.limit, (r) => ({ v: r.name, id: `${r.key}|${r.currency}` }));
    return { items: page.items.map((r) => toAging(r, r.key, r.name, r.owner_id)), nextCursor: page.nextCursor };
  }

  /** One row per manager (owner of the accounts) and currency; accounts without an owner form their own row. */
  async byManager(actor: Actor, f: ReceivablesQuery, today: string): Promise<AgingRow[]> {
    const rows = await this.open(actor, f)
      .leftJoin('users', 'users.id', 'accounts.owner_id')
      .select(['accounts.owner_id', 'users.name', 'invoices.currency'])
      .select(this.sums(today))
      .groupBy(['accounts.owner_id', 'users.name', 'invoices.currency'])
      .orderBy('users.name')
      .orderBy('invoices.currency')
      .execute();
    return rows.map((r) => toAging(r, r.owner_id, r.name, r.owner_id));
  }
}

function toAging(r: Record<string, unknown>, key: string | null, name: string | null, ownerId: string | null): AgingRow {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, Number(r[b])])) as BucketSums;
  return { key, name, owner_id: ownerId, currency: String(r.currency), buckets, total: Number(r.total), count: Number(r.n) };
}
