import type { Kysely } from 'kysely';
import { WORK_KINDS, type WorkKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError } from '../../lib/errors.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { BriefTemplateRepository } from './brief-template.repository.js';
import { DEFAULT_BRIEF_QUESTIONS } from './brief.templates.js';

export type BriefQuestion = { id: string; text: string };

/** Brief questionnaires per kind of work, edited by admins and copied into each new project. */
export class BriefTemplateService {
  private readonly repo: BriefTemplateRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.repo = new BriefTemplateRepository(db);
  }

  async questions(kind: WorkKind, trx: Kysely<DB> = this.db): Promise<BriefQuestion[]> {
    const stored = await this.repo.questionsOf(kind, trx);
    return stored ? (JSON.parse(stored) as BriefQuestion[]) : DEFAULT_BRIEF_QUESTIONS[kind];
  }

  async list() {
    const stored = new Map((await this.repo.all()).map((r) => [r.kind, r]));
    return WORK_KINDS.map((kind) => {
      const r = stored.get(kind);
      return {
        kind,
        questions: r ? (JSON.parse(r.questions) as BriefQuestion[]) : DEFAULT_BRIEF_QUESTIONS[kind],
        updatedAt: r?.updated_at ?? null,
      };
    });
  }

  async set(actor: Actor, kind: WorkKind, questions: BriefQuestion[]) {
    assertAdmin(actor);
    const ids = questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length) throw fieldError('questions', 'brief.duplicate_question');
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      const before = await this.questions(kind, t);
      await this.repo.save(t, kind, JSON.stringify(questions), now);
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
}
