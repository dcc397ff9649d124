import type { Kysely } from 'kysely';
import type { DealStage } from '../../../common/enums.js';
import { DealSettingsSchema, type DealSettings } from '../../../common/schemas/deal.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, assertSeesInternal, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const PIPELINE_KEY = 'sales.deal_pipeline';

/** The pipeline until an admin changes it. */
export const DEFAULT_DEAL_SETTINGS: DealSettings = {
  stages: {
    qualified: { name: { en: 'Qualified', ru: 'Квалификация' }, probability: 10 },
    meeting: { name: { en: 'Meeting', ru: 'Встреча' }, probability: 25 },
    proposal: { name: { en: 'Proposal', ru: 'Предложение' }, probability: 50 },
    negotiation: { name: { en: 'Negotiation', ru: 'Переговоры' }, probability: 75 },
    won: { name: { en: 'Won', ru: 'Выиграна' }, probability: 100 },
    lost: { name: { en: 'Lost', ru: 'Проиграна' }, probability: 0 },
  },
  lostReasons: [
    { key: 'price', name: { en: 'Price', ru: 'Цена' } },
    { key: 'timing', name: { en: 'Timing', ru: 'Сроки' } },
    { key: 'competitor', name: { en: 'Chose a competitor', ru: 'Выбрали конкурента' } },
    { key: 'no_budget', name: { en: 'No budget', ru: 'Нет бюджета' } },
    { key: 'no_response', name: { en: 'No response', ru: 'Нет ответа' } },
    { key: 'other', name: { en: 'Other', ru: 'Другое' } },
  ],
  proposalValidityDays: 30,
};

/**
 * The pipeline's stage names and default probabilities, the lost reasons and how long a new
 * proposal is valid: staff who see deals read them, admins change them.
 */
export class DealSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  load(trx?: Kysely<DB>): Promise<DealSettings> {
    return this.settings.get(PIPELINE_KEY, DealSettingsSchema, DEFAULT_DEAL_SETTINGS, trx);
  }

  /** A stage's default probability. */
  async probabilityOf(stage: DealStage, trx?: Kysely<DB>): Promise<number> {
    return (await this.load(trx)).stages[stage].probability;
  }

  async get(actor: Actor): Promise<DealSettings> {
    assertSeesInternal(actor);
    return this.load();
  }

  /** Replaces the settings; deals keep their probabilities and reasons (a removed reason still reads by its key). */
  async update(actor: Actor, value: DealSettings): Promise<DealSettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(PIPELINE_KEY, value, t);
      const after = await this.load(t);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'settings',
        recordId: 'deals',
        action: 'update',
        before,
        after,
        at: this.clock.now().toISOString(),
      });
      return after;
    });
  }
}
