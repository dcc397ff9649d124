import type { Kysely } from 'kysely';
import type { Language, WorkKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/** The `brief_templates` table: one stored questionnaire per kind of work and language (JSON). */
export class BriefTemplateRepository {
  constructor(private readonly db: Database) {}

  async questionsOf(kind: WorkKind, language: Language, trx: Kysely<DB> = this.db): Promise<string | undefined> {
    const row = await trx
      .selectFrom('brief_templates')
      .select('questions')
      .where('kind', '=', kind)
      .where('language', '=', language)
      .executeTakeFirst();
    return row?.questions;
  }

  all(trx: Kysely<DB> = this.db) {
    return trx.selectFrom('brief_templates').selectAll().execute();
  }

  async save(trx: Kysely<DB>, kind: WorkKind, language: Language, questions: string, at: string): Promise<void> {
    await trx
      .insertInto('brief_templates')
      .values({ kind, language, questions, updated_at: at })
      .onConflict((oc) => oc.columns(['kind', 'language']).doUpdateSet({ questions, updated_at: at }))
      .execute();
  }
}
