import type { Kysely } from 'kysely';
import { SurveySettingsSchema, type SurveySettings } from '../../../common/schemas/survey.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const SURVEYS_KEY = 'satisfaction.surveys';

/** Every trigger on, a contact asked at most once a month, a low answer opens a next step due in two days. */
export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  onMilestoneDone: true,
  onProjectDelivered: true,
  quarterly: true,
  throttleDays: 30,
  followUp: 'next_step',
  followUpDays: 2,
};

/** When surveys go out on their own and what a low answer opens: admins read and change them. */
export class SurveySettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  load(trx?: Kysely<DB>): Promise<SurveySettings> {
    return this.settings.get(SURVEYS_KEY, SurveySettingsSchema, DEFAULT_SURVEY_SETTINGS, trx);
  }

  async get(actor: Actor): Promise<SurveySettings> {
    assertAdmin(actor);
    return this.load();
  }

  async update(actor: Actor, value: SurveySettings): Promise<SurveySettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(SURVEYS_KEY, value, t);
      const after = await this.load(t);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'settings', recordId: 'surveys', action: 'update', before, after, at });
      return after;
    });
  }
}
