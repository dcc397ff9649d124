import type { Database } from '../../db/database.js';
import { documentScope, seesDocuments, seesEveryAccount } from '../access/index.js';
import { tableSource, type SearchSource } from '../search/index.js';

/** Documents in global search: by title (or number), then number; shown with their account. */
export const documentSearch = (db: Database): SearchSource =>
  tableSource(db, {
    kind: 'document',
    table: 'documents',
    base: (q) =>
      q
        .selectFrom('documents')
        .innerJoin('accounts', 'accounts.id', 'documents.account_id')
        .select((eb) => [
          'documents.id',
          'documents.version',
          'documents.updated_at',
          'documents.account_id',
          eb.fn.coalesce('documents.title', 'documents.number').as('title'),
          'accounts.name as subtitle',
          'documents.number as s1',
          'documents.kind as s2',
        ]),
    scope: (actor) => (!seesDocuments(actor) ? null : seesEveryAccount(actor) ? 'all' : (eb) => documentScope(actor, eb)),
  });
