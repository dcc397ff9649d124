import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ServiceListQuery } from '../../../common/schemas/service.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ServiceMilestonesTable, ServicePricesTable, ServicesTable, ServiceTasksTable } from '../../db/tables/catalog.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { likePattern, matchesPattern } from '../../lib/text.js';

export type ServiceRow = Selectable<ServicesTable>;
export type PriceRow = Selectable<ServicePricesTable>;
export type MilestoneRow = Selectable<ServiceMilestonesTable>;
export type TaskRow = Selectable<ServiceTasksTable>;

/** A service's prices and delivery template, each in order. */
export interface ServiceParts {
  prices: PriceRow[];
  milestones: MilestoneRow[];
  tasks: TaskRow[];
}

/** Prices, milestones and tasks as rows to write, without their service id. */
export type NewParts = {
  prices?: Omit<Insertable<ServicePricesTable>, 'service_id'>[];
  milestones?: Omit<Insertable<ServiceMilestonesTable>, 'service_id'>[];
  tasks?: Omit<Insertable<ServiceTasksTable>, 'service_id'>[];
};

const PART_TABLES = { prices: 'service_prices', milestones: 'service_milestones', tasks: 'service_tasks' } as const;

/** The catalog's tables: services and, per service, its prices, milestones and tasks. */
export class CatalogRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, trx: Kysely<DB> = this.db): Promise<ServiceRow | undefined> {
    return trx.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: readonly string[], trx: Kysely<DB> = this.db): Promise<ServiceRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return trx.selectFrom('services').selectAll().where('id', 'in', ids).execute();
  }

  /** One page of services by name (in the agency's language), filtered. */
  async list(f: ServiceListQuery) {
    const pos = decodeCursor(f.cursor, 'text');
    let q = this.db
      .selectFrom('services')
      .selectAll()
      .orderBy('sort_name')
      .orderBy('id')
      .limit(f.limit + 1);
    if (f.active) q = q.where('active', '=', f.active === 'true' ? 1 : 0);
    if (f.workKind) q = q.where('work_kind', '=', f.workKind);
    if (f.q) q = q.where(matchesPattern('search_text', likePattern(f.q)));
    if (pos) q = q.where((eb) => afterCursor(eb, 'sort_name', 'id', 'asc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.sort_name, id: r.id }));
  }

  /** The prices and templates of many services: three queries, whatever their number. */
  async partsOf(ids: readonly string[], trx: Kysely<DB> = this.db): Promise<Map<string, ServiceParts>> {
    const parts = new Map<string, ServiceParts>(ids.map((id) => [id, { prices: [], milestones: [], tasks: [] }]));
    if (ids.length === 0) return parts;
    const [prices, milestones, tasks] = await Promise.all([
      trx.selectFrom('service_prices').selectAll().where('service_id', 'in', ids).orderBy('service_id').orderBy('position').execute(),
      trx.selectFrom('service_milestones').selectAll().where('service_id', 'in', ids).orderBy('service_id').orderBy('position').execute(),
      trx.selectFrom('service_tasks').selectAll().where('service_id', 'in', ids).orderBy('service_id').orderBy('position').execute(),
    ]);
    for (const p of prices) parts.get(p.service_id)?.prices.push(p);
    for (const m of milestones) parts.get(m.service_id)?.milestones.push(m);
    for (const t of tasks) parts.get(t.service_id)?.tasks.push(t);
    return parts;
  }

  async insert(trx: Kysely<DB>, row: Insertable<ServicesTable>): Promise<void> {
    await trx.insertInto('services').values(row).execute();
  }

  /** Replaces each list of parts given (prices, milestones, tasks) with the new one; lists not given stay. */
  async replaceParts(trx: Kysely<DB>, serviceId: string, parts: NewParts): Promise<void> {
    for (const key of ['prices', 'milestones', 'tasks'] as const) {
      const rows = parts[key];
      if (!rows) continue;
      const table = PART_TABLES[key];
      await trx.deleteFrom(table).where('service_id', '=', serviceId).execute();
      if (rows.length) {
        await trx
          .insertInto(table)
          .values(rows.map((r) => ({ ...r, service_id: serviceId })))
          .execute();
      }
    }
  }
}
