import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../common/schemas/import.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { commitImport, googleSheetsCsv, uploadImport } from '../../test/import-fixtures.js';
import { storeFile } from './import.file.js';
import { IMPORT_JOB } from './index.js';

// Committing, duplicates, undo, resuming, bad files and access; each file format is in imports.formats.test.ts.
let t: TestApp;
let manager: Caller;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
});
afterAll(() => t.close());

const db = () => t.database.db;
const commit = (by: Caller, id: string) => commitImport(t, by, id);

describe('duplicates and undo', () => {
  it('updates matching contacts, creates the rest, and undo restores exactly what was there', async () => {
    const account = await t.createAccount(manager, { name: 'Undo Inc' });
    const kept = await t.createContact(manager, account.id, 'Keeper');
    const before = await db().selectFrom('contacts').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow();
    const file = googleSheetsCsv([
      ['First name', 'Email', 'Phone', 'Position', 'Account'],
      ['Keeper', 'KEEPER@client.test', '+1 555 0100', 'CEO', 'Undo Inc'],
      ['Newbie', 'newbie@client.test', '', '', 'Undo Inc'],
    ]);
    const res = await uploadImport(manager, 'contacts', { name: 'people.csv', bytes: file }, { duplicatePolicy: 'update' });
    const preview: ImportPreview = res.json();
    expect(preview.counts.duplicates).toBe(1);
    expect(preview.rows.map((r) => r.duplicate)).toEqual([true, false]);
    const done = await commit(manager, preview.id);
    expect(done.progress).toMatchObject({ created: 1, updated: 1 });
    const changed = await db().selectFrom('contacts').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow();
    expect(changed).toMatchObject({ phone: '+1 555 0100', position: 'CEO', version: before.version + 1 });

    const undo = await manager.post(`/api/v1/imports/${preview.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().status).toBe('undone');
    const restored = await db().selectFrom('contacts').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow();
    expect({ ...restored, version: 0 }).toEqual({ ...before, version: 0 });
    expect(await db().selectFrom('contacts').select('id').where('email', '=', 'newbie@client.test').execute()).toEqual([]);
    expect((await manager.post(`/api/v1/imports/${preview.id}/undo`)).statusCode).toBe(409);
  });

  it('skips duplicates under the skip policy and refuses undo once a record changed since', async () => {
    const account = await t.createAccount(manager, { name: 'Skip Inc' });
    await t.createContact(manager, account.id, 'Existing');
    const file = googleSheetsCsv([
      ['First name', 'Email', 'Account'],
      ['Existing', 'existing@client.test', 'Skip Inc'],
      ['Fresh', 'fresh@client.test', 'Skip Inc'],
    ]);
    const preview: ImportPreview = (await uploadImport(manager, 'contacts', { name: 'p.csv', bytes: file })).json();
    const done = await commit(manager, preview.id);
    expect(done.progress).toMatchObject({ created: 1, skipped: 1 });
    const fresh = await db().selectFrom('contacts').selectAll().where('email', '=', 'fresh@client.test').executeTakeFirstOrThrow();
    expect((await manager.patch(`/api/v1/contacts/${fresh.id}`, { position: 'Changed' })).statusCode).toBe(200);
    const undo = await manager.post(`/api/v1/imports/${preview.id}/undo`);
    expect(undo.statusCode).toBe(409);
    expect(undo.json().code).toBe('import.changed_since');
    expect(await db().selectFrom('contacts').select('id').where('id', '=', fresh.id).execute()).toHaveLength(1);
  });

  it('removes accounts it created together with the contacts it put on them', async () => {
    const file = googleSheetsCsv([
      ['Company', 'Website'],
      ['Gone Soon', 'gone.example'],
    ]);
    const preview: ImportPreview = (await uploadImport(t.admin, 'accounts', { name: 'a.csv', bytes: file })).json();
    await commit(t.admin, preview.id);
    const contacts = googleSheetsCsv([
      ['Name', 'Company'],
      ['Ann Gone', 'Gone Soon'],
    ]);
    const second: ImportPreview = (await uploadImport(t.admin, 'contacts', { name: 'c.csv', bytes: contacts })).json();
    expect(second.columns.map((c) => c.field)).toEqual(['fullName', 'account']);
    await commit(t.admin, second.id);
    // The account has a contact the first import did not make: undoing it would take that too.
    expect((await t.admin.post(`/api/v1/imports/${preview.id}/undo`)).statusCode).toBe(409);
    expect((await t.admin.post(`/api/v1/imports/${second.id}/undo`)).statusCode).toBe(200);
    expect((await t.admin.post(`/api/v1/imports/${preview.id}/undo`)).statusCode).toBe(200);
    expect(await db().selectFrom('accounts').select('id').where('name', '=', 'Gone Soon').execute()).toEqual([]);
  });
});

describe('a run cut short', () => {
  it('resumes after the last saved chunk: no row twice, none lost', async () => {
    await t.createAccount(t.admin, { name: 'Bulk Co' });
    const rows = [['First name', 'Email', 'Account']];
    for (let i = 0; i < 2500; i++) rows.push([`P${i}`, `p${i}@bulk.test`, 'Bulk Co']);
    const preview: ImportPreview = (await uploadImport(t.admin, 'contacts', { name: 'bulk.csv', bytes: googleSheetsCsv(rows) })).json();
    expect(preview.counts.total).toBe(2500);
    const queued = await t.app.services.imports.queue(t.admin.user, preview.id);
    // One chunk is saved, then the process dies.
    await t.app.services.importRunner.process(preview.id, { maxChunks: 1, chunkRows: 1000 });
    const cut = (await t.admin.get(`/api/v1/imports/${preview.id}`)).json();
    expect(cut).toMatchObject({ status: 'running', progress: { rowsDone: 1000, created: 1000 } });
    // The job picks it up again (another instance, or this one after a restart).
    const outcome = await t.app.services.jobs.run(IMPORT_JOB, `${queued.queued_at}|${queued.id}`);
    expect(outcome.status).toBe('done');
    const done = (await t.admin.get(`/api/v1/imports/${preview.id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: { rowsDone: 2500, totalRows: 2500, created: 2500, failed: 0 } });
    const saved = await db()
      .selectFrom('contacts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('email').distinct().as('emails')])
      .where('email', 'like', '%@bulk.test')
      .executeTakeFirstOrThrow();
    expect([Number(saved.n), Number(saved.emails)]).toEqual([2500, 2500]);
  });
});

describe('bad files and limits', () => {
  it('refuses another format with 415 and keeps nothing of it', async () => {
    const before = await db().selectFrom('imports').select('id').execute();
    const pdf = await uploadImport(t.admin, 'contacts', { name: 'list.pdf', bytes: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n') });
    expect(pdf.statusCode).toBe(415);
    const xls = await uploadImport(t.admin, 'contacts', {
      name: 'old.xls',
      bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    });
    expect(xls.statusCode).toBe(415);
    expect(await db().selectFrom('imports').select('id').execute()).toEqual(before);
  });

  it('answers 422 for a CSV whose quote is never closed', async () => {
    const res = await uploadImport(t.admin, 'contacts', { name: 'broken.csv', bytes: 'First name,Account\n"Ann,Acme\nBob,Acme\n' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('import.unreadable');
  });

  it('answers 413 past the size limit', async () => {
    const imp = (await uploadImport(t.admin, 'contacts', { name: 'x.csv', bytes: 'a,b\n1,2\n' })).json();
    await expect(storeFile(db(), imp.id, Readable.from([Buffer.alloc(8), Buffer.alloc(8)]), 10)).rejects.toMatchObject({
      status: 413,
      code: 'import.too_large',
    });
  });

  it('refuses a commit while a required field has no column', async () => {
    const res = await uploadImport(t.admin, 'contacts', { name: 'x.csv', bytes: 'Foo,Bar\n1,2\n' });
    const preview: ImportPreview = res.json();
    expect(preview.missingFields).toEqual(['firstName', 'account']);
    const commitRes = await t.admin.post(`/api/v1/imports/${preview.id}/commit`);
    expect(commitRes.statusCode).toBe(422);
    const fixed = await t.admin.patch(`/api/v1/imports/${preview.id}`, { mapping: ['firstName', 'firstName'] });
    expect(fixed.statusCode).toBe(400);
  });

  it('gives the whole error report as CSV', async () => {
    const file = googleSheetsCsv([
      ['First name', 'Email', 'Account'],
      ['A', 'bad', 'Nowhere'],
      ['B', 'b@x.test', 'Nowhere'],
    ]);
    const preview: ImportPreview = (await uploadImport(t.admin, 'contacts', { name: 'e.csv', bytes: file })).json();
    const csv = await t.admin.get(`/api/v1/imports/${preview.id}/errors.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Row,Column,Reason',
      '2,Email,Enter a valid email address',
      '2,Account,No account of yours is named “Nowhere”',
      '3,Account,No account of yours is named “Nowhere”',
      '',
    ]);
  });
});

describe('access', () => {
  it('lets only admins and managers import', async () => {
    for (const role of ['specialist', 'finance'] as const) {
      const caller = await t.signIn(role);
      const res = await uploadImport(caller, 'accounts', { name: 'a.csv', bytes: 'Name\nX\n' });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('keeps a manager to accounts they own, and to their own imports', async () => {
    await t.createAccount(t.admin, { name: 'Admins Own' });
    const file = googleSheetsCsv([
      ['First name', 'Account'],
      ['Zed', 'Admins Own'],
    ]);
    const preview: ImportPreview = (await uploadImport(manager, 'contacts', { name: 'z.csv', bytes: file })).json();
    expect(preview.errors.map((e) => e.code)).toEqual(['import.no_such_account']);
    const other = await t.signIn('account_manager');
    expect((await other.get(`/api/v1/imports/${preview.id}`)).statusCode).toBe(404);
    expect((await t.admin.get(`/api/v1/imports/${preview.id}`)).statusCode).toBe(200);
  });

  it('audits a finished import with who, the file hash and counts', async () => {
    const file = googleSheetsCsv([['Name'], ['Audited Co']]);
    const preview: ImportPreview = (await uploadImport(manager, 'accounts', { name: 'au.csv', bytes: file })).json();
    await commit(manager, preview.id);
    const entry = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('record_type', '=', 'import')
      .where('record_id', '=', preview.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(manager.user.id);
    expect(JSON.parse(entry.changes)).toMatchObject({ fileSha256: { after: preview.fileSha256 }, created: { after: 1 } });
  });
});
