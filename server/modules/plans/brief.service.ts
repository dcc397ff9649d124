import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, forbidden } from '../../lib/errors.js';
import { briefAbilities, owningAccount, speaksForClient, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { BriefQuestion, ProjectService } from '../projects/index.js';
import { BriefRepository } from './brief.repository.js';

/** Each project's brief: the questions copied from its kind's questionnaire, and the answers. */
export class BriefService {
  private readonly repo: BriefRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
  ) {
    this.repo = new BriefRepository(db);
  }

  /** The project's questions with answers, and which are still missing. */
  async get(actor: Actor, projectId: string) {
    const project = await this.projects.readable(actor, projectId);
    const questions = JSON.parse(project.brief_questions) as BriefQuestion[];
    const byId = new Map((await this.repo.answers(projectId)).map((a) => [a.question_id, a]));
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
      missing: questions.filter((q) => !byId.has(q.id)).map((q) => q.id),
      can: briefAbilities(actor, project),
    };
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
}
