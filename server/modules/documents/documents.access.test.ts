import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../../common/schemas/agency.js';
import { createDraft, issuedInvoice } from '../../test/billing-fixtures.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let sink: SmtpSink;
const doc: Record<'draft' | 'sentContract' | 'sentOther' | 'sentB', string> = {} as never;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-03-10T10:00:00.000Z' });
  w = await buildWorld(t);
  doc.draft = (await createDocument(w.as.owner, w.accountA.id, { kind: 'contract' })).id;
  doc.sentContract = (await createDocument(w.as.owner, w.accountA.id, { kind: 'contract', title: '=HYPERLINK("http://evil")' })).id;
  doc.sentOther = (await createDocument(w.as.owner, w.accountA.id, { kind: 'other' })).id;
  doc.sentB = (await createDocument(w.as.nonOwner, w.accountB.id)).id;
  for (const id of [doc.sentContract, doc.sentOther]) expect((await sendDocument(w.as.owner, id, [w.contactA.id])).statusCode).toBe(200);
  expect((await sendDocument(w.as.nonOwner, doc.sentB, [w.contactB.id])).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const ids = async (viewer: keyof World['as']) => {
  const res = await w.as[viewer].get('/api/v1/documents?limit=200');
  return res.statusCode === 200 ? (res.json().items as Array<{ id: string }>).map((d) => d.id).sort() : res.statusCode;
};

describe('who sees which documents', () => {
  it('a client sees only their company’s sent documents of client kinds, never drafts or internal ones', async () => {
    expect(await ids('clientA')).toEqual([doc.sentContract]);
    for (const id of [doc.draft, doc.sentOther, doc.sentB])
      expect((await w.as.clientA.get(`/api/v1/documents/${id}`)).statusCode).toBe(404);
    expect((await w.as.clientB.get(`/api/v1/documents/${doc.sentContract}`)).statusCode).toBe(404);
    expect((await w.as.clientB.get(`/api/v1/documents/${doc.sentContract}/pdf`)).statusCode).toBe(404);
    const pdf = await w.as.clientA.get(`/api/v1/documents/${doc.sentContract}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect((await w.as.clientA.get(`/api/v1/documents/${doc.sentContract}/history`)).statusCode).toBe(403);
  });

  it('a specialist sees none; finance all; a manager only their accounts’', async () => {
    expect(await ids('specialist')).toBe(403);
    expect((await w.as.specialist.get(`/api/v1/documents/${doc.sentContract}`)).statusCode).toBe(404);
    expect(await ids('finance')).toEqual(Object.values(doc).sort());
    expect(await ids('nonOwner')).toEqual([doc.sentB]);
    expect((await w.as.nonOwner.get(`/api/v1/documents/${doc.draft}/pdf`)).statusCode).toBe(404);
  });

  it('a manager drafts only for accounts they own (backup: 403, someone else’s: 400 as if it did not exist)', async () => {
    const backup = await w.as.backup.post('/api/v1/documents', { kind: 'act', accountId: w.accountA.id });
    expect(backup.statusCode).toBe(403);
    const stranger = await w.as.nonOwner.post('/api/v1/documents', { kind: 'act', accountId: w.accountA.id });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ field: 'accountId', code: 'account.no_such_account' });
    const client = await w.as.clientA.post('/api/v1/documents', { kind: 'act', accountId: w.accountA.id });
    expect(client.statusCode).toBe(403);
  });
});

describe('the registry', () => {
  it('filters by kind, status, account and period', async () => {
    const q = (query: string) =>
      w.as.finance.get(`/api/v1/documents?${query}`).then((r) => (r.json().items as Array<{ id: string }>).map((d) => d.id).sort());
    expect(await q('kind=contract')).toEqual([doc.draft, doc.sentContract].sort());
    expect(await q('status=draft')).toEqual([doc.draft]);
    expect(await q(`accountId=${w.accountB.id}`)).toEqual([doc.sentB]);
    expect(await q('from=2026-03-10&to=2026-03-10')).toHaveLength(4);
    expect(await q('from=2026-03-11')).toEqual([]);
    expect(await q('to=2026-03-09')).toEqual([]);
    expect(await q('q=HYPERLINK')).toEqual([doc.sentContract]);
    expect(await q('q=ACT-2026-0001')).toEqual([doc.sentB]);
  });

  it('pages with a cursor', async () => {
    const first = (await w.as.finance.get('/api/v1/documents?limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await w.as.finance.get(`/api/v1/documents?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect((await w.as.finance.get('/api/v1/documents?cursor=garbage')).statusCode).toBe(400);
  });

  it('exports CSV with formula-looking text neutralised', async () => {
    const res = await w.as.finance.get('/api/v1/documents.csv?kind=contract&status=sent');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Number,Kind,Status,Title');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('CT-2026-0001');
  });
});

describe('templates', () => {
  it.each([
    ['{{constructor}}', 'template.unknown_placeholder'],
    ['{{account.__proto__}}', 'template.unknown_placeholder'],
    ['{{> header}}', 'template.not_allowed'],
    ['{{#account.name}}x{{/account.name}}', 'template.not_allowed'],
    ['{{{account.name}}}', 'template.not_allowed'],
    ['{{=<% %>=}}<% constructor %>', 'template.not_allowed'],
    ['{{ account.name', 'template.syntax'],
  ])('refuses %s when saved and when previewed', async (text, code) => {
    const save = await t.admin.put('/api/v1/document-templates/contract', { blocks: { en: { terms: text } } });
    expect(save.statusCode).toBe(400);
    expect(save.json().errors[0]).toMatchObject({ field: 'blocks.en.terms', code });
    const preview = await t.admin.post('/api/v1/document-templates/contract/preview', { language: 'en', blocks: { terms: text } });
    expect(preview.statusCode).toBe(400);
  });

  it('names the unknown placeholder, refuses unknown blocks, and is for admins only', async () => {
    const res = await t.admin.put('/api/v1/document-templates/act', { blocks: { ru: { intro: 'Для {{account.inn}}' } } });
    expect(res.json().errors[0].message).toContain('{{account.inn}}');
    expect((await t.admin.put('/api/v1/document-templates/act', { blocks: { en: { footer: 'x' } } })).json().errors[0].code).toBe(
      'template.unknown_block',
    );
    expect((await w.as.owner.get('/api/v1/document-templates')).statusCode).toBe(403);
  });

  it('previews a kind with sample data and the unsaved wording', async () => {
    const res = await t.admin.post('/api/v1/document-templates/proposal/preview', {
      language: 'en',
      blocks: { intro: 'Dear {{account.name}}, here is our offer.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Dear Northwind Traders Ltd, here is our offer.');
    expect(text).toContain('Commercial proposal');
  });
});

describe('agency details and logo', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    'base64',
  );
  const upload = (body: Buffer, type = 'image/png') => t.admin.put('/api/v1/settings/agency/logo', body, { 'content-type': type });

  it('lets staff read the details, only admins change them, with If-Match', async () => {
    const read = await w.as.owner.get('/api/v1/settings/agency');
    expect(read.statusCode).toBe(200);
    expect(read.json().can.update).toBe(false);
    expect((await w.as.owner.patch('/api/v1/settings/agency', { name: 'Mine' })).statusCode).toBe(403);
    expect((await w.as.clientA.get('/api/v1/settings/agency')).statusCode).toBe(403);
    const version = read.json().version;
    const ok = await t.admin.patch(
      '/api/v1/settings/agency',
      { address: { en: '1 Main St', ru: 'ул. Главная, 1' } },
      { 'if-match': `"${version}"` },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().address).toEqual({ en: '1 Main St', ru: 'ул. Главная, 1' });
    expect((await t.admin.patch('/api/v1/settings/agency', { name: 'Stale' }, { 'if-match': `"${version}"` })).statusCode).toBe(412);
  });

  it('takes a PNG by its content whatever it is called, and serves it back', async () => {
    const res = await upload(png, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().logo).toMatchObject({ contentType: 'image/png', byteSize: png.length });
    const back = await w.as.owner.get('/api/v1/settings/agency/logo');
    expect(Buffer.compare(back.rawPayload, png)).toBe(0);
  });

  it('refuses a file that is not an image (415), even when it claims to be one', async () => {
    const res = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('agency.logo_type');
  });

  it('refuses more than 1 MB (413)', async () => {
    const big = Buffer.concat([png, Buffer.alloc(LOGO_MAX_BYTES)]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('agency.logo_too_large');
  });

  it('keeps an SVG only as the PNG drawn from it, so no script in it survives', async () => {
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" onload="alert(1)"><script>alert(2)</script><rect width="120" height="40" fill="#1c7ed6"/><text x="10" y="28">Лого</text></svg>';
    const res = await upload(Buffer.from(svg), 'image/svg+xml');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().logo.contentType).toBe('image/png');
    const back = (await t.admin.get('/api/v1/settings/agency/logo')).rawPayload;
    expect(back.subarray(1, 4).toString()).toBe('PNG');
    expect(back.includes(Buffer.from('script'))).toBe(false);
  });

  it('prints the logo and details on documents', async () => {
    const d = await createDocument(w.as.owner, w.accountA.id, { kind: 'proposal', language: 'en' });
    const pdf = (await w.as.owner.get(`/api/v1/documents/${d.id}/pdf`)).rawPayload;
    expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
    expect(await pdfText(pdf)).toContain('1 Main St');
  });
});

describe('invoice PDFs', () => {
  it('are read by whoever may read the invoice, and sent by email with the PDF', async () => {
    const invoice = await issuedInvoice(w.as.owner, w.accountA.id);
    for (const viewer of ['owner', 'backup', 'finance', 'clientA'] as const) {
      expect((await w.as[viewer].get(`/api/v1/invoices/${invoice.id}/pdf`)).statusCode, viewer).toBe(200);
    }
    for (const viewer of ['clientB', 'specialist', 'nonOwner'] as const) {
      expect((await w.as[viewer].get(`/api/v1/invoices/${invoice.id}/pdf`)).statusCode, viewer).toBe(404);
    }
    const text = await pdfText((await w.as.clientA.get(`/api/v1/invoices/${invoice.id}/pdf`)).rawPayload);
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain('SEO audit');
    expect(text).toContain('Copywriting, hours');
    expect(text).toContain('€1,300.00');
    expect((await w.as.owner.get(`/api/v1/invoices/${invoice.id}`)).json().can.send).toBe(true);
    expect((await w.as.clientA.get(`/api/v1/invoices/${invoice.id}`)).json().can.send).toBe(false);
    sink.clear();
    const sent = await w.as.owner.post(`/api/v1/invoices/${invoice.id}/send`, { contactIds: [w.contactA.id] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0].attachments[0]).toMatchObject({ filename: `invoice-${invoice.number}.pdf`, contentType: 'application/pdf' });
    expect((await w.as.backup.post(`/api/v1/invoices/${invoice.id}/send`, { contactIds: [w.contactA.id] })).statusCode).toBe(403);
    const timeline = (await w.as.owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=100`)).json().items;
    expect(timeline.some((e: { kind: string }) => e.kind === 'invoice_emailed')).toBe(true);
  });

  it('are not sent while a draft or once void (409 with the reason)', async () => {
    const draft = await createDraft(w.as.owner, w.accountA.id);
    expect(draft.can.send).toBe(false);
    const res = await w.as.owner.post(`/api/v1/invoices/${draft.id}/send`, { contactIds: [w.contactA.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invoice.send_draft');
    expect((await w.as.owner.post(`/api/v1/invoices/${draft.id}/void`, { reason: 'Not needed' })).statusCode).toBe(200);
    const voided = await w.as.owner.post(`/api/v1/invoices/${draft.id}/send`, { contactIds: [w.contactA.id] });
    expect(voided.json().code).toBe('invoice.send_void');
  });
});
