import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { reportProblem } from '../../test/claim-fixtures.js';
import { answeredSurvey } from '../../test/corrective-action-fixtures.js';
import { createDocument } from '../../test/document-fixtures.js';
import { createInteraction, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { LEGAL_RECORDS, RETENTION_JOB } from './index.js';

/*
 * One contact with one record of every kind the schema ties to a person, exported, then erased:
 * afterwards no text column of any table holds their name, address, phone or words, except the
 * invoices and signed documents the law keeps as they were.
 */
let t: TestApp;
let client: Caller;
let manager: Caller;
let accountId: string;
let contactId: string;
let invoiceId: string;
let documentId: string;

const PERSON = { firstName: 'Zofia', lastName: 'Quillfeather', email: 'Zofia.Q@northwind.test', phone: '+7 900 555-01-23' };
const FULL_NAME = 'Zofia Quillfeather';
const MESSAGE = 'Our board approved the budget for the autumn campaign';
const MAIL_TEXT = 'Please find the signed brief attached, Zofia';
const SURVEY_COMMENT = 'The weekly reports save me an hour every Monday';
const ATTACHMENT = Buffer.from('%PDF-1.4 the signed brief of Northwind');

/** Every entry of a zip, by name. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** `table.column ~ needle` for every text value anywhere that contains one of `needles` (case-insensitive). */
async function tracesOf(needles: string[], skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const db = t.database.db;
  const contains = t.database.dialect === 'postgres' ? 'strpos' : 'instr';
  const found = (column: string, needle: string) => sql`${sql.raw(contains)}(lower(${sql.ref(column)}), ${needle.toLowerCase()}) > 0`;
  const count = async (table: string, where: ReturnType<typeof sql>[]) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.join(where, sql` or `)}`.execute(db)).rows[0].n,
    );
  const hits: string[] = [];
  for (const table of await db.introspection.getTables()) {
    if (skip.has(table.name)) continue;
    const columns = table.columns.filter((c) => /^(text|varchar|character varying)$/i.test(c.dataType)).map((c) => c.name);
    const pairs = columns.flatMap((column) => needles.map((needle) => ({ column, needle })));
    // One scan of the table; only a table with a trace is looked at column by column.
    if (
      pairs.length === 0 ||
      (await count(
        table.name,
        pairs.map((p) => found(p.column, p.needle)),
      )) === 0
    )
      continue;
    for (const p of pairs)
      if ((await count(table.name, [found(p.column, p.needle)])) > 0) hits.push(`${table.name}.${p.column} ~ ${p.needle}`);
  }
  return hits;
}

const legalRows = async () => ({
  invoice: await t.database.db.selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst(),
  document: await t.database.db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst(),
  lines: await t.database.db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).execute(),
});

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  accountId = (await t.createAccount(manager, { name: 'Northwind' })).id;
  const res = await manager.post('/api/v1/contacts', { accountId, ...PERSON, position: 'Head of marketing' });
  expect(res.statusCode, res.body).toBe(201);
  contactId = res.json().id;
  expect((await manager.patch(`/api/v1/contacts/${contactId}`, { position: 'Marketing director' })).statusCode).toBe(200);
  client = await t.signIn('client', { contactId, email: PERSON.email.toLowerCase(), name: FULL_NAME });

  await createInteraction(manager, accountId, { contactIds: [contactId], summary: `Call with ${FULL_NAME} about the renewal` });
  await answeredSurvey(t, { accountId, contactId }, 'nps', 9, '2026-03-01T10:00:00.000Z');
  await t.database.db.updateTable('surveys').set({ comment: SURVEY_COMMENT }).where('contact_id', '=', contactId).execute();
  await reportProblem(client, { description: 'The landing page shows last year’s prices' });
  const message = await client.post('/api/v1/messages', { body: MESSAGE });
  expect(message.statusCode, message.body).toBe(201);
  await t.database.db
    .insertInto('inbound_emails')
    .values({
      id: 'mail-1',
      message_id: '<brief@northwind.test>',
      owner_id: manager.user.id,
      status: 'unmatched',
      account_id: null,
      interaction_id: null,
      direction: 'in',
      from_address: PERSON.email,
      from_name: FULL_NAME,
      recipients: JSON.stringify(['mila@agency.test']),
      subject: 'The brief',
      text: MAIL_TEXT,
      sent_at: '2026-03-01T09:00:00.000Z',
      received_at: '2026-03-01T09:00:01.000Z',
    })
    .execute();
  await t.database.db
    .insertInto('inbound_email_attachments')
    .values({
      id: 'att-1',
      email_id: 'mail-1',
      position: 0,
      filename: 'brief.pdf',
      content_type: 'application/pdf',
      size: ATTACHMENT.length,
      content: ATTACHMENT,
    })
    .execute();

  invoiceId = (await issuedInvoice(t.admin, accountId)).id;
  // A contract signed in the portal by the contact: constructed, as rendering its PDF is not what is tested here.
  documentId = (await createDocument(t.admin, accountId, { kind: 'contract' })).id;
  await t.database.db
    .updateTable('documents')
    .set({
      status: 'signed',
      number: 'C-1',
      signed_at: '2026-03-01T12:00:00.000Z',
      signed_by: client.user.id,
      signer_name: FULL_NAME,
      signed_via: 'portal',
    })
    .where('id', '=', documentId)
    .execute();
});
afterAll(async () => {
  await t.close();
});

describe('personal data export', () => {
  it('zips every kind of record held about a contact, with their mail’s attachment, and audits the export', async () => {
    const res = await t.admin.get(`/api/v1/contacts/${contactId}/personal-data`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="personal-data-contact-${contactId}.zip"`);
    const files = await unzip(res.rawPayload);
    expect(files.get(`attachments/mail-1/0-brief.pdf`)).toEqual(ATTACHMENT);
    const data = JSON.parse(files.get('personal-data.json')!.toString('utf8'));
    expect(data.contacts[0]).toMatchObject({ id: contactId, first_name: 'Zofia', email: PERSON.email.toLowerCase(), phone: PERSON.phone });
    expect(data.portalUsers.map((u: { id: string }) => u.id)).toEqual([client.user.id]);
    expect(data.interactions.map((i: { summary: string }) => i.summary)).toEqual([`Call with ${FULL_NAME} about the renewal`]);
    expect(data.surveys[0]).toMatchObject({ score: 9, comment: SURVEY_COMMENT });
    expect(data.claims[0].description).toBe('The landing page shows last year’s prices');
    expect(data.portalMessages[0].body).toBe(MESSAGE);
    expect(data.emailsReceived[0]).toMatchObject({
      text: MAIL_TEXT,
      attachments: [{ file: 'attachments/mail-1/0-brief.pdf', size: ATTACHMENT.length }],
    });
    expect(data.signatures[0]).toMatchObject({ id: documentId, signer_name: FULL_NAME });
    const audited = data.auditEntries.filter((a: { record_id: string }) => a.record_id === contactId);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);

    const log = await t.database.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'personal_data_export').execute();
    expect(log).toMatchObject([{ record_id: contactId, actor_id: t.admin.user.id }]);
  });

  it('exports what a client user wrote and did, and refuses staff users as subjects', async () => {
    const res = await t.admin.get(`/api/v1/users/${client.user.id}/personal-data`);
    expect(res.statusCode, res.body).toBe(200);
    const data = JSON.parse((await unzip(res.rawPayload)).get('personal-data.json')!.toString('utf8'));
    expect(data.portalMessages[0].body).toBe(MESSAGE);
    expect(data.claims).toHaveLength(1);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.contacts).toEqual([]);
    expectProblem(await t.admin.get(`/api/v1/users/${manager.user.id}/personal-data`), 400);
    expectProblem(await t.admin.get('/api/v1/users/nobody/personal-data'), 404);
  });

  it('is for admins only: managers, specialists and client users get 403, their own company included', async () => {
    const outsider = await t.signIn('client', {
      contactId: (await t.createContact(t.admin, (await t.createAccount(t.admin)).id, 'Other')).id,
    });
    for (const who of [manager, client, outsider, await t.signIn('specialist')]) {
      expectProblem(await who.get(`/api/v1/contacts/${contactId}/personal-data`), 403);
      expectProblem(await who.get(`/api/v1/users/${client.user.id}/personal-data`), 403);
      expectProblem(await who.post(`/api/v1/contacts/${contactId}/erase`, { confirm: FULL_NAME }), 403);
      expectProblem(await who.get(`/api/v1/accounts/${accountId}/retention`), 403);
      expectProblem(await who.get('/api/v1/settings/privacy'), 403);
    }
  });
});

