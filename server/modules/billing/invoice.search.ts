import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { invoiceScope, seesBilling, seesEveryAccount } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Invoices in global search: by number (a draft has none, so is not found); shown with their account. */
export const invoiceSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'invoice',
    table: 'invoices',
    base: (q) =>
      q
        .selectFrom('invoices')
        .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
        .select([
          'invoices.id',
          'invoices.version',
          'invoices.updated_at',
          'invoices.account_id',
          'invoices.number as title',
          'accounts.name as subtitle',
          sql<string | null>`null`.as('s1'),
          sql<string | null>`null`.as('s2'),
        ]),
    scope: (actor) => (!seesBilling(actor) ? null : seesEveryAccount(actor) ? 'all' : (eb) => invoiceScope(actor, eb)),
  });
