import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { projectScope, type Actor, type OnAccount } from '../access/index.js';

export interface BriefAnswerRow {
  question_id: string;
  answer: string;
  answered_by_id: string | null;
  answered_at: string;
  name: string | null;
}

/** A project whose brief is not sent yet, once per answered question (question_id null when none is). */
export interface UnsentBriefRow extends OnAccount {
  project_id: string;
  brief_questions: string;
  question_id: string | null;
}

/** The `brief_answers` and `brief_submissions` tables: each project's answers, one per question, and when the client sent them. */
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

  /**
   * The briefs of these projects not yet submitted, with the questions answered so far, as far
   * as the actor reads the projects: one query for every project.
   */
  unsent(actor: Actor, projectIds: readonly string[]): Promise<UnsentBriefRow[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('projects')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .leftJoin('brief_submissions', 'brief_submissions.project_id', 'projects.id')
      .leftJoin('brief_answers', 'brief_answers.project_id', 'projects.id')
      .select([
        'projects.id as project_id',
        'projects.brief_questions',
        'projects.account_id',
        'accounts.owner_id',
        'accounts.backup_owner_id',
        'brief_answers.question_id',
      ])
      .where('projects.id', 'in', projectIds)
      .where('brief_submissions.project_id', 'is', null)
      .where((eb) => projectScope(actor, eb))
      .execute();
  }

  submission(projectId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('brief_submissions')
      .select(['submitted_at', 'submitted_by_id'])
      .where('project_id', '=', projectId)
      .executeTakeFirst();
  }

  /** Records the submission once; false when the brief was submitted already (by a concurrent request too). */
  async submit(trx: Kysely<DB>, row: { project_id: string; submitted_at: string; submitted_by_id: string }): Promise<boolean> {
    const done = await trx
      .insertInto('brief_submissions')
      .values(row)
      .onConflict((oc) => oc.column('project_id').doNothing())
      .executeTakeFirst();
    return Number(done.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
