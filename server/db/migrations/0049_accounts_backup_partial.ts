import { sql, type Kysely } from 'kysely';

const COLUMNS = ['backup_owner_id', 'name', 'id'];

/**
 * The index of accounts by backup manager holds only accounts that have one. It is read for
 * `backup_owner_id = <the manager>` alone, which no account without a backup matches; most
 * accounts have none, and an import of thousands (none backed up) wrote each into it for nothing.
 * Both databases take a partial index for an equality on its column.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('accounts_backup_owner_idx')
    .on('accounts')
    .columns(COLUMNS)
    .where(sql.ref('backup_owner_id'), 'is not', null)
    .execute();
  await db.schema.dropIndex('accounts_backup_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('accounts_backup_idx').on('accounts').columns(COLUMNS).execute();
  await db.schema.dropIndex('accounts_backup_owner_idx').execute();
}
