import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { AGING_BUCKETS, type AgingBucket } from '../../../common/enums.js';
import type { ReceivablesQuery } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { decodeCursor, encodeCursor, type CursorPosition } from '../../lib/pagination.js';
import type { Actor } from '../access/actor.js';
import { accountIdScope, accountScope, seesEveryAccount } from '../access/policy.js';
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

interface RawRow extends Record<AgingBucket | 'total' | 'n', number | string> {
  part: 'row' | 'total';
  key: string | null;
  name: string | null;
  owner_id: string | null;
  currency: string;
  gkey: string | null;
}

/** SUM(amount) of the rows whose due date falls in the bucket (open invoices, or their totals by due date). */
function bucketSum(
  bucket: AgingBucket,
  today: string,
  dueDate: RawBuilder<unknown> = sql.ref('invoices.due_date'),
  amount = BALANCE,
): RawBuilder<number> {
  const { from, until } = bucketDueDates(bucket, today);
  const conditions = [from && sql`${dueDate} >= ${from}`, until && sql`${dueDate} < ${until}`].filter(Boolean) as RawBuilder<unknown>[];
  return sql<number>`coalesce(sum(case when ${sql.join(conditions, sql` and `)} then ${amount} else 0 end), 0)`;
}

/** The bucket sums, the total and the count of open invoices, as the columns of a report row. */
const invoiceSums = (today: string) => [
  ...AGING_BUCKETS.map((b) => bucketSum(b, today).as(b)),
  sql<number>`coalesce(sum(${BALANCE}), 0)`.as('total'),
  sql<number>`count(*)`.as('n'),
];

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
    return this.openInvoices(actor, f)
      .select(['invoices.account_id', 'invoices.currency'])
      .select(invoiceSums(today))
      .groupBy(['invoices.account_id', 'invoices.currency']);
  }

  /** The open invoices the actor may see, of the owner's accounts and in the currency when asked. */
  private openInvoices(actor: Actor, f: Pick<ReceivablesQuery, 'ownerId' | 'currency'>) {
    let q = this.db
      .selectFrom('invoices')
      .where(OPEN_INVOICE)
      .where((eb) => accountIdScope(actor, eb as unknown as ExpressionBuilder<DB, 'invoices'>, 'invoices.account_id'));
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
   * One page of accounts by name (a row per account and currency), and the totals per currency.
   * The page walks the accounts in name order and stops once it has enough with open invoices,
   * summing only theirs; the totals come from the running totals by due date when the actor
   * sees every account, else from the open invoices of the accounts in view.
   */
  async byAccount(actor: Actor, f: ReceivablesQuery, today: string) {
    const pos = decodeCursor(f.cursor, 'text');
    const page = await this.accountPage(actor, f, today, pos);
    const totals = seesEveryAccount(actor) && !f.ownerId ? await this.allTotals(f, today) : await this.totalsInView(actor, f, today);
    return this.split([...page, ...totals], f.limit);
  }

  private async accountPage(actor: Actor, f: ReceivablesQuery, today: string, pos: CursorPosition | null) {
    // A row's key is (account name, account id | currency), so accounts in (name, id || '|')
    // order give their rows in key order.
    const sortKey = sql<string>`accounts.id || '|'`;
    let accounts = this.db
      .selectFrom('accounts')
      .select(['accounts.id', 'accounts.name', 'accounts.owner_id'])
      .where((eb) => accountScope(actor, eb))
      .where((eb) => {
        let open = eb
          .selectFrom('invoices')
          .select(sql.lit(1).as('one'))
          .whereRef('invoices.account_id', '=', 'accounts.id')
          .where(OPEN_INVOICE);
        if (f.currency) open = open.where('invoices.currency', '=', f.currency);
        return eb.exists(open);
      })
      .orderBy('accounts.name')
      .orderBy(sortKey)
      // The first account may have no row left after the cursor; every other one has one or more.
      .limit(f.limit + 2);
    if (f.ownerId) accounts = accounts.where('accounts.owner_id', '=', f.ownerId);
    if (pos) {
      const name = String(pos.v);
      const accountPart = pos.id.slice(0, pos.id.lastIndexOf('|') + 1);
      accounts = accounts
        .where('accounts.name', '>=', name)
        .where((eb) => eb.or([eb('accounts.name', '>', name), eb(sortKey, '>=', accountPart)]));
    }
    const gkey = sql<string>`k.id || '|' || invoices.currency`;
    const rows = await this.db
      .with('k', () => accounts)
      .selectFrom('k')
      .innerJoin('invoices', 'invoices.account_id', 'k.id')
      .select([
        sql.lit('row').as('part'),
        'k.id as key',
        'k.name as name',
        'k.owner_id as owner_id',
        'invoices.currency as currency',
        gkey.as('gkey'),
        ...invoiceSums(today),
      ])
      .where(OPEN_INVOICE)
      .$if(!!f.currency, (q) => q.where('invoices.currency', '=', f.currency!))
      .$if(!!pos, (q) => q.where(sql<SqlBool>`(k.name, ${gkey}) > (${pos!.v}, ${pos!.id})`))
      .groupBy(['k.id', 'k.name', 'k.owner_id', 'invoices.currency'])
      .orderBy('k.name')
      .orderBy(gkey)
      .limit(f.limit + 1)
      .execute();
    return rows as unknown as RawRow[];
  }

  /** Totals per currency over every account, from the running totals by due date. */
  private async allTotals(f: ReceivablesQuery, today: string) {
    const dueDate = sql.ref('receivable_totals.due_date');
    const amount = sql<number>`receivable_totals.balance_minor`;
    const rows = await this.db
      .selectFrom('receivable_totals')
      .select([
        sql.lit('total').as('part'),
        'currency',
        ...AGING_BUCKETS.map((b) => bucketSum(b, today, dueDate, amount).as(b)),
        sql<number>`coalesce(sum(receivable_totals.balance_minor), 0)`.as('total'),
        sql<number>`coalesce(sum(receivable_totals.row_count), 0)`.as('n'),
      ])
      .$if(!!f.currency, (q) => q.where('currency', '=', f.currency!))
      .groupBy('currency')
      .execute();
    return rows as unknown as RawRow[];
  }

  /** Totals per currency over the open invoices of the accounts in view. */
  private async totalsInView(actor: Actor, f: ReceivablesQuery, today: string) {
    const rows = await this.openInvoices(actor, f)
      .select([sql.lit('total').as('part'), 'invoices.currency', ...invoiceSums(today)])
      .groupBy('invoices.currency')
      .execute();
    return rows as unknown as RawRow[];
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
