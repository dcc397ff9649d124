import type { Kysely } from 'kysely';
import type { WorkKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/** The `brief_templates` table: one stored questionnaire per kind of work (JSON). */
export class BriefTemplateRepository {
  constructor(private readonly db: Database) {}

  async questionsOf(kind: WorkKind, trx: Kysely<DB> = this.db): Promise<string | undefined> {
    const row = await trx.selectFrom('brief_templates').select('questions').where('kind', '=', kind).executeTakeFirst();
    return row?.questions;
  }

  all() {
    return this.db.selectFrom('brief_templates').selectAll().execute();
  }

  async save(trx: Kysely<DB>, kind: WorkKind, questions: string, at: string): Promise<void> {
    await trx
      .insertInto('brief_templates')
      .values({ kind, questions, updated_at: at })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ questions, updated_at: at }))
      .execute();
  }
}
