import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

export interface BriefAnswerRow {
  question_id: string;
  answer: string;
  answered_by_id: string | null;
  answered_at: string;
  name: string | null;
}

/** The `brief_answers` table: each project's answers, one per question. */
export class BriefRepository {
  constructor(private readonly db: Database) {}

  answers(projectId: string): Promise<BriefAnswerRow[]> {
    return this.db
      .selectFrom('brief_answers')
      .leftJoin('users', 'users.id', 'brief_answers.answered_by_id')
      .select([
        'brief_answers.question_id',
        'brief_answers.answer',
        'brief_answers.answered_by_id',
        'brief_answers.answered_at',
        'users.name',
      ])
      .where('brief_answers.project_id', '=', projectId)
      .execute();
  }

  /** One statement for all answers; each replaces an earlier answer to the same question. */
  async upsert(
    trx: Kysely<DB>,
    rows: { project_id: string; question_id: string; answer: string; answered_by_id: string; answered_at: string }[],
  ): Promise<void> {
    await trx
      .insertInto('brief_answers')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['project_id', 'question_id']).doUpdateSet((eb) => ({
          answer: eb.ref('excluded.answer'),
          answered_by_id: eb.ref('excluded.answered_by_id'),
          answered_at: eb.ref('excluded.answered_at'),
        })),
      )
      .execute();
  }
}
