import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../../common/schemas/invoice.js';
import type { Project } from '../../../common/schemas/project.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createClaim } from '../../test/claim-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';
import { columnsOf } from './columns.js';
import { csvStream } from './csv-writer.js';
import { readPages } from './pages.js';
import { XLSX_TYPE } from './xlsx-writer.js';

let t: TestApp;
let w: World;
let projectA: Project;
let invoicesA: Invoice[];
let invoiceB: Invoice;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
  await t.createAccount(t.admin, { name: '=HYPERLINK("http://evil","Click")', ownerId: w.as.owner.user.id, industry: '@SUM(1+1)' });
  projectA = await createProject(t.admin, w.accountA.id, { name: 'Alpha site' });
  const projectB = await createProject(t.admin, w.accountB.id, { name: 'Beta app' });
  await createTask(t.admin, projectA.id, { title: 'Specialist task', assigneeId: w.as.specialist.user.id, dueDate: '2026-12-03' });
  await createTask(t.admin, projectB.id, { title: 'Someone else’s task' });
  invoicesA = [];
  for (let i = 0; i < 5; i++) invoicesA.push(await issuedInvoice(t.admin, w.accountA.id));
  invoiceB = await issuedInvoice(t.admin, w.accountB.id);
  await pay(t.admin, invoicesA[0].id, 50_000, '2026-11-26');
  await pay(t.admin, invoiceB.id, 10_000, '2026-11-26');
  await createDeal(w.as.owner, w.accountA.id, { title: 'Alpha retainer', amount: 1_234_567 });
  await createDeal(w.as.nonOwner, w.accountB.id, { title: 'Beta retainer', amount: 500_000, currency: 'JPY' });
  await createClaim(w.as.owner, w.accountA.id, { description: 'Alpha claim' });
  await createClaim(w.as.nonOwner, w.accountB.id, { description: 'Beta claim' });
});
afterAll(() => t.close());

/** The CSV download as rows (header first), after checking it is UTF-8 with a byte-order mark. */
async function csvOf(by: Caller, url: string, delimiter = ',') {
  const res = await by.get(`/api/v1${url}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const rows: string[][] = parse(res.body.slice(1), { delimiter, relax_column_count: false });
  const [header, ...body] = rows;
  const col = (name: string) => {
    const i = header.indexOf(name);
    expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
    return body.map((r) => r[i]);
  };
  return { header, rows: body, col, res };
}

/** The workbook download's first sheet as rows of cell values (header first). */
async function xlsxOf(by: Caller, url: string) {
  const res = await by.get(`/api/v1${url}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_TYPE);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  const header = (rows[0].values as ExcelJS.CellValue[]).slice(1).map(String);
  const cell = (row: number, name: string) => rows[row].getCell(header.indexOf(name) + 1);
  return { header, count: rows.length - 1, cell, res };
}

describe('accounts', () => {
  it('exports what each reader sees, with formula-looking text kept as text', async () => {
    const admin = await csvOf(t.admin, '/accounts.csv');
    expect(admin.col('Name')).toEqual([`'=HYPERLINK("http://evil","Click")`, 'Alpha Works', 'Beta Studio']);
    expect(admin.col('Industry')[0]).toBe("'@SUM(1+1)");
    expect(admin.res.headers['content-disposition']).toBe('attachment; filename="accounts.csv"');
    expect((await csvOf(w.as.clientA, '/accounts.csv')).col('Name')).toEqual(['Alpha Works']);
    expect((await csvOf(w.as.nonOwner, '/accounts.csv')).col('Name')).toEqual(['Beta Studio']);
    // A specialist works from their tasks and reads no account list, as the list itself answers.
    const specialist = await csvOf(w.as.specialist, '/accounts.csv');
    expect(specialist.rows).toEqual([]);
    expect(specialist.header[0]).toBe('Name');
  });

  it('takes the list’s filters and order, and refuses a bad one before sending a file', async () => {
    expect((await csvOf(t.admin, '/accounts.csv?q=Beta')).col('Name')).toEqual(['Beta Studio']);
    expect((await csvOf(t.admin, `/accounts.csv?ownerId=${w.as.owner.user.id}&sort=-createdAt`)).col('Name')).toEqual([
      `'=HYPERLINK("http://evil","Click")`,
      'Alpha Works',
    ]);
    expectProblem(await t.admin.get('/api/v1/accounts.csv?sort=nonsense'), 400, 'sort');
    expectProblem(await t.admin.get('/api/v1/accounts.xlsx?createdFrom=2026-13-01'), 400, 'createdFrom');
    expectProblem(await t.admin.get('/api/v1/accounts.csv?delimiter=pipe'), 400, 'delimiter');
  });

  it('splits by semicolons with decimal commas for Excel in Russian locales', async () => {
    const res = await t.admin.get('/api/v1/invoices.csv?delimiter=semicolon&sort=-createdAt');
    const [header, first] = res.body.slice(1).split('\r\n');
    expect(header.startsWith('Number;Kind;Status;Account;')).toBe(true);
    const { col } = await csvOf(t.admin, '/invoices.csv?delimiter=semicolon', ';');
    expect(col('Total')[0]).toBe('1300,00');
    expect(first.split(';')).toContain('1300,00');
  });

  it('writes a workbook with the formula as a plain string', async () => {
    const x = await xlsxOf(t.admin, '/accounts.xlsx');
    expect(x.count).toBe(3);
    expect(x.cell(1, 'Name').value).toBe(`'=HYPERLINK("http://evil","Click")`);
    expect(x.cell(1, 'Name').formula).toBeUndefined();
    expect(x.cell(2, 'Payment terms, days').value).toBe(w.accountA.paymentTermsDays);
    expect(x.cell(2, 'Created').value).toEqual(new Date(w.accountA.createdAt));
    expect(x.cell(2, 'Created').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(x.res.headers['content-disposition']).toBe('attachment; filename="accounts.xlsx"');
  });

  it('needs a signed-in caller', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/accounts.csv' }), 401);
  });
});

