import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Proposals: offers on a deal, each kept as numbered versions (a sent version is frozen; a change
 * after sending starts the next one), their priced lines, and the links that let the client read
 * and decide without signing in (only each token's SHA-256 is stored).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await versionedTable(db, 'proposals')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('currency', 'text', notNull)
    .addColumn('status', 'text', notNull)
    // The validity the client holds: the sent version's, or the draft's before the first send.
    .addColumn('valid_until', dateType(db), notNull)
    .addColumn('latest_version', 'integer', notNull)
    .addColumn('sent_version', 'integer')
    .addColumn('decided_at', ts)
    .addColumn('decided_by_name', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('project_id', 'text')
    .addColumn('created_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // A deal's proposals and an account's, newest first; the expired filter reads status and validity.
  await db.schema.createIndex('proposals_deal_idx').on('proposals').columns(['deal_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('proposals_account_idx').on('proposals').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('proposals_status_idx').on('proposals').columns(['status', 'valid_until']).execute();
  await db.schema.createIndex('proposals_created_idx').on('proposals').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('proposal_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('number', 'integer', notNull)
    .addColumn('valid_until', dateType(db), notNull)
    .addColumn('subtotal_minor', 'bigint', notNull)
    .addColumn('discount_minor', 'bigint', notNull)
    .addColumn('total_minor', 'bigint', notNull)
    .addColumn('notes', 'text')
    .addColumn('document_id', 'text')
    .addColumn('document_number', 'text')
    .addColumn('sent_at', ts)
    .addColumn('sent_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('viewed_at', ts)
    .addColumn('created_at', ts, notNull)
    .addUniqueConstraint('proposal_versions_number_uq', ['proposal_id', 'number'])
    .execute();

  await db.schema
    .createTable('proposal_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('proposal_versions.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    // 'item' (from the catalog or free) or 'loyalty' (the account's discount, computed on the subtotal).
    .addColumn('kind', 'text', notNull)
    .addColumn('service_id', 'text')
    .addColumn('description', 'text', notNull)
    .addColumn('quantity_milli', 'bigint', notNull)
    .addColumn('unit_price_minor', 'bigint', notNull)
    .addColumn('discount_basis_points', 'integer', notNull)
    .addColumn('gross_minor', 'bigint', notNull)
    .addColumn('discount_minor', 'bigint', notNull)
    .addColumn('total_minor', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('proposal_lines_version_idx').on('proposal_lines').columns(['version_id', 'position']).execute();

  await db.schema
    .createTable('proposal_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', notNull)
    .addColumn('created_at', ts, notNull)
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('proposal_links_proposal_idx').on('proposal_links').columns(['proposal_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proposal_links').execute();
  await db.schema.dropTable('proposal_lines').execute();
  await db.schema.dropTable('proposal_versions').execute();
  await db.schema.dropTable('proposals').execute();
}
