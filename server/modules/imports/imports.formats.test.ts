import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../common/schemas/import.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { commitImport, excelUtf8Csv, googleSheetsCsv, uploadImport, windows1251Csv, xlsxFile } from '../../test/import-fixtures.js';

// The formats real tools write, each read, mapped and saved; the rest of importing is in imports.test.ts.
let t: TestApp;
let manager: Caller;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
});
afterAll(() => t.close());

const db = () => t.database.db;
const commit = (by: Caller, id: string) => commitImport(t, by, id);

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
