import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../common/schemas/import.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { excelUtf8Csv, googleSheetsCsv, uploadImport, windows1251Csv, xlsxFile } from '../../test/import-fixtures.js';
import { storeFile } from './import.file.js';
import { IMPORT_JOB } from './index.js';

let t: TestApp;
let manager: Caller;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
});
afterAll(() => t.close());

const db = () => t.database.db;

/** Commits an import and waits for the background run it starts. */
async function commit(by: Caller, id: string) {
  const res = await by.post(`/api/v1/imports/${id}/commit`);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.services.imports.idle();
  const after = await by.get(`/api/v1/imports/${id}`);
  return after.json();
}

describe('contacts from Excel "CSV UTF-8" (BOM, semicolons, Russian headers)', () => {
  let preview: ImportPreview;
  beforeAll(async () => {
    await t.createAccount(manager, { name: 'ООО Ромашка' });
    await t.createAccount(manager, { name: 'Acme; Ltd' });
    const file = excelUtf8Csv([
      ['Имя', 'Фамилия', 'E-mail', 'Телефон', 'Должность', 'Компания'],
      ['Анна', 'Петрова', 'Anna@Romashka.ru', '+7 495 000-00-01', 'Директор', 'ООО Ромашка'],
      ['Иван', 'Сидоров', 'ivan@romashka.ru', '', 'Бухгалтер\nпо зарплате', 'ООО Ромашка'],
      ['John', 'Smith', 'john@acme.test', '', '=HYPERLINK("http://evil")', 'Acme; Ltd'],
      ['Пётр', '', 'не-почта', '', '', 'ООО Ромашка'],
      ['Ольга', '', 'olga@nowhere.test', '', '', 'Несуществующая'],
      ['', 'Безымянный', 'x@romashka.ru', '', '', 'ООО Ромашка'],
    ]);
    const res = await uploadImport(manager, 'contacts', { name: 'contacts.csv', bytes: file });
    expect(res.statusCode, res.body).toBe(201);
    preview = res.json();
  });

  it('reads the file as UTF-8 split by semicolons and maps the Russian headers', () => {
    expect(preview.encoding).toBe('utf-8');
    expect(preview.delimiter).toBe(';');
    expect(preview.columns.map((c) => c.field)).toEqual(['firstName', 'lastName', 'email', 'phone', 'position', 'account']);
    expect(preview.missingFields).toEqual([]);
    expect(preview.counts).toEqual({ total: 6, valid: 3, invalid: 3, duplicates: 0 });
    expect(preview.rows[0].values).toMatchObject({ firstName: 'Анна', email: 'anna@romashka.ru', account: 'ООО Ромашка' });
    expect(preview.rows[1].values.position).toBe('Бухгалтер\nпо зарплате');
  });

  it('lists each bad row with its row number, column and reason', () => {
    expect(preview.errors.map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [5, 'E-mail', 'validation.email'],
      [6, 'Компания', 'import.no_such_account'],
      [7, 'Имя', 'contact.first_name_required'],
    ]);
  });

  it('saves the good rows, counts the bad, and keeps a formula as text', async () => {
    const done = await commit(manager, preview.id);
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ rowsDone: 6, totalRows: 6, created: 3, updated: 0, skipped: 0, failed: 3 });
    const john = await db().selectFrom('contacts').selectAll().where('email', '=', 'john@acme.test').executeTakeFirstOrThrow();
    expect(john.position).toBe('=HYPERLINK("http://evil")');
  });
});

