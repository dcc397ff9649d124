import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { accountIdScope, seesAccounts, seesEveryAccount } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Contacts in global search: by name, then e-mail and position; shown with their account. */
export const contactSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'contact',
    table: 'contacts',
    base: (q) =>
      q
        .selectFrom('contacts')
        .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
        .select([
          'contacts.id',
          'contacts.version',
          'contacts.updated_at',
          'contacts.account_id',
          sql<string>`contacts.first_name || coalesce(' ' || contacts.last_name, '')`.as('title'),
          'accounts.name as subtitle',
          'contacts.email as s1',
          'contacts.position as s2',
        ]),
    scope: (actor) =>
      seesEveryAccount(actor) ? 'all' : seesAccounts(actor) ? (eb) => accountIdScope(actor, eb, 'contacts.account_id') : null,
  });
