import { sql, type Insertable, type Kysely } from 'kysely';
import type { SurveyListQuery } from '../../../common/schemas/survey.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { SurveysTable } from '../../db/tables/surveys.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { surveyScope, type Actor } from '../access/index.js';

/** The `surveys` and `survey_contacts` tables; a survey is read with its account's name and managers, its contact's and project's names. */
export class SurveyRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('surveys')
      .innerJoin('accounts', 'accounts.id', 'surveys.account_id')
      .innerJoin('contacts', 'contacts.id', 'surveys.contact_id')
      .leftJoin('projects', 'projects.id', 'surveys.project_id')
      .selectAll('surveys')
      .select([
        'accounts.name as account_name',
        'accounts.owner_id',
        'accounts.backup_owner_id',
        'contacts.first_name',
        'contacts.last_name',
        'projects.name as project_name',
      ]);
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('surveys.id', '=', id).executeTakeFirst();
  }

  findByHash(hash: string, trx?: Kysely<DB>) {
    return this.base(trx).where('surveys.token_hash', '=', hash).executeTakeFirst();
  }

  /** Surveys the actor reads, newest first, a page at a time. */
  async list(actor: Actor, f: SurveyListQuery) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.base()
      .where((eb) => surveyScope(actor, eb))
      .orderBy('surveys.sent_at', 'desc')
      .orderBy('surveys.id', 'desc')
      .limit(f.limit + 1);
    if (f.accountId) q = q.where('surveys.account_id', '=', f.accountId);
    if (f.projectId) q = q.where('surveys.project_id', '=', f.projectId);
    if (f.kind) q = q.where('surveys.kind', '=', f.kind);
    if (f.answered === true) q = q.where('surveys.answered_at', 'is not', null);
    if (f.answered === false) q = q.where('surveys.answered_at', 'is', null);
    if (pos) q = q.where((eb) => afterCursor(eb, 'surveys.sent_at', 'surveys.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.sent_at, id: r.id }));
  }

  /** A contact's surveys still open for an answer, newest first (the portal). */
  pendingOfContact(contactId: string, now: string) {
    return this.base()
      .where('surveys.contact_id', '=', contactId)
      .where('surveys.answered_at', 'is', null)
      .where('surveys.expires_at', '>', now)
      .orderBy('surveys.sent_at', 'desc')
      .orderBy('surveys.id', 'desc')
      .limit(20)
      .execute();
  }

  async insert(trx: Kysely<DB>, row: Insertable<SurveysTable>): Promise<void> {
    await trx.insertInto('surveys').values(row).execute();
  }

  /**
   * Records the answer only while the survey is unanswered and open: one conditional write, so
   * of two answers at once exactly one lands. Answers whether this one did.
   */
  async answer(trx: Kysely<DB>, id: string, a: { score: number; comment: string | null; at: string }): Promise<boolean> {
    const done = await trx
      .updateTable('surveys')
      .set((eb) => ({ score: a.score, comment: a.comment, answered_at: a.at, updated_at: a.at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('answered_at', 'is', null)
      .where('expires_at', '>', a.at)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  /**
   * Marks the contact asked now unless they were asked after `since`: one conditional upsert, so
   * two triggers at once never both ask. Answers whether this caller may ask.
   */
  async claimContact(trx: Kysely<DB>, contactId: string, now: string, since: string): Promise<boolean> {
    const row = await trx
      .insertInto('survey_contacts')
      .values({ contact_id: contactId, last_asked_at: now })
      .onConflict((oc) => oc.column('contact_id').doUpdateSet({ last_asked_at: now }).where('survey_contacts.last_asked_at', '<=', since))
      .returning('contact_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  lastAsked(trx: Kysely<DB>, contactId: string) {
    return trx.selectFrom('survey_contacts').select('last_asked_at').where('contact_id', '=', contactId).executeTakeFirst();
  }

  /** Whether a milestone already sent its survey. */
  async sentForMilestone(trx: Kysely<DB>, milestoneId: string): Promise<boolean> {
    return (await trx.selectFrom('surveys').select('id').where('milestone_id', '=', milestoneId).executeTakeFirst()) !== undefined;
  }

  /** The project's name and account, for a survey a project's event sends. */
  project(trx: Kysely<DB>, projectId: string) {
    return trx.selectFrom('projects').select(['id', 'name', 'account_id']).where('id', '=', projectId).executeTakeFirst();
  }

  /**
   * Whom an account's survey goes to: a contact with an email, preferring, for a project's
   * survey, whoever receives its status reports and then the decision maker, and for the
   * relationship survey the decision maker first; then by name.
   */
  recipient(trx: Kysely<DB>, accountId: string, about: 'project' | 'relationship') {
    const decisionMaker = sql<number>`case when contacts.decision_role = 'decision_maker' then 0 else 1 end`;
    const reports = sql<number>`case when contacts.receives_reports = 1 then 0 else 1 end`;
    const [first, second] = about === 'project' ? [reports, decisionMaker] : [decisionMaker, reports];
    return trx
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('email', 'is not', null)
      .orderBy(first)
      .orderBy(second)
      .orderBy('sort_name')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  /** Active accounts not yet sent their relationship survey since `since` (the quarter's start), a batch at a time. */
  accountsDueQuarterly(since: string, afterId: string, limit: number) {
    return this.db
      .selectFrom('accounts')
      .select('accounts.id')
      .where('accounts.status', '=', 'active')
      .where('accounts.id', '>', afterId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('surveys')
              .select('surveys.id')
              .whereRef('surveys.account_id', '=', 'accounts.id')
              .where('surveys.trigger', '=', 'quarterly')
              .where('surveys.sent_at', '>=', since),
          ),
        ),
      )
      .orderBy('accounts.id')
      .limit(limit)
      .execute();
  }
}

export type SurveyRow = NonNullable<Awaited<ReturnType<SurveyRepository['find']>>>;