describe('contacts and interactions', () => {
  it('contacts: each reader their own accounts’, filtered by account', async () => {
    expect((await csvOf(w.as.nonOwner, '/contacts.csv')).col('First name')).toEqual(['Boris']);
    expect((await csvOf(t.admin, `/contacts.csv?accountId=${w.accountA.id}`)).col('Account')).toEqual(['Alpha Works']);
    const x = await xlsxOf(w.as.owner, '/contacts.xlsx');
    expect(x.count).toBe(1);
    expect(x.cell(1, 'Portal access').value).toBe(false);
    expect(x.cell(1, 'Email').value).toBe('anna@client.test');
  });

  it('interactions: staff only, their accounts’ only', async () => {
    expectProblem(await w.as.clientA.get('/api/v1/interactions.csv'), 403);
    expectProblem(await w.as.clientA.get('/api/v1/interactions.xlsx'), 403);
    expect((await csvOf(w.as.owner, '/interactions.csv')).col('Summary')).toEqual(['Kick-off with Alpha']);
    expect((await csvOf(t.admin, `/interactions.csv?accountId=${w.accountB.id}`)).col('Summary')).toEqual(['Kick-off with Beta']);
    // A contact's page exports the interactions it lists: the contact's only, and only where the reader may look.
    expect((await csvOf(t.admin, `/interactions.csv?contactId=${w.contactA.id}`)).col('Summary')).toEqual(['Kick-off with Alpha']);
    expect((await csvOf(w.as.nonOwner, `/interactions.csv?contactId=${w.contactA.id}`)).rows).toEqual([]);
  });
});

describe('delivery', () => {
  it('projects: a specialist sees the project of their task, without its budget', async () => {
    expect((await csvOf(w.as.specialist, '/projects.csv')).col('Name')).toEqual(['Alpha site']);
    expect((await csvOf(t.admin, `/projects.csv?accountId=${w.accountB.id}`)).col('Name')).toEqual(['Beta app']);
  });

  it('tasks: staff only; a specialist their own, due dates as dates in the workbook', async () => {
    expectProblem(await w.as.clientA.get('/api/v1/tasks.csv'), 403);
    expect((await csvOf(w.as.specialist, '/tasks.csv')).col('Title')).toEqual(['Specialist task']);
    const x = await xlsxOf(w.as.specialist, '/tasks.xlsx');
    expect(x.count).toBe(1);
    expect(x.cell(1, 'Due date').value).toEqual(new Date('2026-12-03T00:00:00Z'));
    expect(x.cell(1, 'Due date').numFmt).toBe('yyyy-mm-dd');
    expect(x.cell(1, 'Late').value).toBe(false);
  });
});

describe('billing', () => {
  it('invoices: money as decimals beside the currency; clients their own issued ones; specialists refused', async () => {
    expectProblem(await w.as.specialist.get('/api/v1/invoices.csv'), 403);
    const all = await csvOf(t.admin, '/invoices.csv');
    expect(all.rows).toHaveLength(6);
    expect(new Set(all.col('Total'))).toEqual(new Set(['1300.00']));
    expect(all.col('Currency')[0]).toBe(invoicesA[0].currency);
    expect((await csvOf(w.as.clientB, '/invoices.csv')).col('Number')).toEqual([invoiceB.number]);
    expect((await csvOf(t.admin, `/invoices.csv?accountId=${w.accountB.id}`)).col('Account')).toEqual(['Beta Studio']);
    const x = await xlsxOf(t.admin, `/invoices.xlsx?accountId=${w.accountB.id}`);
    expect(x.cell(1, 'Total').value).toBe(1300);
    expect(x.cell(1, 'Paid').value).toBe(100);
    expect(x.cell(1, 'Balance').value).toBe(1200);
    expect(x.cell(1, 'Total').numFmt).toBe('#,##0.00');
    expect(x.cell(1, 'Issue date').value).toBeInstanceOf(Date);
  });

  it('payments: filtered, and only the reader’s', async () => {
    expectProblem(await w.as.specialist.get('/api/v1/payments.xlsx'), 403);
    expect((await csvOf(t.admin, '/payments.csv')).col('Amount').sort()).toEqual(['100.00', '500.00']);
    expect((await csvOf(t.admin, `/payments.csv?invoiceId=${invoiceB.id}`)).col('Paid on')).toEqual(['2026-11-26']);
    expect((await csvOf(w.as.clientA, '/payments.csv')).col('Invoice')).toEqual([invoicesA[0].number]);
  });
});

