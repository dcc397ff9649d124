import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import { AGING_BUCKETS, type AgingBucket } from '../../../common/enums.js';
import type { ReceivablesQuery } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { accountIdScope, type Actor } from '../access/index.js';
import { BALANCE, OPEN_INVOICE, bucketDueDates } from '../billing/index.js';

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

interface RawRow extends Record<AgingBucket | 'total' | 'n', number | string> {
  part: 'row' | 'total';
  key: string | null;
  name: string | null;
  owner_id: string | null;
  currency: string;
  gkey: string | null;
}

/** SUM(balance) of the open invoices whose due date falls in the bucket. */
function bucketSum(bucket: AgingBucket, today: string): RawBuilder<number> {
  const { from, until } = bucketDueDates(bucket, today);
  const conditions = [from && sql`invoices.due_date >= ${from}`, until && sql`invoices.due_date < ${until}`].filter(
    Boolean,
  ) as RawBuilder<unknown>[];
  return sql<number>`coalesce(sum(case when ${sql.join(conditions, sql` and `)} then ${BALANCE} else 0 end), 0)`;
}

const sums = (alias: string) => [...AGING_BUCKETS, 'total', 'n'].map((c) => sql`sum(${sql.ref(`${alias}.${c}`)}) as ${sql.ref(c)}`);

/**
 * The aging report in one statement: open invoices are aggregated once per account and
 * currency (streamed from the open-invoice index), and that result feeds both the page of
 * rows and the totals per currency, so no invoice is read twice.
 */
export class ReceivablesRepository {
  constructor(private readonly db: Database) {}

  /** Per account and currency: the sums of each bucket, within what the actor may see. */
  private perAccount(actor: Actor, f: Pick<ReceivablesQuery, 'ownerId' | 'currency'>, today: string) {
    let q = this.db
      .selectFrom('invoices')
      .select(['invoices.account_id', 'invoices.currency'])
      .select([
        ...AGING_BUCKETS.map((b) => bucketSum(b, today).as(b)),
        sql<number>`coalesce(sum(${BALANCE}), 0)`.as('total'),
        sql<number>`count(*)`.as('n'),
      ])
      .where(OPEN_INVOICE)
      .where((eb) => accountIdScope(actor, eb as unknown as ExpressionBuilder<DB, 'invoices'>, 'invoices.account_id'))
      .groupBy(['invoices.account_id', 'invoices.currency']);
    if (f.ownerId) {
      const ownerId = f.ownerId;
      q = q.where('invoices.account_id', 'in', (eb) =>
        eb.selectFrom('accounts').select('accounts.id').where('accounts.owner_id', '=', ownerId),
      );
    }
    if (f.currency) q = q.where('invoices.currency', '=', f.currency);
    return q;
  }

  /** One page of accounts by name (a row per account and currency), and the totals per currency. */
  async byAccount(actor: Actor, f: ReceivablesQuery, today: string) {
    const pos = decodeCursor(f.cursor, 'text');
    const after = pos ? sql`where (accounts.name, g.account_id || '|' || g.currency) > (${pos.v}, ${pos.id})` : sql``;
    const rows = await sql<RawRow>`
      with g as ${this.perAccount(actor, f, today)}
      select * from (
        select 'row' as part, g.account_id as key, accounts.name as name, accounts.owner_id as owner_id, g.currency as currency,
          g.account_id || '|' || g.currency as gkey, ${sql.join([...AGING_BUCKETS, 'total', 'n'].map((c) => sql.ref(`g.${c}`)))}
        from g inner join accounts on accounts.id = g.account_id ${after}
        order by accounts.name, g.account_id || '|' || g.currency limit ${f.limit + 1}
      ) as page
      union all
      select 'total', null, null, null, g.currency, null, ${sql.join(sums('g'))} from g group by g.currency`.execute(this.db);
    return this.split(rows.rows, f.limit);
  }

  /** A row per manager (owner of the accounts; null for none) and currency, and the totals per currency. */
  async byManager(actor: Actor, f: ReceivablesQuery, today: string) {
    const rows = await sql<RawRow>`
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

  private split(rows: RawRow[], limit: number) {
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

function toAging(r: RawRow): AgingRow {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, Number(r[b])])) as BucketSums;
  return {
    key: r.key,
    name: r.name,
    owner_id: r.owner_id,
    currency: String(r.currency),
    buckets,
    total: Number(r.total),
    count: Number(r.n),
  };
}
