import { sql, type CompiledQuery, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ReceivablesQuery } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import { QueryTemplate } from '../../db/query-template.js';
import type { DB } from '../../db/schema.js';
import type { CursorPosition } from '../../lib/pagination.js';
import { accountIdScope, accountScope, type Actor } from '../access/index.js';
import { OPEN_INVOICE } from '../billing/index.js';
import { bucketBounds, bucketSums, invoiceSums, type BucketBounds } from './aging.sql.js';

/** A row of the aging report as the queries return it: a page row or a currency's total. */
export interface RawAgingRow extends Record<string, number | string | null> {
  part: 'row' | 'total';
  key: string | null;
  name: string | null;
  owner_id: string | null;
  currency: string;
  gkey: string | null;
}

/** What changes the SQL: the reader's role (their access condition), the filters given, the cursor, the page size. */
interface Shape extends Record<string, string | boolean | number> {
  role: Actor['role'];
  client: boolean;
  owner: boolean;
  currency: boolean;
  after: boolean;
  rows: number;
}

interface Values extends BucketBounds {
  actorId: string;
  actorAccountId: string;
  ownerId: string;
  currency: string;
  afterName: string;
  afterKey: string;
  /** The account part of the cursor's key, `id|`. */
  afterAccount: string;
}

/** The reader as the statements see them: their id and company as values, their role as part of the shape. */
const actorOf = (shape: Shape, v: Values): Actor => ({
  id: v.actorId,
  role: shape.role,
  accountId: shape.client ? v.actorAccountId : null,
});

const page = new QueryTemplate<Shape, Values, RawAgingRow>(pageSql);
const allTotals = new QueryTemplate<Shape, Values, RawAgingRow>(allTotalsSql);
const totalsInView = new QueryTemplate<Shape, Values, RawAgingRow>(totalsInViewSql);

/**
 * The rows of the aging report by account, from statements compiled once per shape (building
 * them cost more CPU than running them): the page walks the accounts in name order and stops
 * once it has enough with open invoices, summing only theirs; the totals per currency come from
 * the running totals by due date when `everyAccount` is in view, else from the open invoices
 * of the accounts in view.
 */
export async function accountAgingRows(
  db: Database,
  actor: Actor,
  f: ReceivablesQuery,
  today: string,
  pos: CursorPosition | null,
  everyAccount: boolean,
) {
  const shape: Shape = {
    role: actor.role,
    client: actor.accountId !== null,
    owner: !!f.ownerId,
    currency: !!f.currency,
    after: pos !== null,
    rows: f.limit + 1,
  };
  const key = pos ? String(pos.id) : '';
  const values: Values = {
    ...bucketBounds(today),
    actorId: actor.id,
    actorAccountId: actor.accountId ?? '',
    ownerId: f.ownerId ?? '',
    currency: f.currency ?? '',
    afterName: pos ? String(pos.v) : '',
    afterKey: key,
    afterAccount: key.slice(0, key.lastIndexOf('|') + 1),
  };
  const rows = await page.execute(db, shape, values);
  const totals = await (everyAccount ? allTotals : totalsInView).execute(db, shape, values);
  return [...rows, ...totals];
}

function pageSql(db: Database, shape: Shape, v: Values) {
  // A row's key is (account name, account id | currency), so accounts in (name, id || '|')
  // order give their rows in key order.
  const sortKey = sql<string>`accounts.id || '|'`;
  const openOf = (eb: ExpressionBuilder<DB, 'accounts'>) => {
    let open = eb
      .selectFrom('invoices')
      .select(sql.lit(1).as('one'))
      .whereRef('invoices.account_id', '=', 'accounts.id')
      .where(OPEN_INVOICE);
    if (shape.currency) open = open.where('invoices.currency', '=', v.currency);
    return eb.exists(open);
  };
  let accounts = db
    .selectFrom('accounts')
    .select(['accounts.id', 'accounts.name', 'accounts.owner_id'])
    .where((eb) => accountScope(actorOf(shape, v), eb))
    .where(openOf)
    .orderBy('accounts.name')
    .orderBy(sortKey)
    // The first account may have no row left after the cursor; every other one has one or more.
    .limit(sql.lit(shape.rows + 1));
  if (shape.owner) accounts = accounts.where('accounts.owner_id', '=', v.ownerId);
  if (shape.after) {
    accounts = accounts
      .where('accounts.name', '>=', v.afterName)
      .where((eb) => eb.or([eb('accounts.name', '>', v.afterName), eb(sortKey, '>=', v.afterAccount)]));
  }
  const gkey = sql<string>`k.id || '|' || invoices.currency`;
  return db
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
      ...invoiceSums(v),
    ])
    .where(OPEN_INVOICE)
    .$if(shape.currency, (q) => q.where('invoices.currency', '=', v.currency))
    .$if(shape.after, (q) => q.where(sql<SqlBool>`(k.name, ${gkey}) > (${v.afterName}, ${v.afterKey})`))
    .groupBy(['k.id', 'k.name', 'k.owner_id', 'invoices.currency'])
    .orderBy('k.name')
    .orderBy(gkey)
    .limit(sql.lit(shape.rows))
    .compile() as unknown as CompiledQuery<RawAgingRow>;
}

/** Totals per currency over every account, from the running totals by due date. */
function allTotalsSql(db: Database, shape: Shape, v: Values) {
  return db
    .selectFrom('receivable_totals')
    .select([
      sql.lit('total').as('part'),
      'currency',
      ...bucketSums(v, sql.ref('receivable_totals.due_date'), sql<number>`receivable_totals.balance_minor`),
      sql<number>`coalesce(sum(receivable_totals.balance_minor), 0)`.as('total'),
      sql<number>`coalesce(sum(receivable_totals.row_count), 0)`.as('n'),
    ])
    .$if(shape.currency, (q) => q.where('currency', '=', v.currency))
    .groupBy('currency')
    .compile() as unknown as CompiledQuery<RawAgingRow>;
}

/** Totals per currency over the open invoices of the accounts in view. */
function totalsInViewSql(db: Database, shape: Shape, v: Values) {
  let q = db
    .selectFrom('invoices')
    .select([sql.lit('total').as('part'), 'invoices.currency', ...invoiceSums(v)])
    .where(OPEN_INVOICE)
    .where((eb) => accountIdScope(actorOf(shape, v), eb, 'invoices.account_id'));
  if (shape.owner) {
    q = q.where('invoices.account_id', 'in', (eb) =>
      eb.selectFrom('accounts').select('accounts.id').where('accounts.owner_id', '=', v.ownerId),
    );
  }
  if (shape.currency) q = q.where('invoices.currency', '=', v.currency);
  return q.groupBy('invoices.currency').compile() as unknown as CompiledQuery<RawAgingRow>;
}