describe('sales, claims, documents and the audit log', () => {
  it('deals as a workbook: a yen amount has no decimals', async () => {
    const x = await xlsxOf(t.admin, '/deals.xlsx?sort=amount');
    const titles = [1, 2].map((r) => x.cell(r, 'Title').value);
    const yen = titles.indexOf('Beta retainer') + 1;
    expect(x.cell(yen, 'Amount').value).toBe(500_000);
    expect(x.cell(yen, 'Amount').numFmt).toBe('#,##0');
    expect(x.cell(3 - yen, 'Amount').value).toBe(12_345.67);
    expectProblem(await w.as.clientA.get('/api/v1/deals.xlsx'), 403);
  });

  it('claims: staff only, each manager their accounts’', async () => {
    expectProblem(await w.as.clientA.get('/api/v1/claims.csv'), 403);
    expect((await csvOf(w.as.owner, '/claims.csv')).col('Description')).toEqual(['Alpha claim']);
    expect((await csvOf(t.admin, `/claims.csv?accountId=${w.accountB.id}`)).col('Description')).toEqual(['Beta claim']);
  });

  it('documents: the registry, specialists refused', async () => {
    expectProblem(await w.as.specialist.get('/api/v1/documents.csv'), 403);
    const docs = await csvOf(t.admin, '/documents.csv');
    expect(docs.header.slice(0, 4)).toEqual(['Number', 'Kind', 'Status', 'Title']);
  });

  it('audit log: admins only, filtered by record type', async () => {
    expectProblem(await w.as.owner.get('/api/v1/audit-log.csv'), 403);
    expectProblem(await w.as.clientA.get('/api/v1/audit-log.xlsx'), 403);
    const log = await csvOf(t.admin, '/audit-log.csv?recordType=account');
    expect(new Set(log.col('Record type'))).toEqual(new Set(['account']));
    expect(log.col('Record')).toContain('Alpha Works');
  });
});

describe('in the reader’s language', () => {
  it('heads the columns in Russian for a Russian reader, and says да/нет in yes/no columns', async () => {
    await t.database.db.updateTable('users').set({ language: 'ru' }).where('id', '=', w.as.owner.user.id).execute();
    const csv = await csvOf(w.as.owner, '/contacts.csv');
    expect(csv.header.slice(0, 3)).toEqual(['Имя', 'Фамилия', 'Клиент']);
    expect(csv.col('Доступ к порталу')).toEqual(['нет']);
    const x = await xlsxOf(w.as.owner, '/projects.xlsx');
    expect(x.header[0]).toBe('Название');
  });
});

describe('streaming page by page', () => {
  const finance = () => ({ id: w.as.finance.user.id, role: 'finance' as const, accountId: null });

  it('reads every page of a list longer than one read, in the list’s order, each row once', async () => {
    const invoices = t.app.services.invoices;
    const reads: (string | undefined)[] = [];
    const pages = await readPages(async (page) => {
      reads.push(page.cursor);
      return invoices.list(finance(), { sort: '-createdAt', ...page });
    }, 2);
    const c = columnsOf<{ id: string; number: string | null }>();
    const stream = csvStream([c.text({ en: 'Id', ru: 'Id' }, (i) => i.id), c.text({ en: 'No', ru: 'Nо' }, (i) => i.number)], pages, {
      language: 'en',
      delimiter: 'comma',
    });
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    const ids = parse(text.slice(1))
      .slice(1)
      .map((r) => r[0]);
    const listed = (await invoices.list(finance(), { sort: '-createdAt', limit: 50 })).items.map((i) => i.id);
    expect(listed).toHaveLength(6);
    expect(ids).toEqual(listed);
    expect(reads).toHaveLength(3);
    expect(reads[0]).toBeUndefined();
  });

  it('reads the first page before answering, so a refused reader gets a problem, not a file', async () => {
    const refused = readPages(() => Promise.reject(new Error('refused')), 2);
    await expect(refused).rejects.toThrow('refused');
  });
});
