import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { projectScope, seesEveryAccount } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Projects in global search: by name; shown with their account. */
export const projectSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'project',
    table: 'projects',
    base: (q) =>
      q
        .selectFrom('projects')
        .innerJoin('accounts', 'accounts.id', 'projects.account_id')
        .select([
          'projects.id',
          'projects.version',
          'projects.updated_at',
          'projects.account_id',
          'projects.name as title',
          'accounts.name as subtitle',
          sql<string | null>`null`.as('s1'),
          sql<string | null>`null`.as('s2'),
        ]),
    scope: (actor) => (seesEveryAccount(actor) ? 'all' : (eb) => projectScope(actor, eb)),
  });
