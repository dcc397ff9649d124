import type { Kysely } from 'kysely';
import { ClaimSettingsSchema, type ClaimSettings } from '../../../common/schemas/claim.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, assertSeesInternal, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const CLAIMS_KEY = 'satisfaction.claims';

/**
 * Until an admin changes them. Deadlines are calendar hours from registration (a claim does not
 * wait for Monday; business hours are not required), shorter the more severe the claim.
 */
export const DEFAULT_CLAIM_SETTINGS: ClaimSettings = {
  categories: [
    { key: 'quality', name: { en: 'Quality', ru: 'Качество' } },
    { key: 'deadline', name: { en: 'Deadline', ru: 'Сроки' } },
    { key: 'communication', name: { en: 'Communication', ru: 'Коммуникация' } },
    { key: 'billing', name: { en: 'Billing', ru: 'Счета и оплата' } },
    { key: 'other', name: { en: 'Other', ru: 'Другое' } },
  ],
  rootCauses: [
    { key: 'unclear_requirements', name: { en: 'Unclear requirements', ru: 'Неясные требования' } },
    { key: 'underestimated', name: { en: 'Underestimated work', ru: 'Недооценка объёма работ' } },
    { key: 'skills_gap', name: { en: 'Skills gap', ru: 'Недостаток квалификации' } },
    { key: 'handover', name: { en: 'Poor handover', ru: 'Плохая передача дел' } },
    { key: 'no_review', name: { en: 'No review before delivery', ru: 'Нет проверки перед сдачей' } },
    { key: 'client_side', name: { en: 'On the client’s side', ru: 'На стороне клиента' } },
    { key: 'other', name: { en: 'Other', ru: 'Другое' } },
  ],
  deadlines: {
    low: { respondHours: 72, resolveHours: 240 },
    medium: { respondHours: 24, resolveHours: 120 },
    high: { respondHours: 8, resolveHours: 48 },
    critical: { respondHours: 2, resolveHours: 24 },
  },
  autoCloseDays: 7,
  surveyCategory: 'quality',
};

/** Claims' categories, root causes, deadlines and auto-closing: staff read them, admins change them. */
export class ClaimSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  load(trx?: Kysely<DB>): Promise<ClaimSettings> {
    return this.settings.get(CLAIMS_KEY, ClaimSettingsSchema, DEFAULT_CLAIM_SETTINGS, trx);
  }

  async get(actor: Actor): Promise<ClaimSettings> {
    assertSeesInternal(actor);
    return this.load();
  }

  /** Replaces the settings; claims keep their deadlines, categories and root causes (a removed key still reads as stored). */
  async update(actor: Actor, value: ClaimSettings): Promise<ClaimSettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(CLAIMS_KEY, value, t);
      const after = await this.load(t);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'settings', recordId: 'claims', action: 'update', before, after, at });
      return after;
    });
  }
}
