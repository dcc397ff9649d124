import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../common/schemas/search.js';
import { composeServices } from '../../composition.js';
import * as searchAccounts from '../../db/migrations/0048_search_accounts.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { createProject } from '../../test/delivery-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

// Each word carries its record's account (migration 0048), and a manager's search checks that
// account; words written before are checked record by record until the search job rewrites them.
let t: TestApp;
let w: World;
const ids: Record<string, string> = {};

async function found(by: Caller, q: string): Promise<Set<string>> {
  const res = await by.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return new Set(res.json<SearchResult>().groups.flatMap((g) => g.items.map((i) => i.id)));
}
const unplaced = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('search_terms')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('account_id', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
/** The owners the words of an account's records name. */
const wordOwners = (accountId: string) =>
  t.database.db.selectFrom('search_terms').select(['owner_id', 'backup_owner_id']).distinct().where('account_id', '=', accountId).execute();

beforeAll(async () => {
  t = await createTestApp({ now: '2026-10-01T09:00:00.000Z' });
  w = await buildWorld(t);
  ids.project = (await createProject(w.as.owner, w.accountA.id, { name: 'Lumen relaunch' })).id;
  ids.deal = (await createDeal(w.as.owner, w.accountA.id, { title: 'Lumen retainer' })).id;
  ids.projectB = (await createProject(w.as.nonOwner, w.accountB.id, { name: 'Lumen for Beta' })).id;
  ids.contact = (await t.createContact(t.admin, w.accountA.id, 'Lumina')).id;
});
afterAll(() => t.close());

describe('words and their accounts', () => {
  it('are written together, and a manager finds by them the records of the accounts they own or back up', async () => {
    expect(await unplaced()).toBe(0);
    const words = await t.database.db.selectFrom('search_terms').select(['record_id', 'account_id']).where('term', '=', 'lumen').execute();
    expect(new Map(words.map((r) => [r.record_id, r.account_id]))).toEqual(
      new Map([
        [ids.project, w.accountA.id],
        [ids.deal, w.accountA.id],
        [ids.projectB, w.accountB.id],
      ]),
    );
    expect(await found(w.as.owner, 'lum')).toEqual(new Set([ids.project, ids.deal, ids.contact]));
    expect(await found(w.as.backup, 'lumen')).toEqual(new Set([ids.project, ids.deal]));
    expect(await found(w.as.nonOwner, 'lum')).toEqual(new Set([ids.projectB]));
  });

  it('written before they carried an account are found record by record, until the search job gives them theirs', async () => {
    // The schema before 0048 and up again: every word without its account, the cursors reset.
    await searchAccounts.down(t.database.db);
    await searchAccounts.up(t.database.db);
    expect(await unplaced()).toBeGreaterThan(0);
    // As an instance started on the migrated database finds them (it knows of no earlier search).
    const { globalSearch } = composeServices(t.database.db, t.clock);
    const searchAs = async (c: Caller, q: string) => {
      const r = await globalSearch.search({ id: c.user.id, role: c.user.role, accountId: null }, { q, limit: 5 });
      return new Set(r.groups.flatMap((g) => g.items.map((i) => i.id)));
    };
    expect(await searchAs(w.as.owner, 'lum')).toEqual(new Set([ids.project, ids.deal, ids.contact]));
    expect(await searchAs(w.as.nonOwner, 'lum')).toEqual(new Set([ids.projectB]));

    await globalSearch.catchUp();
    expect(await unplaced()).toBe(0);
    expect(await searchAs(w.as.owner, 'lum')).toEqual(new Set([ids.project, ids.deal, ids.contact]));
    expect(await searchAs(w.as.nonOwner, 'lum')).toEqual(new Set([ids.projectB]));
  });

  it('are read against who manages the account now: a handed-over account’s records move with it', async () => {
    const res = await t.admin.patch(
      `/api/v1/accounts/${w.accountB.id}`,
      { ownerId: w.as.owner.user.id },
      { 'if-match': `"${w.accountB.version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await found(w.as.owner, 'lumen')).toEqual(new Set([ids.project, ids.deal, ids.projectB]));
    expect(await found(w.as.nonOwner, 'lumen')).toEqual(new Set());
    // The words of every record on the account took its new owners, in the change's transaction.
    expect(await wordOwners(w.accountB.id)).toEqual([{ owner_id: w.as.owner.user.id, backup_owner_id: null }]);

    const backup = await t.admin.patch(
      `/api/v1/accounts/${w.accountB.id}`,
      { backupOwnerId: w.as.nonOwner.user.id },
      { 'if-match': `"${res.json<{ version: number }>().version}"` },
    );
    expect(backup.statusCode, backup.body).toBe(200);
    expect(await found(w.as.nonOwner, 'lumen')).toEqual(new Set([ids.projectB]));
  });

  it('move with a handover made while a record’s words are being rewritten in another transaction', async () => {
    const account = await t.database.db.selectFrom('accounts').select('version').where('id', '=', w.accountB.id).executeTakeFirstOrThrow();
    const { globalSearch } = composeServices(t.database.db, t.clock);
    let handover: ReturnType<Caller['patch']> | undefined;
    await t.database.db.transaction().execute(async (trx) => {
      // The job rewrites the project's words with its account's owners as this transaction reads them…
      await globalSearch.written(trx, {
        actorId: null,
        recordType: 'project',
        recordId: ids.projectB,
        action: 'update',
        at: t.clock.now().toISOString(),
      });
      // …while the account is handed back to its first manager, before those words are committed.
      handover = t.admin.patch(
        `/api/v1/accounts/${w.accountB.id}`,
        { ownerId: w.as.nonOwner.user.id, backupOwnerId: null },
        { 'if-match': `"${account.version}"` },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const res = await handover!;
    expect(res.statusCode, res.body).toBe(200);
    expect(await wordOwners(w.accountB.id)).toEqual([{ owner_id: w.as.nonOwner.user.id, backup_owner_id: null }]);
    expect(await found(w.as.owner, 'lumen')).toEqual(new Set([ids.project, ids.deal]));
    expect(await found(w.as.nonOwner, 'lumen')).toEqual(new Set([ids.projectB]));
  });
});