describe('erasure', () => {
  it('refuses without the typed name, writing nothing', async () => {
    const before = await t.database.db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
    expectProblem(await t.admin.post(`/api/v1/contacts/${contactId}/erase`, { confirm: 'Zofia' }), 400, 'confirm');
    expectProblem(await t.admin.post(`/api/v1/contacts/${contactId}/erase`, {}), 400);
    expect(await t.database.db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst()).toEqual(before);
  });

  it('leaves no trace of the person in any table but the kept invoice and signed contract, which stay as they were', async () => {
    const legalBefore = await legalRows();
    const values = [FULL_NAME, PERSON.lastName, PERSON.email, PERSON.phone, MESSAGE, MAIL_TEXT, SURVEY_COMMENT];
    expect(await tracesOf(values, LEGAL_RECORDS)).not.toEqual([]);

    const res = await t.admin.post(`/api/v1/contacts/${contactId}/erase`, { confirm: ` ${FULL_NAME} ` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ contactId, erasedAt: t.clock.now().toISOString() });

    expect(await tracesOf(values, LEGAL_RECORDS)).toEqual([]);
    expect(await legalRows()).toEqual(legalBefore);
    expect(legalBefore.document?.signer_name).toBe(FULL_NAME);
    const contact = await t.admin.get(`/api/v1/contacts/${contactId}`);
    expect(contact.json()).toMatchObject({ firstName: 'Erased contact', email: null, phone: null });
    expect(await t.database.db.selectFrom('inbound_email_attachments').select('id').execute()).toEqual([]);
    // The portal user can no longer sign in.
    expectProblem(await client.get('/api/v1/auth/me'), 401);
  });

  it('audits the erasure by id alone, and refuses a second one with 409', async () => {
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', contactId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_id: t.admin.user.id, record_type: 'contact', action: 'update' });
    expect(JSON.parse(entry.changes)).toEqual({
      personalData: { before: 'held', after: 'erased' },
      portalUsers: { before: null, after: 1 },
    });
    expectProblem(await t.admin.post(`/api/v1/contacts/${contactId}/erase`, { confirm: 'Erased contact' }), 409);
  });
  it('leaves namesakes and common words alone: only the erased person’s records change', async () => {
    const other = (await t.createAccount(t.admin, { name: 'Elsewhere' })).id;
    const body = (firstName: string, lastName?: string) => ({ accountId: other, firstName, lastName });
    const erased = (await t.admin.post('/api/v1/contacts', body('Piotr', 'Nowakowski'))).json().id as string;
    const namesake = (await t.admin.post('/api/v1/contacts', body('Piotr', 'Nowakowski'))).json().id as string;
    const staff = await t.signIn('account_manager', { name: 'Piotr Nowakowski' });
    const ann = (await t.admin.post('/api/v1/contacts', body('Ann'))).json().id as string;
    const review = await createInteraction(t.admin, other, { summary: 'Annual review of the account' });

    expect((await t.admin.post(`/api/v1/contacts/${erased}/erase`, { confirm: 'Piotr Nowakowski' })).statusCode).toBe(200);
    expect((await t.admin.post(`/api/v1/contacts/${ann}/erase`, { confirm: 'Ann' })).statusCode).toBe(200);

    expect((await t.admin.get(`/api/v1/contacts/${namesake}`)).json()).toMatchObject({ firstName: 'Piotr', lastName: 'Nowakowski' });
    const user = await t.database.db.selectFrom('users').select('name').where('id', '=', staff.user.id).executeTakeFirstOrThrow();
    expect(user.name).toBe('Piotr Nowakowski');
    expect((await t.admin.get(`/api/v1/interactions/${review.id}`)).json().summary).toBe('Annual review of the account');
  });
});

