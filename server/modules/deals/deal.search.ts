import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { dealScope, seesEveryAccount, seesInternalRecords } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Deals in global search: by title; shown with their account. Internal: staff who read the account. */
export const dealSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'deal',
    table: 'deals',
    base: (q) =>
      q
        .selectFrom('deals')
        .innerJoin('accounts', 'accounts.id', 'deals.account_id')
        .select([
          'deals.id',
          'deals.version',
          'deals.updated_at',
          'deals.account_id',
          'deals.title as title',
          'accounts.name as subtitle',
          sql<string | null>`null`.as('s1'),
          sql<string | null>`null`.as('s2'),
        ]),
    scope: (actor) => (!seesInternalRecords(actor) ? null : seesEveryAccount(actor) ? 'all' : (eb) => dealScope(actor, eb)),
  });