describe('contacts naming their account as people type it', () => {
  it('matches the name whatever its case, spaces around it and ё or е, but only among accounts of the importer', async () => {
    const tree = await t.createAccount(manager, { name: 'Ёлочка Trading' });
    const exact = await t.createAccount(manager, { name: 'Twin Co' });
    await t.createAccount(manager, { name: 'TWIN CO' });
    await t.createAccount(t.admin, { name: 'Admins Folded' });
    const file = googleSheetsCsv([
      ['First name', 'Account'],
      ['Ann', '  ёлочка trading '],
      ['Bob', 'ЕЛОЧКА TRADING'],
      ['Cid', 'Елочка Trading'],
      ['Dan', 'Twin Co'],
      ['Eve', 'twin co'],
      ['Fay', 'admins folded'],
    ]);
    const preview: ImportPreview = (await uploadImport(manager, 'contacts', { name: 'fold.csv', bytes: file })).json();
    expect(preview.errors.map((e) => [e.rowNumber, e.code])).toEqual([
      [6, 'import.account_ambiguous'],
      [7, 'import.no_such_account'],
    ]);
    const done = await commit(manager, preview.id);
    expect(done.progress).toMatchObject({ created: 4, failed: 2 });
    const saved = await db()
      .selectFrom('contacts')
      .select(['first_name', 'account_id'])
      .where('first_name', 'in', ['Ann', 'Bob', 'Cid', 'Dan', 'Eve', 'Fay'])
      .where('account_id', 'in', [tree.id, exact.id])
      .orderBy('first_name')
      .execute();
    expect(saved).toEqual([
      { first_name: 'Ann', account_id: tree.id },
      { first_name: 'Bob', account_id: tree.id },
      { first_name: 'Cid', account_id: tree.id },
      { first_name: 'Dan', account_id: exact.id },
    ]);
  });
});

describe('accounts from a 1C export in Windows-1251', () => {
  let preview: ImportPreview;
  const file = windows1251Csv([
    ['Наименование', 'Сайт', 'Отрасль', 'Статус', 'Отсрочка'],
    ['ООО "Вектор"', 'vector.ru', 'Строительство', 'активный', '30'],
    ['ИП Ёлкин', '', 'Торговля', 'потенциальный', ''],
    ['АО Сигма', 'sigma.ru', '', '', 'тридцать'],
  ]);
  beforeAll(async () => {
    const res = await uploadImport(manager, 'accounts', { name: 'Контрагенты.csv', bytes: file });
    expect(res.statusCode, res.body).toBe(201);
    preview = res.json();
  });

  it('guesses Windows-1251 and reads the Cyrillic right', () => {
    expect(preview.encoding).toBe('windows-1251');
    expect(preview.delimiter).toBe(';');
    expect(preview.columns.map((c) => c.field)).toEqual(['name', 'website', 'industry', 'status', 'paymentTermsDays']);
    expect(preview.rows.map((r) => r.values.name)).toEqual(['ООО "Вектор"', 'ИП Ёлкин', 'АО Сигма']);
    expect(preview.counts).toEqual({ total: 3, valid: 2, invalid: 1, duplicates: 0 });
    expect(preview.errors[0]).toMatchObject({ rowNumber: 4, column: 'Отсрочка', code: 'account.payment_terms' });
  });

  it('shows a wrong encoding in the preview and takes the right one back', async () => {
    const wrong = await manager.patch(`/api/v1/imports/${preview.id}`, { encoding: 'utf-8' });
    expect(wrong.statusCode, wrong.body).toBe(200);
    const misread: ImportPreview = wrong.json();
    expect(misread.columns[0].header).toContain('\uFFFD');
    expect(misread.missingFields).toEqual(['name']);
    const right = await manager.patch(`/api/v1/imports/${preview.id}`, { encoding: 'windows-1251' });
    expect(right.json().rows[0].values.name).toBe('ООО "Вектор"');
  });

  it("opens the accounts as the importing manager's", async () => {
    const done = await commit(manager, preview.id);
    expect(done.progress).toMatchObject({ created: 2, failed: 1 });
    const vector = await db().selectFrom('accounts').selectAll().where('name', '=', 'ООО "Вектор"').executeTakeFirstOrThrow();
    expect(vector).toMatchObject({ owner_id: manager.user.id, status: 'active', payment_terms_days: 30, website: 'https://vector.ru' });
  });
});

