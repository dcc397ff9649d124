import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { pdfPages, pdfText } from '../../test/pdf-text.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

let sink: SmtpSink;
let t: TestApp;
let manager: Caller;
let account: { id: string };
let contact: { id: string };

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdfOf = async (by: Caller, id: string) => {
  const res = await by.get(`/api/v1/documents/${id}/pdf`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return res.rawPayload;
};

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-03-10T10:00:00.000Z' });
  manager = await t.signIn('account_manager');
  account = await t.createAccount(manager, { name: 'ООО «Ромашка»', language: 'ru', currency: 'RUB' });
  contact = await t.createContact(manager, account.id, 'Irina');
  const agency = await t.admin.patch('/api/v1/settings/agency', {
    name: 'Liaison Studio',
    legalName: { en: 'Liaison Studio Ltd', ru: 'ООО «Лиэзон Студио»' },
    taxId: '7701234567',
    signatoryName: { ru: 'Иванов И. И.' },
    signatoryTitle: { ru: 'генеральный директор' },
  });
  expect(agency.statusCode, agency.body).toBe(200);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('a document from draft to sent', () => {
  let id: string;

  it('drafts in the account’s language and currency, with totals by the invoice rules', async () => {
    const doc = await createDocument(manager, account.id);
    id = doc.id;
    expect(doc).toMatchObject({ kind: 'act', status: 'draft', number: null, language: 'ru', currency: 'RUB', totalMinor: 4_200_000 });
    expect(doc.can).toEqual({
      update: true,
      send: true,
      cancel: true,
      seeHistory: true,
      sign: false,
      decline: false,
      recordPaperSignature: false,
      createInvoice: false,
    });
  });

  it('renders a draft PDF with Cyrillic, the amounts in the locale’s format and the total in words', async () => {
    const text = await pdfText(await pdfOf(manager, id));
    expect(text).toContain('Акт выполненных работ (черновик)');
    expect(text).toContain('ООО «Ромашка»');
    expect(text).toContain('ООО «Лиэзон Студио»');
    expect(text).toContain('Design');
    expect(text).toMatch(/42\s000,00\s₽/);
    expect(text).toContain('Сорок две тысячи рублей 00 копеек');
    expect(text).toContain('ЧЕРНОВИК');
    expect(text).toContain('Страница 1 из 1');
  });

  it('numbers it on the first send, freezes it and emails the PDF to the chosen contact', async () => {
    sink.clear();
    const res = await sendDocument(manager, id, [contact.id]);
    expect(res.statusCode, res.body).toBe(200);
    const { document: doc, recipients } = res.json();
    expect(recipients).toEqual(['irina@client.test']);
    expect(doc).toMatchObject({ status: 'sent', number: 'ACT-2026-0001', issueDate: '2026-03-10' });
    expect(doc.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0];
    expect(mail.subject).toContain('ACT-2026-0001');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['act-ACT-2026-0001.pdf', 'application/pdf']]);
    const attached = mail.attachments[0].content;
    expect(sha(attached)).toBe(doc.pdfSha256);
    expect(await pdfText(attached)).toContain('Акт выполненных работ № ACT-2026-0001 от 10 марта 2026 г.');
  });

  it('keeps the bytes and their SHA-256 when the template and the agency change later', async () => {
    const before = await pdfOf(manager, id);
    const edit = await t.admin.put('/api/v1/document-templates/act', {
      blocks: { ru: { intro: 'Совсем другой текст для {{account.name}}.' } },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await t.admin.patch('/api/v1/settings/agency', { legalName: { ru: 'АО «Другое имя»' } });
    const after = await pdfOf(manager, id);
    expect(Buffer.compare(before, after)).toBe(0);
    expect(sha(after)).toBe((await manager.get(`/api/v1/documents/${id}`)).json().pdfSha256);
    // a new draft does take the new wording
    const fresh = await createDocument(manager, account.id);
    expect(await pdfText(await pdfOf(manager, fresh.id))).toContain('Совсем другой текст для ООО «Ромашка».');
  });

  it('refuses to edit a sent document, and records the steps in its history and on the timeline', async () => {
    const edit = await manager.patch(`/api/v1/documents/${id}`, { notes: 'Changed' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('document.not_draft');
    const history = (await manager.get(`/api/v1/documents/${id}/history`)).json().items;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['created', 'sent', 'emailed']);
    expect(history[2].email).toMatchObject({ status: 'sent', attempts: 1 });
    const timeline = (await manager.get(`/api/v1/accounts/${account.id}/timeline?limit=50`)).json().items;
    const kinds = timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['document_sent', 'document_emailed']));
  });

  it('cancels a sent one, then refuses to send or cancel it again (409 with the reason)', async () => {
    const cancel = await manager.post(`/api/v1/documents/${id}/cancel`, { reason: 'Wrong period' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({
      status: 'cancelled',
      number: 'ACT-2026-0001',
      can: { send: false, cancel: false, update: false },
    });
    const send = await sendDocument(manager, id, [contact.id]);
    expect(send.statusCode).toBe(409);
    expect(send.json().code).toBe('document.send_cancelled');
    expect((await manager.post(`/api/v1/documents/${id}/cancel`, { reason: 'Again' })).json().code).toBe('document.cancel_not_allowed');
  });

  it('retries a send the mail server refused and shows the failure until then', async () => {
    const doc = await createDocument(manager, account.id);
    sink.failNext(1);
    const res = await sendDocument(manager, doc.id, [contact.id]);
    expect(res.statusCode).toBe(200);
    const history = (await manager.get(`/api/v1/documents/${doc.id}/history`)).json().items;
    expect(history.at(-1).email).toMatchObject({ status: 'pending', attempts: 1 });
    expect(history.at(-1).email.lastError).toContain('Mailbox busy');
  });

  it('refuses recipients who are not contacts of the account', async () => {
    const other = await t.createAccount(manager, { name: 'Other' });
    const stranger = await t.createContact(manager, other.id, 'Stranger');
    const doc = await createDocument(manager, account.id);
    const res = await sendDocument(manager, doc.id, [stranger.id]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'contactIds', code: 'document.recipient_not_contact' });
    expect((await manager.get(`/api/v1/documents/${doc.id}`)).json()).toMatchObject({ status: 'draft', number: null });
  });
});

describe('a contract from the built-in template', () => {
  it('names both parties and the agency’s signatory', async () => {
    // the agency's name as set up above (an earlier case renames it)
    await t.admin.patch('/api/v1/settings/agency', { legalName: { ru: 'ООО «Лиэзон Студио»' } });
    const doc = await createDocument(manager, account.id, {
      kind: 'contract',
      lines: [],
      periodFrom: '2026-04-01',
      periodTo: '2027-03-31',
    });
    const text = await pdfText(await pdfOf(manager, doc.id));
    expect(text).toContain('Договор (черновик)');
    expect(text).toContain('ООО «Лиэзон Студио» (далее — Исполнитель), от имени которого действует генеральный директор Иванов И. И.');
    expect(text).toContain('ООО «Ромашка» (далее — Заказчик)');
    expect(text).toContain('Договор действует с 1 апреля 2026 г. по 31 марта 2027 г. включительно.');
    expect(text).not.toMatch(/\{\{|\}\}/);
  });
});

describe('numbers', () => {
  it('stay gap-free and unique under 20 concurrent sends', async () => {
    const docs = await Promise.all(Array.from({ length: 20 }, () => createDocument(manager, account.id, { kind: 'contract', lines: [] })));
    const results = await Promise.all(docs.map((d) => sendDocument(manager, d.id, [contact.id])));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => r.json().document.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `CT-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('follow the format in the settings', async () => {
    const res = await t.admin.patch('/api/v1/settings/documents', { numberFormats: { proposal: 'КП/{YY}/{NNN}' } });
    expect(res.statusCode, res.body).toBe(200);
    const doc = await createDocument(manager, account.id, { kind: 'proposal' });
    expect((await sendDocument(manager, doc.id, [contact.id])).json().document.number).toBe('КП/26/001');
    expect((await t.admin.patch('/api/v1/settings/documents', { numberFormats: { act: 'ACT-{YYYY}' } })).statusCode).toBe(400);
  });
});

describe('a long document', () => {
  it('breaks its table across pages, repeating the header, with page numbers', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => ({ description: `Работа ${i + 1}`, quantity: 1, unitPriceMinor: 10_000 }));
    const doc = await createDocument(manager, account.id, { lines });
    const bytes = await pdfOf(manager, doc.id);
    const pages = await pdfPages(bytes);
    expect(pages).toBeGreaterThan(5);
    const text = await pdfText(bytes);
    expect(text.match(/Наименование/g)?.length).toBe(pages);
    expect(text).toContain(`Страница ${pages} из ${pages}`);
    expect(text).toContain('Работа 400');
    expect(text).toContain('Сорок тысяч рублей 00 копеек');
  });
});

describe('an invoice on paper', () => {
  it('is worded in the account’s language with its lines, totals and the total in words', async () => {
    const invoice = await issuedInvoice(manager, account.id, {
      lines: [
        { description: 'Разработка сайта', quantity: 1, unitPriceMinor: 2_000_000 },
        { description: 'SEO audit', quantity: 2, unitPriceMinor: 50_000, taxPercent: 0 },
      ],
    });
    const res = await manager.get(`/api/v1/invoices/${invoice.id}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="invoice-${invoice.number}.pdf"`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(`Счёт № ${invoice.number}`);
    expect(text).toContain('Разработка сайта');
    expect(text).toContain('SEO audit');
    expect(text).toMatch(/21\s000,00\s₽/);
    expect(text).toContain('Двадцать одна тысяча рублей 00 копеек');
  });
});
