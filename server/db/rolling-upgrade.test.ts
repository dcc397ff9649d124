import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { KNOWN_MIGRATIONS, SchemaTooNewError, migrateToLatest } from './migrations/index.js';

// A rolling upgrade: the first instance of a newer release migrates the database while this
// release's instances still serve. Additive migrations (new tables, nullable columns, indexes)
// leave them working until they are replaced; only a fresh start of this release is refused.
const FUTURE = '9999_additive_future';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** What a newer release's additive migration does, and its record in the history. */
async function migrateAsNewerRelease(db: Kysely<any>) {
  await db.schema
    .createTable('future_things')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .execute();
  await db.schema.alterTable('accounts').addColumn('future_note', 'text').execute();
  await db.schema
    .alterTable('contacts')
    .addColumn('future_flag', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('accounts_future_idx').on('accounts').columns(['future_note', 'id']).execute();
  await db.insertInto('kysely_migration').values({ name: FUTURE, timestamp: new Date().toISOString() }).execute();
}

describe('an instance running while a newer release migrates the database', () => {
  it('keeps reading and writing, says which schema the database has now, and only refuses to start again', async () => {
    const before = await t.createAccount(t.admin, { name: 'Before the upgrade' });
    await t.createContact(t.admin, before.id, 'Vera');
    expect((await t.app.inject({ url: '/api/v1/version' })).json().schema.current).toBe(KNOWN_MIGRATIONS.at(-1));

    await migrateAsNewerRelease(t.database.db);

    const list = await t.admin.get(`/api/v1/accounts?q=${encodeURIComponent('Before the upgrade')}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([before.id]);
    const changed = await t.admin.patch(`/api/v1/accounts/${before.id}`, { industry: 'Travel' }, { 'if-match': `"${before.version}"` });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await t.createAccount(t.admin, { name: 'After the upgrade' });
    const contact = await t.createContact(t.admin, after.id, 'Oleg');
    expect((await t.admin.get(`/api/v1/contacts/${contact.id}`)).json()).toMatchObject({ firstName: 'Oleg', accountId: after.id });
    expect((await t.admin.get(`/api/v1/accounts/${before.id}`)).json()).toMatchObject({ industry: 'Travel' });
    expect((await t.signIn('account_manager')).user.role).toBe('account_manager');

    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    t.clock.advance(60_000); // the version is read again every few seconds
    expect((await t.app.inject({ url: '/api/v1/version' })).json().schema).toEqual({ current: FUTURE, latest: KNOWN_MIGRATIONS.at(-1) });

    await expect(migrateToLatest(t.database.db)).rejects.toBeInstanceOf(SchemaTooNewError);
  });
});
