import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../common/schemas/import.js';
import * as importMarks from '../../db/migrations/0047_import_marks.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { googleSheetsCsv, uploadImport } from '../../test/import-fixtures.js';

// What an import created carries its id (migration 0047); undo finds it by that mark.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;

/** Uploads and saves a file in chunks of `chunkRows` rows, as the background job does. */
async function importInChunks(entity: 'accounts' | 'contacts', rows: string[][], chunkRows: number, duplicatePolicy = 'update') {
  const preview: ImportPreview = (
    await uploadImport(t.admin, entity, { name: `${entity}.csv`, bytes: googleSheetsCsv(rows) }, { duplicatePolicy })
  ).json();
  await t.app.services.imports.queue(t.admin.user, preview.id);
  await t.app.services.importRunner.process(preview.id, { chunkRows });
  return preview.id;
}

describe('records an import created', () => {
  it('are marked with it, and one updated from a later chunk of the same file is still removed by undo', async () => {
    await t.createAccount(t.admin, { name: 'Marks Ltd' });
    const id = await importInChunks(
      'contacts',
      [
        ['First name', 'Email', 'Position', 'Account'],
        ['Mia', 'mia@marks.test', 'Buyer', 'Marks Ltd'],
        ['Noor', 'noor@marks.test', '', 'Marks Ltd'],
        ['Mia', 'mia@marks.test', 'Head of buying', 'Marks Ltd'],
      ],
      2,
    );
    const saved = await db()
      .selectFrom('contacts')
      .select(['email', 'position', 'version', 'import_id'])
      .where('email', 'like', '%@marks.test')
      .orderBy('email')
      .execute();
    expect(saved).toEqual([
      { email: 'mia@marks.test', position: 'Head of buying', version: 2, import_id: id },
      { email: 'noor@marks.test', position: null, version: 1, import_id: id },
    ]);
    // Only the record met twice needs a row of its own: the version the file left it at.
    const records = await db().selectFrom('import_records').select(['action', 'version_after']).where('import_id', '=', id).execute();
    expect(records).toEqual([{ action: 'created', version_after: 2 }]);

    const undo = await t.admin.post(`/api/v1/imports/${id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await db().selectFrom('contacts').select('id').where('email', 'like', '%@marks.test').execute()).toEqual([]);
  });

  it('refuse undo once the record met twice changes again', async () => {
    await t.createAccount(t.admin, { name: 'Twice Ltd' });
    const id = await importInChunks(
      'contacts',
      [
        ['First name', 'Email', 'Account'],
        ['Ola', 'ola@twice.test', 'Twice Ltd'],
        ['Ola', 'ola@twice.test', 'Twice Ltd'],
      ],
      1,
    );
    const ola = await db().selectFrom('contacts').select(['id', 'version']).where('email', '=', 'ola@twice.test').executeTakeFirstOrThrow();
    expect(ola.version).toBe(2);
    expect((await t.admin.patch(`/api/v1/contacts/${ola.id}`, { position: 'Owner' })).statusCode).toBe(200);
    const undo = await t.admin.post(`/api/v1/imports/${id}/undo`);
    expect(undo.statusCode).toBe(409);
    expect(undo.json()).toMatchObject({ code: 'import.changed_since' });
  });

  it('of an import saved before the marks existed are marked by the migration, and undo removes exactly them', async () => {
    const kept = await t.createAccount(t.admin, { name: 'Kept Before Marks' });
    const id = await importInChunks(
      'accounts',
      [
        ['Name', 'Website'],
        ['Old Import One', 'one.example'],
        ['Old Import Two', 'two.example'],
      ],
      1000,
    );
    // Back to the schema before 0047: the created records listed in import_records, no marks.
    await importMarks.down(db());
    const listed = await db().selectFrom('import_records').select(['table_name', 'action']).where('import_id', '=', id).execute();
    expect(listed).toEqual([
      { table_name: 'accounts', action: 'created' },
      { table_name: 'accounts', action: 'created' },
    ]);
    await importMarks.up(db());
    const marked = await db().selectFrom('accounts').select('name').where('import_id', '=', id).orderBy('name').execute();
    expect(marked.map((a) => a.name)).toEqual(['Old Import One', 'Old Import Two']);
    expect(await db().selectFrom('import_records').select('record_id').where('import_id', '=', id).execute()).toEqual([]);

    expect((await t.admin.post(`/api/v1/imports/${id}/undo`)).statusCode).toBe(200);
    expect(await db().selectFrom('accounts').select('id').where('name', 'like', 'Old Import %').execute()).toEqual([]);
    expect(await db().selectFrom('accounts').select('id').where('id', '=', kept.id).execute()).toHaveLength(1);
  });
});