describe('interactions from a Google Sheets CSV', () => {
  it("logs them on the account's history with quoted newlines kept, and fails the row with a bad date", async () => {
    const account = await t.createAccount(manager, { name: 'Sheets Co' });
    const file = googleSheetsCsv([
      ['Account', 'Type', 'Date', 'Summary', 'Outcome'],
      ['Sheets Co', 'Call', '2026-03-02', 'Kick-off, agenda:\n1. scope\n2. budget', 'Agreed'],
      ['Sheets Co', 'встреча', '03.03.2026 14:30', 'Workshop', ''],
      ['Sheets Co', 'email', 'yesterday', 'Follow-up', ''],
    ]);
    const res = await uploadImport(manager, 'interactions', { name: 'Log - Sheet1.csv', bytes: file });
    expect(res.statusCode, res.body).toBe(201);
    const preview: ImportPreview = res.json();
    expect(preview.delimiter).toBe(',');
    expect(preview.counts).toMatchObject({ total: 3, invalid: 1 });
    const done = await commit(manager, preview.id);
    expect(done.progress).toMatchObject({ created: 2, failed: 1 });
    const rows = await db().selectFrom('interactions').selectAll().where('account_id', '=', account.id).orderBy('occurred_at').execute();
    expect(rows.map((r) => [r.type, r.occurred_at, r.summary, r.author_id])).toEqual([
      ['call', '2026-03-02T12:00:00.000Z', 'Kick-off, agenda:\n1. scope\n2. budget', manager.user.id],
      ['meeting', '2026-03-03T14:30:00.000Z', 'Workshop', manager.user.id],
    ]);
    // The account's history shows them as any logged interaction.
    const history = await manager.get(`/api/v1/accounts/${account.id}/timeline`);
    expect(history.statusCode).toBe(200);
    expect(JSON.stringify(history.json())).toContain('Workshop');
  });
});

describe('opening balances from an .xlsx sheet chosen by name', () => {
  it('issues invoices for what is owed, in minor units', async () => {
    await t.createAccount(manager, { name: 'Debtor Ltd', currency: 'EUR' });
    const bytes = await xlsxFile({
      Notes: [['nothing here']],
      Долги: [
        ['Клиент', 'Номер', 'Дата', 'Срок оплаты', 'Сумма', 'Долг'],
        ['Debtor Ltd', 'OLD-1', new Date('2026-01-10'), '10.02.2026', 1500.5, 500.25],
        ['Debtor Ltd', 'OLD-2', new Date('2026-01-20'), '2026-02-20', 100, 200],
        ['Debtor Ltd', '', '2026-01-25', '2026-02-25', '1 234,56', '1 234,56'],
      ],
    });
    const res = await uploadImport(
      manager,
      'opening_balances',
      { name: 'debts.xlsx', bytes, type: 'application/octet-stream' },
      { sheet: 'Долги' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const preview: ImportPreview = res.json();
    expect(preview.format).toBe('xlsx');
    expect(preview.sheets).toEqual(['Notes', 'Долги']);
    expect(preview.sheet).toBe('Долги');
    expect(preview.rows[0].values).toMatchObject({
      number: 'OLD-1',
      issueDate: '2026-01-10',
      dueDate: '2026-02-10',
      owedMinor: 50025,
      currency: 'EUR',
    });
    expect(preview.errors.map((e) => [e.rowNumber, e.code])).toEqual([[3, 'import.owed_above_amount']]);
    const done = await commit(manager, preview.id);
    expect(done.progress).toMatchObject({ created: 2, failed: 1 });
    const invoices = await db().selectFrom('invoices').selectAll().where('issue_date', '>=', '2026-01-10').orderBy('issue_date').execute();
    expect(invoices.map((i) => [i.number, i.status, i.total_minor, i.due_date])).toEqual([
      ['OLD-1', 'issued', 50025, '2026-02-10'],
      [expect.any(String), 'issued', 123456, '2026-02-25'],
    ]);
  });
});

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
