import { sql, type Kysely } from 'kysely';
import { dateType, notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Next steps become records of their own: an owner, a due date and done or not, so they can
 * be tracked, listed per person and flagged when late. Each one logged with an interaction
 * moves here (its owner is who logged it); the interaction keeps a link to it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await versionedTable(db, 'next_steps')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) => c.unique().references('interactions.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', notNull)
    .addColumn('due_date', dateType(db))
    .addColumn('done_at', ts)
    .addColumn('done_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // Open ones by owner and due date (a person's list, overdue first); by account likewise.
  await db.schema.createIndex('next_steps_owner_idx').on('next_steps').columns(['owner_id', 'done_at', 'due_date', 'id']).execute();
  await db.schema.createIndex('next_steps_account_idx').on('next_steps').columns(['account_id', 'done_at', 'due_date', 'id']).execute();

  const owners = await db.selectFrom('users').select('id').orderBy('created_at').limit(1).$castTo<{ id: string }>().execute();
  const fallbackOwner = owners[0]?.id ?? null;
  await sql`
    insert into next_steps (id, version, created_at, updated_at, account_id, interaction_id, owner_id, text, due_date, created_by_id)
    select id, 1, created_at, updated_at, account_id, id, coalesce(author_id, ${fallbackOwner}), next_step, next_step_due, author_id
    from interactions
    where next_step is not null and coalesce(author_id, ${fallbackOwner}) is not null`.execute(db);
  await db.schema.alterTable('interactions').dropColumn('next_step').execute();
  await db.schema.alterTable('interactions').dropColumn('next_step_due').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('interactions').addColumn('next_step', 'text').execute();
  await db.schema.alterTable('interactions').addColumn('next_step_due', dateType(db)).execute();
  await sql`
    update interactions set
      next_step = (select text from next_steps where next_steps.interaction_id = interactions.id),
      next_step_due = (select due_date from next_steps where next_steps.interaction_id = interactions.id)`.execute(db);
  await db.schema.dropTable('next_steps').execute();
}
