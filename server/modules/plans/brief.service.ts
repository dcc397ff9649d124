import type { Kysely } from 'kysely';
import { WORK_KINDS, type WorkKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, forbidden } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { assertAdmin, canManageAccount } from '../access/policy.js';
import { recordAudit } from '../audit/audit.recorder.js';
import type { ProjectService } from '../projects/project.service.js';
import { DEFAULT_BRIEF_QUESTIONS } from './brief.templates.js';

type Question = { id: string; text: string };

/** Brief questionnaires: templates per kind of work, and each project's answers. */
export class BriefService {
  projects!: ProjectService; // wired after construction: projects and briefs need each other

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async templateQuestions(kind: WorkKind, trx: Kysely<DB> = this.db): Promise<Question[]> {
    const row = await trx.selectFrom('brief_templates').select('questions').where('kind', '=', kind).executeTakeFirst();
    return row ? JSON.parse(row.questions) : DEFAULT_BRIEF_QUESTIONS[kind];
  }

  async listTemplates() {
    const rows = await this.db.selectFrom('brief_templates').selectAll().execute();
    const stored = new Map(rows.map((r) => [r.kind, r]));
    return WORK_KINDS.map((kind) => {
      const r = stored.get(kind);
      return {
        kind,
        questions: r ? (JSON.parse(r.questions) as Question[]) : DEFAULT_BRIEF_QUESTIONS[kind],
        updatedAt: r?.updated_at ?? null,
      };
    });
  }

  async setTemplate(actor: Actor, kind: WorkKind, questions: Question[]) {
    assertAdmin(actor);
    const ids = questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length) throw fieldError('questions', 'Each question needs its own id');
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      const before = await this.templateQuestions(kind, t);
      const json = JSON.stringify(questions);
      await t
        .insertInto('brief_templates')
        .values({ kind, questions: json, updated_at: now })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ questions: json, updated_at: now }))
        .execute();
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'brief_template',
        recordId: kind,
        action: 'update',
        before: { questions: before },
        after: { questions },
        at: now,
      });
    });
    return { kind, questions, updatedAt: now };
  }

  /** The project's questions with answers, and which are still missing. */
  async get(actor: Actor, projectId: string) {
    const project = await this.projects.readable(actor, projectId);
    const questions: Question[] = JSON.parse(project.brief_questions);
    const answers = await this.db
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
    const byId = new Map(answers.map((a) => [a.question_id, a]));
    return {
      projectId,
      kind: project.kind as WorkKind,
      questions: questions.map((q) => {
        const a = byId.get(q.id);
        return {
          ...q,
          answer: a?.answer ?? null,
          answeredById: a?.answered_by_id ?? null,
          answeredByName: a?.name ?? null,
          answeredAt: a?.answered_at ?? null,
        };
      }),
      missing: questions.filter((q) => !byId.has(q.id)).map((q) => q.id),
    };
  }

  /** Records answers by the account's manager or a client user of that company. */
  async answer(actor: Actor, projectId: string, answers: { questionId: string; answer: string }[]) {
    const project = await this.projects.readable(actor, projectId);
    const owners = { id: project.account_id, owner_id: project.owner_id, backup_owner_id: project.backup_owner_id };
    if (actor.role !== 'client' && !canManageAccount(actor, owners))
      throw forbidden('Only the account manager or the client can answer the brief.');
    const known = new Set((JSON.parse(project.brief_questions) as Question[]).map((q) => q.id));
    const unknown = answers.find((a) => !known.has(a.questionId));
    if (unknown) throw fieldError('answers', `No question "${unknown.questionId}" in this brief`);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      // One statement for all answers; a question answered twice in one request keeps the last answer.
      const rows = [...new Map(answers.map((a) => [a.questionId, a])).values()].map((a) => ({
        project_id: projectId,
        question_id: a.questionId,
        answer: a.answer,
        answered_by_id: actor.id,
        answered_at: now,
      }));
      await t
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
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'brief',
        recordId: projectId,
        action: 'update',
        after: Object.fromEntries(answers.map((a) => [a.questionId, a.answer])),
        at: now,
      });
    });
    return this.get(actor, projectId);
  }
}
