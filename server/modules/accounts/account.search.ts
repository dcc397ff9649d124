import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { accountScope, seesAccounts, seesEveryAccount } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Accounts in global search: by name, then website and industry. */
export const accountSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'account',
    table: 'accounts',
    base: (q) =>
      q
        .selectFrom('accounts')
        .select([
          'accounts.id',
          'accounts.version',
          'accounts.updated_at',
          'accounts.id as account_id',
          'accounts.name as title',
          sql<string | null>`coalesce(accounts.industry, accounts.website)`.as('subtitle'),
          'accounts.website as s1',
          'accounts.industry as s2',
        ]),
    scope: (actor) => (seesEveryAccount(actor) ? 'all' : seesAccounts(actor) ? (eb) => accountScope(actor, eb) : null),
  });