describe('retention', () => {
  it('purges exactly the interactions older than the account’s years, once a day, and audits the count', async () => {
    const kept = (await t.createAccount(t.admin, { name: 'Kept for good' })).id;
    const purged = (await t.createAccount(t.admin, { name: 'Purged after two years' })).id;
    const at = (d: string) => `${d}T10:00:00.000Z`;
    const old = await createInteraction(t.admin, purged, { occurredAt: at('2024-03-01'), summary: 'Old call' });
    const recent = await createInteraction(t.admin, purged, { occurredAt: at('2024-03-02'), summary: 'Recent call' });
    const keptOld = await createInteraction(t.admin, kept, { occurredAt: at('2020-01-01'), summary: 'Ancient call' });

    expect((await t.admin.put('/api/v1/settings/privacy', { interactionRetentionYears: 2 })).statusCode).toBe(200);
    expectProblem(await t.admin.put('/api/v1/settings/privacy', { interactionRetentionYears: 0 }), 400, 'interactionRetentionYears');
    const own = await t.admin.put(`/api/v1/accounts/${kept}/retention`, { inherit: false, years: null });
    expect(own.json()).toEqual({ accountId: kept, inherit: false, years: null, agencyYears: 2, effectiveYears: null });
    expect((await t.admin.get(`/api/v1/accounts/${purged}/retention`)).json()).toMatchObject({ inherit: true, effectiveYears: 2 });

    // The fixed clock reads 2026-03-02: two years back is 2024-03-02, the first day kept.
    const run = await t.app.services.jobs.run(RETENTION_JOB, '2026-03-02');
    expect(run).toMatchObject({ status: 'done', result: { date: '2026-03-02' } });
    const left = await t.database.db.selectFrom('interactions').select('id').where('id', 'in', [old.id, recent.id, keptOld.id]).execute();
    expect(left.map((r) => r.id).sort()).toEqual([recent.id, keptOld.id].sort());
    expect(await t.app.services.jobs.run(RETENTION_JOB, '2026-03-02')).toMatchObject({ status: 'already_done' });

    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('record_type', '=', 'interaction_retention').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].record_id).toBe(purged);
    expect(JSON.parse(audit[0].changes)).toMatchObject({ interactions: { before: 1, after: null } });
  });

  it('purges in batches until nothing older is left, with one audit entry for the account', async () => {
    const account = (await t.createAccount(t.admin, { name: 'Batched' })).id;
    for (const day of ['2023-01-10', '2023-02-10', '2023-03-10'])
      await createInteraction(t.admin, account, { occurredAt: `${day}T10:00:00.000Z`, summary: `Call of ${day}` });
    expect(await t.app.services.retention.purge('2026-03-02', 2)).toEqual({ accounts: 1, interactions: 3 });
    expect(await t.database.db.selectFrom('interactions').select('id').where('account_id', '=', account).execute()).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', account)
      .where('record_type', '=', 'interaction_retention')
      .execute();
    expect(audit.map((a) => JSON.parse(a.changes).interactions.before)).toEqual([3]);
  });
});
