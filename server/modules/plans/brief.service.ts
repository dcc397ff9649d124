import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { groupBy } from '../../lib/group.js';
import { conflictIf, fieldError, forbidden } from '../../lib/errors.js';
import { briefAbilities, briefSubmitRefusal, owningAccount, speaksForClient, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { BriefQuestion, ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { BriefRepository } from './brief.repository.js';

/** A brief still to fill in or to send, and how many of its questions have no answer. */
export interface UnsentBrief {
  projectId: string;
  missing: number;
}

/**
 * Each project's brief: the questions copied from its kind's questionnaire, and the answers.
 * Answers are drafts, saved as often as the client likes, until the client submits the brief.
 */
export class BriefService {
  private readonly repo: BriefRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly timeline: TimelineLog,
  ) {
    this.repo = new BriefRepository(db);
  }

  /** The project's questions with answers, and which are still missing. */
  async get(actor: Actor, projectId: string) {
    const project = await this.projects.readable(actor, projectId);
    const questions = JSON.parse(project.brief_questions) as BriefQuestion[];
    const [answers, submission] = await Promise.all([this.repo.answers(projectId), this.repo.submission(projectId)]);
    const byId = new Map(answers.map((a) => [a.question_id, a]));
    const missing = questions.filter((q) => !byId.has(q.id)).map((q) => q.id);
    return {
      projectId,
      kind: project.kind,
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
      missing,
      submittedAt: submission?.submitted_at ?? null,
      submittedById: submission?.submitted_by_id ?? null,
      can: briefAbilities(actor, project, { submitted: Boolean(submission), missing: missing.length }),
    };
  }

  /**
   * The briefs of these projects that wait for the actor to fill in or send: not submitted, with
   * questions, and the actor answers for the client. One read for every project, in no order.
   */
  async unsent(actor: Actor, projectIds: readonly string[]): Promise<UnsentBrief[]> {
    const byProject = groupBy(await this.repo.unsent(actor, projectIds), (r) => r.project_id);
    return [...byProject].flatMap(([projectId, rows]) => {
      const questions = JSON.parse(rows[0].brief_questions) as BriefQuestion[];
      const answered = new Set(rows.map((r) => r.question_id));
      const missing = questions.filter((q) => !answered.has(q.id)).length;
      const may = briefAbilities(actor, rows[0], { submitted: false, missing }).answer;
      return may && questions.length > 0 ? [{ projectId, missing }] : [];
    });
  }

  /** Records answers by the account's manager or a client user of that company. */
  async answer(actor: Actor, projectId: string, answers: { questionId: string; answer: string }[]) {
    const project = await this.projects.readable(actor, projectId);
    if (!speaksForClient(actor, owningAccount(project))) throw forbidden('brief.answerer');
    const known = new Set((JSON.parse(project.brief_questions) as BriefQuestion[]).map((q) => q.id));
    const unknown = answers.find((a) => !known.has(a.questionId));
    if (unknown) throw fieldError('answers', 'brief.unknown_question', { questionId: unknown.questionId });
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      // A question answered twice in one request keeps the last answer.
      const rows = [...new Map(answers.map((a) => [a.questionId, a])).values()].map((a) => ({
        project_id: projectId,
        question_id: a.questionId,
        answer: a.answer,
        answered_by_id: actor.id,
        answered_at: now,
      }));
      await this.repo.upsert(t, rows);
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

  /** The client (or the manager on their behalf) sends the fully answered brief; the manager sees it on the timeline. */
  async submit(actor: Actor, projectId: string) {
    const project = await this.projects.readable(actor, projectId);
    if (!speaksForClient(actor, owningAccount(project))) throw forbidden('brief.answerer');
    const brief = await this.get(actor, projectId);
    conflictIf(briefSubmitRefusal({ submitted: brief.submittedAt !== null, missing: brief.missing.length }));
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      conflictIf(
        (await this.repo.submit(t, { project_id: projectId, submitted_at: now, submitted_by_id: actor.id }))
          ? null
          : { code: 'brief.already_submitted' },
      );
      await this.timeline.recordEvent(t, {
        accountId: project.account_id,
        kind: 'brief_submitted',
        actorId: actor.id,
        occurredAt: now,
        data: { projectId, name: project.name },
      });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'brief',
        recordId: projectId,
        action: 'update',
        after: { submittedAt: now },
        at: now,
      });
    });
    return this.get(actor, projectId);
  }
}
