import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { claimScope, seesEveryAccount, seesInternalRecords } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Claims in global search: by the start of their description, then category; shown with their account. */
export const claimSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'claim',
    table: 'claims',
    base: (q) =>
      q
        .selectFrom('claims')
        .innerJoin('accounts', 'accounts.id', 'claims.account_id')
        .select([
          'claims.id',
          'claims.version',
          'claims.updated_at',
          'claims.account_id',
          sql<string>`substr(claims.description, 1, 120)`.as('title'),
          'accounts.name as subtitle',
          'claims.category as s1',
          sql<string | null>`null`.as('s2'),
        ]),
    scope: (actor) => (!seesInternalRecords(actor) ? null : seesEveryAccount(actor) ? 'all' : (eb) => claimScope(actor, eb)),
  });
