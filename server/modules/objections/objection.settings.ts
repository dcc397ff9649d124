import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ObjectionSettingsSchema, type ObjectionCategory, type ObjectionSettings } from '../../../common/schemas/objection.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError } from '../../lib/errors.js';
import { assertAdmin, assertSeesInternal, type Actor } from '../access/index.js';
import { recordAudit, type AuditFields } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';
import type { ObjectionRepository } from './objection.repository.js';

const CATEGORIES_KEY = 'sales.objection_categories';
const PINS_KEY = 'sales.objection_pins';

const name = (en: string, ru: string) => ({ en, ru });

/** The categories until an admin changes them. */
export const DEFAULT_OBJECTION_SETTINGS: ObjectionSettings = {
  categories: [
    { key: 'price', name: name('Price', 'Цена') },
    { key: 'timing', name: name('Timing', 'Сроки') },
    { key: 'scope', name: name('Scope', 'Объём работ') },
    { key: 'competitor', name: name('Competitor', 'Конкурент') },
    { key: 'trust', name: name('Trust', 'Доверие') },
    { key: 'need', name: name('Need', 'Потребность') },
    { key: 'authority', name: name('Authority', 'Полномочия') },
    { key: 'other', name: name('Other', 'Другое') },
  ],
};

/** The answer an admin recommends for a category, by category key. */
const PinsSchema = z.record(z.string(), z.object({ response: z.string(), pinnedById: z.string(), pinnedAt: z.string() }));
export type Pins = z.infer<typeof PinsSchema>;

/** The categories objections are sorted into (staff who see deals read them, admins change them) and the pinned answers. */
export class ObjectionSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly repo: ObjectionRepository,
  ) {}

  load(trx?: Kysely<DB>): Promise<ObjectionSettings> {
    return this.settings.get(CATEGORIES_KEY, ObjectionSettingsSchema, DEFAULT_OBJECTION_SETTINGS, trx);
  }

  /** The configured category with this key, or a 400 on `field` naming the allowed ones. */
  async category(key: string, trx?: Kysely<DB>, field = 'category'): Promise<ObjectionCategory> {
    const { categories } = await this.load(trx);
    const found = categories.find((c) => c.key === key);
    if (!found) throw fieldError(field, 'objection.unknown_category', { allowed: categories.map((c) => c.key).join(', ') });
    return found;
  }

  async get(actor: Actor): Promise<ObjectionSettings> {
    assertSeesInternal(actor);
    return this.load();
  }

  /** Replaces the categories; a key objections use stays (its names may change). */
  async update(actor: Actor, value: ObjectionSettings): Promise<ObjectionSettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      const kept = new Set(value.categories.map((c) => c.key));
      const removed = before.categories.map((c) => c.key).filter((k) => !kept.has(k));
      const used = await this.repo.categoriesUsed(t, removed);
      if (used.length) throw fieldError('categories', 'objection.category_in_use', { keys: used.join(', ') });
      await this.settings.set(CATEGORIES_KEY, value, t);
      const after = await this.load(t);
      await this.audit(t, actor, 'objections', before, after);
      return after;
    });
  }

  pins(trx?: Kysely<DB>): Promise<Pins> {
    return this.settings.get(PINS_KEY, PinsSchema, {}, trx);
  }

  /** Pins (or, with null, unpins) the recommended answer of a category (admins). */
  async pin(actor: Actor, category: string, response: string | null): Promise<void> {
    assertAdmin(actor);
    await this.db.transaction().execute(async (t) => {
      await this.category(category, t);
      const before = await this.pins(t);
      const { [category]: _old, ...others } = before;
      const now = this.clock.now().toISOString();
      const after = response === null ? others : { ...others, [category]: { response, pinnedById: actor.id, pinnedAt: now } };
      await this.settings.set(PINS_KEY, after, t);
      await this.audit(t, actor, 'objection_pins', before, after);
    });
  }

  private async audit(t: Kysely<DB>, actor: Actor, recordId: string, before: AuditFields, after: AuditFields) {
    await recordAudit(t, {
      actorId: actor.id,
      recordType: 'settings',
      recordId,
      action: 'update',
      before,
      after,
      at: this.clock.now().toISOString(),
    });
  }
}
