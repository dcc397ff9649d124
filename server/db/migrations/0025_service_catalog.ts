import type { Kysely } from 'kysely';
import { notNull, versionedTable } from './helpers.js';

/**
 * The service catalog: what the agency sells, with its price in each currency and the delivery
 * template (milestones and tasks by role) a project started from it follows. Texts are kept in
 * each language (null where not written); prices, milestones and tasks belong to their service.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await versionedTable(db, 'services')
    .addColumn('name_en', 'text')
    .addColumn('name_ru', 'text')
    .addColumn('description_en', 'text')
    .addColumn('description_ru', 'text')
    // Lower-cased name in the agency's language (the other when blank): the list's order and its keyset.
    .addColumn('sort_name', 'text', notNull)
    .addColumn('search_text', 'text', notNull)
    .addColumn('work_kind', 'text', notNull)
    .addColumn('unit', 'text', notNull)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('services_active_sort').on('services').columns(['active', 'sort_name', 'id']).execute();
  await db.schema.createIndex('services_sort').on('services').columns(['sort_name', 'id']).execute();

  await db.schema
    .createTable('service_prices')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('amount_minor', 'bigint', notNull)
    .addPrimaryKeyConstraint('service_prices_pk', ['service_id', 'currency'])
    .execute();

  await db.schema
    .createTable('service_milestones')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('key', 'text', notNull)
    .addColumn('position', 'integer', notNull)
    .addColumn('title_en', 'text')
    .addColumn('title_ru', 'text')
    .addColumn('offset_days', 'integer', notNull)
    .addPrimaryKeyConstraint('service_milestones_pk', ['service_id', 'key'])
    .execute();

  await db.schema
    .createTable('service_tasks')
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('title_en', 'text')
    .addColumn('title_ru', 'text')
    .addColumn('role', 'text', notNull)
    .addColumn('hours', 'real', notNull)
    .addColumn('milestone_key', 'text')
    .addPrimaryKeyConstraint('service_tasks_pk', ['service_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_tasks').execute();
  await db.schema.dropTable('service_milestones').execute();
  await db.schema.dropTable('service_prices').execute();
  await db.schema.dropTable('services').execute();
}
