import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Language } from '../../../common/enums.js';
import type {
  CatalogDefaults,
  LocalizedText,
  Service,
  ServiceCreateSchema,
  ServiceListQuery,
  ServiceUpdateSchema,
} from '../../../common/schemas/service.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { foldText, searchText } from '../../lib/text.js';
import { assertCanAddService, assertCanChangeService, assertCanListServices, assertCanReadService, type Actor } from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { RoleSettingsService } from '../tasks/index.js';
import { checkTemplate, newCheck, priceRows, templateRows } from './catalog.input.js';
import { presentEntry, presentService, type CatalogEntry } from './catalog.presenter.js';
import { CatalogRepository, type ServiceRow } from './catalog.repository.js';
import { localized, textIn, toColumns } from './catalog.texts.js';

type NewService = z.output<typeof ServiceCreateSchema>;
type ServiceChanges = z.output<typeof ServiceUpdateSchema>;

/** What the catalog needs of the installation: the agency's language and default currency. */
export interface CatalogOptions {
  defaultLanguage: Language;
  defaultCurrency: string;
}

/**
 * The service catalog: staff read it, admins change it. Every change runs in one transaction
 * with its audit entry; prices and the template are replaced as a whole when given.
 */
export class CatalogService {
  private readonly repo: CatalogRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly roles: RoleSettingsService,
    private readonly opts: CatalogOptions,
  ) {
    this.repo = new CatalogRepository(db);
  }

  /** The agency's language and currency, and the roles template tasks may name. */
  async defaults(actor: Actor): Promise<CatalogDefaults> {
    assertCanListServices(actor);
    const { specialistRoles } = await this.roles.load();
    return { language: this.opts.defaultLanguage, currency: this.opts.defaultCurrency, specialistRoles };
  }

  async list(actor: Actor, query: ServiceListQuery) {
    assertCanListServices(actor);
    const page = await this.repo.list(query);
    return { items: await this.present(this.db, actor, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Service> {
    assertCanReadService(actor);
    return this.presentOne(this.db, actor, await this.found(this.db, id));
  }

  /**
   * Services by id with their prices and templates, in the order asked (ids not found left out),
   * for other modules: proposals price their lines from them, projects are planned from their
   * templates. Four queries whatever the number. The caller has checked its own access.
   */
  async servicesByIds(ids: readonly string[], trx: Kysely<DB> = this.db): Promise<CatalogEntry[]> {
    const unique = [...new Set(ids)];
    const rows = new Map((await this.repo.findByIds(unique, trx)).map((r) => [r.id, r]));
    const parts = await this.repo.partsOf([...rows.keys()], trx);
    return unique.flatMap((id) => {
      const row = rows.get(id);
      return row ? [presentEntry(row, parts.get(id)!)] : [];
    });
  }

  async create(actor: Actor, input: NewService): Promise<Service> {
    assertCanAddService(actor);
    return this.db.transaction().execute(async (t) => {
      const name = localized(input.name);
      const template = input.template ?? { milestones: [], tasks: [] };
      const check = newCheck(this.opts.defaultLanguage);
      check.requireText('name', name, 'service.name_required');
      checkTemplate(check, template, (await this.roles.load(t)).specialistRoles);
      check.throwIfAny();
      const now = this.clock.now().toISOString();
      const id = newId();
      await this.repo.insert(t, {
        id,
        ...toColumns('name', name),
        ...toColumns('description', localized(input.description)),
        ...this.searchColumns(name),
        work_kind: input.workKind,
        unit: input.unit,
        created_at: now,
        updated_at: now,
      });
      await this.repo.replaceParts(t, id, { prices: priceRows(input.prices), ...templateRows(template) });
      const service = await this.presentOne(t, actor, await this.found(t, id));
      await recordAudit(t, { actorId: actor.id, recordType: 'service', recordId: id, action: 'create', after: service, at: now });
      return service;
    });
  }

  async update(actor: Actor, id: string, changes: ServiceChanges, expected?: number): Promise<Service> {
    assertCanChangeService(actor);
    return this.db.transaction().execute(async (t) => {
      const row = await this.found(t, id);
      const before = await this.presentOne(t, actor, row);
      // A language left out of a text keeps what it had; a blank one clears it.
      const name = changes.name ? merge(before.name, changes.name) : undefined;
      const description = changes.description ? merge(before.description, changes.description) : undefined;
      const check = newCheck(this.opts.defaultLanguage);
      if (name) check.requireText('name', name, 'service.name_required');
      if (changes.template) checkTemplate(check, changes.template, (await this.roles.load(t)).specialistRoles);
      check.throwIfAny();
      await this.repo.replaceParts(t, id, {
        prices: changes.prices && priceRows(changes.prices),
        ...(changes.template ? templateRows(changes.template) : {}),
      });
      const now = this.clock.now().toISOString();
      return updateVersioned(t, {
        table: 'services',
        id,
        version: expected ?? row.version,
        set: {
          ...(name ? { ...toColumns('name', name), ...this.searchColumns(name) } : {}),
          ...(description ? toColumns('description', description) : {}),
          work_kind: changes.workKind,
          unit: changes.unit,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'service', before, at: now },
        after: async () => this.presentOne(t, actor, await this.found(t, id)),
      });
    });
  }

  /** Takes the service out of the catalog (`active` false) or puts it back; what already uses it keeps it. */
  async setActive(actor: Actor, id: string, active: boolean, expected?: number): Promise<Service> {
    assertCanChangeService(actor);
    return this.db.transaction().execute(async (t) => {
      const row = await this.found(t, id);
      if (Boolean(row.active) === active) throw conflict(active ? 'service.already_active' : 'service.already_inactive');
      const now = this.clock.now().toISOString();
      return updateVersioned(t, {
        table: 'services',
        id,
        version: expected ?? row.version,
        set: { active: active ? 1 : 0, updated_at: now },
        audit: { actorId: actor.id, recordType: 'service', before: await this.presentOne(t, actor, row), at: now },
        after: async () => this.presentOne(t, actor, await this.found(t, id)),
      });
    });
  }

  private async found(trx: Kysely<DB>, id: string): Promise<ServiceRow> {
    const row = await this.repo.findById(id, trx);
    if (!row) throw notFound('service');
    return row;
  }

  private async presentOne(trx: Kysely<DB>, actor: Actor, row: ServiceRow): Promise<Service> {
    return (await this.present(trx, actor, [row]))[0];
  }

  /** A page of services with their parts: three queries for the whole page. */
  private async present(trx: Kysely<DB>, actor: Actor, rows: ServiceRow[]): Promise<Service[]> {
    const parts = await this.repo.partsOf(
      rows.map((r) => r.id),
      trx,
    );
    return rows.map((r) => presentService(r, parts.get(r.id)!, actor));
  }

  /** The list sorts by the name in the agency's language and finds a service by its name in any. */
  private searchColumns(name: LocalizedText) {
    return { sort_name: foldText(textIn(name, this.opts.defaultLanguage) ?? ''), search_text: searchText(name.en, name.ru) };
  }
}

const merge = (current: LocalizedText, given: Partial<Record<Language, string | null | undefined>>): LocalizedText => ({
  en: given.en !== undefined ? given.en : current.en,
  ru: given.ru !== undefined ? given.ru : current.ru,
});
