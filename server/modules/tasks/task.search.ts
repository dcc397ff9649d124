import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { isStaff, seesEveryAccount, taskScope } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Tasks in global search: by title; shown with their project. Clients see none. */
export const taskSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'task',
    table: 'tasks',
    base: (q) =>
      q
        .selectFrom('tasks')
        .innerJoin('projects', 'projects.id', 'tasks.project_id')
        .select([
          'tasks.id',
          'tasks.version',
          'tasks.updated_at',
          'tasks.account_id',
          'tasks.title as title',
          'projects.name as subtitle',
          sql<string | null>`null`.as('s1'),
          sql<string | null>`null`.as('s2'),
        ]),
    scope: (actor) => (!isStaff(actor) ? null : seesEveryAccount(actor) ? 'all' : (eb) => taskScope(actor, eb)),
  });
