import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { LANGUAGES, WORK_KINDS, type Language, type WorkKind } from '../../../common/enums.js';
import type { BriefTemplateSchema } from '../../../common/schemas/task.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError } from '../../lib/errors.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { BriefTemplateRepository } from './brief-template.repository.js';
import { DEFAULT_BRIEF_QUESTIONS } from './brief.templates.js';

export type BriefQuestion = { id: string; text: string };
export type BriefTemplate = z.infer<typeof BriefTemplateSchema>;
/** New questions for some of the languages of one kind of work. */
export type BriefQuestionsByLanguage = Partial<Record<Language, BriefQuestion[]>>;

/** An account's language as a template language; anything unknown reads as English. */
export const briefLanguage = (language: string | null | undefined): Language => LANGUAGES.find((l) => l === language) ?? 'en';

/**
 * Brief questionnaires per kind of work and language, edited by admins; a new project copies
 * the one in its account's language, so a client is asked in the language they speak.
 */
export class BriefTemplateService {
  private readonly repo: BriefTemplateRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.repo = new BriefTemplateRepository(db);
  }

  async questions(kind: WorkKind, language: Language, trx: Kysely<DB> = this.db): Promise<BriefQuestion[]> {
    const stored = await this.repo.questionsOf(kind, language, trx);
    return stored ? (JSON.parse(stored) as BriefQuestion[]) : DEFAULT_BRIEF_QUESTIONS[language][kind];
  }

  async list(trx: Kysely<DB> = this.db): Promise<BriefTemplate[]> {
    const stored = new Map((await this.repo.all(trx)).map((r) => [`${r.kind}:${r.language}`, r]));
    return WORK_KINDS.map((kind) => {
      const rows = LANGUAGES.map((language) => stored.get(`${kind}:${language}`));
      const questionsByLanguage = Object.fromEntries(
        LANGUAGES.map((language, i) => [
          language,
          rows[i] ? (JSON.parse(rows[i].questions) as BriefQuestion[]) : DEFAULT_BRIEF_QUESTIONS[language][kind],
        ]),
      ) as Record<Language, BriefQuestion[]>;
      const saved = rows.map((r) => r?.updated_at).filter((at): at is string => !!at);
      return { kind, questions: questionsByLanguage.en, questionsByLanguage, updatedAt: saved.sort().at(-1) ?? null };
    });
  }

  /**
   * Saves the questions given for each language in one transaction with one audit entry; the
   * other languages stay. `fieldOf` names a language's questions in the request, for errors.
   */
  async set(
    actor: Actor,
    kind: WorkKind,
    byLanguage: BriefQuestionsByLanguage,
    fieldOf = (language: Language) => `questionsByLanguage.${language}`,
  ): Promise<BriefTemplate> {
    assertAdmin(actor);
    const given = LANGUAGES.filter((language) => byLanguage[language]);
    for (const language of given) {
      const ids = byLanguage[language]!.map((q) => q.id);
      if (new Set(ids).size !== ids.length) throw fieldError(fieldOf(language), 'brief.duplicate_question');
    }
    const now = this.clock.now().toISOString();
    return this.db.transaction().execute(async (t) => {
      const before: BriefQuestionsByLanguage = {};
      for (const language of given) {
        before[language] = await this.questions(kind, language, t);
        await this.repo.save(t, kind, language, JSON.stringify(byLanguage[language]), now);
      }
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'brief_template',
        recordId: kind,
        action: 'update',
        before: { questionsByLanguage: before },
        after: { questionsByLanguage: Object.fromEntries(given.map((l) => [l, byLanguage[l]])) },
        at: now,
      });
      return (await this.list(t)).find((x) => x.kind === kind)!;
    });
  }
}
