import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchItem, SearchResult } from '../../../common/schemas/search.js';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createClaim } from '../../test/claim-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { createDocument } from '../../test/document-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
const ids: Record<string, string> = {};

async function search(by: Caller, q: string, limit?: number): Promise<SearchResult> {
  const res = await by.get(`/api/v1/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const items = (r: SearchResult): SearchItem[] => r.groups.flatMap((g) => g.items);
const titles = async (by: Caller, q: string, kind?: string) =>
  items(await search(by, q))
    .filter((i) => !kind || i.kind === kind)
    .map((i) => i.title);
const found = async (by: Caller, q: string) => new Set(items(await search(by, q)).map((i) => i.id));

beforeAll(async () => {
  t = await createTestApp({ now: '2026-10-01T09:00:00.000Z' });
  w = await buildWorld(t);
  const owned = { ownerId: w.as.owner.user.id };
  ids.nordic = (await t.createAccount(t.admin, { name: 'Nordic Sails', ...owned })).id;
  ids.zeta = (await t.createAccount(t.admin, { name: 'Zeta', website: 'https://nord.example.com', ...owned })).id;
  t.clock.advance(60_000);
  ids.nord = (await t.createAccount(t.admin, { name: 'Nord', ...owned })).id;
  ids.nordlys = (await t.createAccount(t.admin, { name: 'Nordlys', ...owned })).id;
  ids.yolka = (await t.createAccount(t.admin, { name: 'Ёлка Медиа', ...owned })).id;
  ids.bereza = (await t.createAccount(t.admin, { name: 'БЕРЁЗА', ownerId: w.as.nonOwner.user.id })).id;
  const project = await createProject(w.as.owner, w.accountA.id, { name: 'Nord relaunch' });
  ids.project = project.id;
  ids.task = (await createTask(w.as.owner, project.id, { title: 'Nord copy', assigneeId: w.as.specialist.user.id })).id;
  ids.otherTask = (await createTask(w.as.owner, project.id, { title: 'Nord hosting' })).id;
  const projectB = await createProject(w.as.nonOwner, w.accountB.id, { name: 'Nord for Beta' });
  ids.projectB = projectB.id;
  ids.deal = (await createDeal(w.as.owner, w.accountA.id, { title: 'Nord retainer' })).id;
  ids.claim = (await createClaim(w.as.owner, w.accountA.id, { description: 'Nord banner shows the wrong price' })).id;
  ids.document = (await createDocument(w.as.owner, w.accountA.id, { title: 'Nord act for February' })).id;
  const invoice = await issuedInvoice(w.as.owner, w.accountA.id, { issueDate: '2026-10-01' });
  ids.invoice = invoice.id;
  ids.invoiceNumber = invoice.number!;
});
afterAll(() => t.close());

describe('ranking', () => {
  it('puts an exact name before a word beginning, the title before other fields, and the recent first among equals', async () => {
    const accounts = await titles(t.admin, 'nord', 'account');
    // Nord: the exact name; Nordlys and Nordic Sails: a word beginning, the later changed first; Zeta: only its website.
    expect(accounts).toEqual(['Nord', 'Nordlys', 'Nordic Sails', 'Zeta']);
  });

  it('groups records by kind, the group with the best match first', async () => {
    const r = await search(t.admin, 'nord');
    expect(r.groups[0].kind).toBe('account');
    expect(r.groups.map((g) => g.kind).sort()).toEqual(['account', 'claim', 'deal', 'document', 'project', 'task'].sort());
    const project = r.groups.find((g) => g.kind === 'project')!.items.find((i) => i.id === ids.project)!;
    expect(project).toMatchObject({ title: 'Nord relaunch', subtitle: 'Alpha Works', accountId: w.accountA.id });
  });

  it('needs every word: a second word narrows to records that have both', async () => {
    expect(await titles(t.admin, 'nord reta')).toEqual(['Nord retainer']);
    expect(await titles(t.admin, 'nord zzz')).toEqual([]);
  });

  it('limits each group', async () => {
    const r = await search(t.admin, 'nord', 1);
    expect(r.groups.every((g) => g.items.length === 1)).toBe(true);
    expect(r.groups.find((g) => g.kind === 'account')!.items[0].title).toBe('Nord');
  });

  it('finds an invoice by its number, a word of the number at a time', async () => {
    const [prefix] = ids.invoiceNumber.split(/[^\p{L}\p{N}]+/u);
    expect(items(await search(t.admin, ids.invoiceNumber)).map((i) => i.id)).toContain(ids.invoice);
    expect(items(await search(t.admin, prefix.toLowerCase())).map((i) => i.id)).toContain(ids.invoice);
  });
});

describe('folding', () => {
  it('folds case and ё to е both ways, in Cyrillic and Latin', async () => {
    expect(await titles(t.admin, 'елк')).toEqual(['Ёлка Медиа']);
    expect(await titles(t.admin, 'ЁЛКА')).toEqual(['Ёлка Медиа']);
    expect(await titles(t.admin, 'березa'.slice(0, 5))).toEqual(['БЕРЁЗА']);
    expect(await titles(t.admin, 'медиа')).toEqual(['Ёлка Медиа']);
    expect(await titles(t.admin, 'NORDI')).toEqual(['Nordic Sails']);
  });

  it('matches beginnings of words only, not their middles', async () => {
    expect(await titles(t.admin, 'едиа')).toEqual([]);
    expect(await titles(t.admin, 'ordic')).toEqual([]);
  });

  it('answers a query of punctuation alone with no records, and refuses one too long', async () => {
    expect(await search(t.admin, '--- !!')).toMatchObject({ groups: [] });
    expectProblem(await t.admin.get(`/api/v1/search?q=${'a'.repeat(201)}`), 400, 'q');
  });
});

describe('access', () => {
  it('a manager finds the records of the accounts they own or back up, never another manager’s', async () => {
    const owner = await found(w.as.owner, 'nord');
    expect(owner).toContain(ids.project);
    expect(owner).toContain(ids.deal);
    expect(owner).not.toContain(ids.projectB);
    const other = await found(w.as.nonOwner, 'nord');
    expect(other).toEqual(new Set([ids.projectB]));
    expect(await titles(w.as.nonOwner, 'берез')).toEqual(['БЕРЁЗА']);
    expect(await titles(w.as.owner, 'берез')).toEqual([]);
    expect(await found(w.as.backup, 'nord')).toEqual(new Set([ids.project, ids.task, ids.otherTask, ids.deal, ids.claim, ids.document]));
  });

  it('a specialist finds only their own tasks and those tasks’ projects', async () => {
    expect(await found(w.as.specialist, 'nord')).toEqual(new Set([ids.task, ids.project]));
    expect(await found(w.as.specialist, 'alpha')).toEqual(new Set());
  });

  it('a client finds only their own company, and none of its internal records', async () => {
    const a = items(await search(w.as.clientA, 'nord'));
    // The project is theirs to see; tasks, deals, claims and the draft act are internal.
    expect(a.map((i) => i.id)).toEqual([ids.project]);
    expect(await titles(w.as.clientA, 'alpha')).toEqual(['Alpha Works']);
    expect(await titles(w.as.clientA, 'beta')).toEqual([]);
    expect(await found(w.as.clientB, 'nord')).toEqual(new Set([ids.projectB]));
  });

  it('finance reads every account’s records', async () => {
    expect(await found(w.as.finance, 'берез')).toEqual(new Set([ids.bereza]));
    expect(await found(w.as.finance, 'nord')).toContain(ids.projectB);
  });
});

describe('keeping up with changes', () => {
  it('finds a renamed account by its new name and no longer by its old one', async () => {
    const account = await t.createAccount(t.admin, { name: 'Orchid Labs' });
    expect(await titles(t.admin, 'orch')).toEqual(['Orchid Labs']);
    const res = await t.admin.patch(`/api/v1/accounts/${account.id}`, { name: 'Peony Labs' }, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await titles(t.admin, 'orch')).toEqual([]);
    expect(await titles(t.admin, 'peon')).toEqual(['Peony Labs']);
    // The stale words left the index too, not just the answer.
    const stale = await t.database.db.selectFrom('search_terms').select('term').where('record_id', '=', account.id).execute();
    expect(stale.map((s) => s.term).sort()).toEqual(['labs', 'peony']);
  });

  it('forgets a deleted account', async () => {
    const account = await t.createAccount(t.admin, { name: 'Quince Ltd' });
    expect(await titles(t.admin, 'quin')).toEqual(['Quince Ltd']);
    const res = await t.admin.delete(`/api/v1/accounts/${account.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await titles(t.admin, 'quin')).toEqual([]);
    const left = await t.database.db.selectFrom('search_terms').select('term').where('record_id', '=', account.id).execute();
    expect(left).toEqual([]);
  });
  it('writes a record’s words in the transaction of the change, before anyone searches', async () => {
    const account = await t.createAccount(t.admin, { name: 'Saffron Ёж' });
    const words = await t.database.db.selectFrom('search_terms').select('term').where('record_id', '=', account.id).execute();
    expect(words.map((w) => w.term).sort()).toEqual(['saffron', 'еж']);
  });

  it('forgets records deleted along with their account', async () => {
    const account = await t.createAccount(t.admin, { name: 'Umber Trading' });
    const contact = await t.createContact(t.admin, account.id, 'Umberto');
    expect(await titles(t.admin, 'umbert')).toEqual(['Umberto']);
    expect((await t.admin.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    expect(await titles(t.admin, 'umbert')).toEqual([]);
    const left = await t.database.db.selectFrom('search_records').select('record_id').where('record_id', '=', contact.id).execute();
    expect(left).toEqual([]);
  });

  it('catches up on rows written without an audit entry (as an import writes them) in its job', async () => {
    const account = await t.createAccount(t.admin, { name: 'Vermilion Co' });
    t.clock.advance(60_000);
    await t.database.db
      .updateTable('accounts')
      .set({ name: 'Viridian Co', version: 2, updated_at: t.clock.now().toISOString() })
      .where('id', '=', account.id)
      .execute();
    expect(await titles(t.admin, 'virid')).toEqual([]);
    const outcome = await t.app.services.jobs.run('search.catch_up', 'now');
    expect(outcome.status).toBe('done');
    expect(await titles(t.admin, 'virid')).toEqual(['Viridian Co']);
    expect(await titles(t.admin, 'vermil')).toEqual([]);
  });
});

describe('an empty query', () => {
  it('answers the records the caller changed lately, latest first, within their access', async () => {
    const res = await w.as.owner.patch(`/api/v1/accounts/${w.accountA.id}`, { industry: 'Retail' }, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    const r = await search(w.as.owner, '');
    expect(r.groups).toEqual([]);
    expect(r.recent[0]).toMatchObject({ kind: 'account', id: w.accountA.id, title: 'Alpha Works' });
    const recentIds = r.recent.map((i) => i.id);
    expect(recentIds).toContain(ids.deal);
    expect(new Set(recentIds).size).toBe(recentIds.length);
    // Changes the caller did not make are not theirs to be reminded of.
    expect(recentIds).not.toContain(ids.nord);
  });

  it('never offers a record the caller can no longer read', async () => {
    const r = await search(w.as.nonOwner, '');
    expect(r.recent.map((i) => i.id)).not.toContain(w.accountA.id);
  });
});
