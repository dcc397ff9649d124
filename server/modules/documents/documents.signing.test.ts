import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/document.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { pdfPages, pdfText } from '../../test/pdf-text.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-03-10T10:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const SIGN = { fullName: 'Anna Alpha-Client', consent: true };

/** A document of company A, drafted and sent by its manager. */
async function sentOfA(kind: 'act' | 'contract' | 'proposal' | 'status_report' = 'act'): Promise<Document> {
  const doc = await createDocument(w.as.owner, w.accountA.id, { kind });
  const res = await sendDocument(w.as.owner, doc.id, [w.contactA.id]);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ document: Document }>().document;
}

describe('the client signs a sent act in the portal', () => {
  let act: Document;
  let sentBytes: Buffer;

  beforeAll(async () => {
    act = await sentOfA('act');
    sentBytes = (await w.as.clientA.get(`/api/v1/documents/${act.id}/pdf`)).rawPayload;
  });

  it('lets no one else sign: another company’s client and specialists 404, staff 403', async () => {
    for (const viewer of ['clientB', 'specialist'] as const) {
      expect((await w.as[viewer].post(`/api/v1/documents/${act.id}/sign`, SIGN)).statusCode, viewer).toBe(404);
      expect((await w.as[viewer].post(`/api/v1/documents/${act.id}/decline`, { reason: 'No' })).statusCode, viewer).toBe(404);
    }
    for (const viewer of ['admin', 'owner', 'finance', 'backup'] as const) {
      expect((await w.as[viewer].post(`/api/v1/documents/${act.id}/sign`, SIGN)).statusCode, viewer).toBe(403);
    }
    expect((await w.as.owner.get(`/api/v1/documents/${act.id}`)).json().can).toMatchObject({ sign: false, recordPaperSignature: true });
    expect((await w.as.clientA.get(`/api/v1/documents/${act.id}`)).json().can).toMatchObject({ sign: true, decline: true });
  });

  it('never shows a client a draft, so it cannot be signed', async () => {
    const draft = await createDocument(w.as.owner, w.accountA.id, { kind: 'contract' });
    expect((await w.as.clientA.get(`/api/v1/documents/${draft.id}`)).statusCode).toBe(404);
    expect((await w.as.clientA.post(`/api/v1/documents/${draft.id}/sign`, SIGN)).statusCode).toBe(404);
  });

  it('needs the typed name and the consent', async () => {
    const noConsent = await w.as.clientA.post(`/api/v1/documents/${act.id}/sign`, { fullName: 'Anna', consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().errors[0]).toMatchObject({ field: 'consent', code: 'document.consent_required' });
    const noName = await w.as.clientA.post(`/api/v1/documents/${act.id}/sign`, { fullName: '  ', consent: true });
    expect(noName.json().errors[0]).toMatchObject({ field: 'fullName', code: 'document.signer_name' });
  });

  it('records the name, time and address, keeps the sent bytes and adds a signed copy with a signature page', async () => {
    const res = await w.as.clientA.post(`/api/v1/documents/${act.id}/sign`, SIGN, { 'x-forwarded-for': '203.0.113.9' });
    expect(res.statusCode, res.body).toBe(200);
    const signed = res.json<Document>();
    expect(signed).toMatchObject({ status: 'signed', signedAt: '2026-03-10T10:00:00.000Z' });
    expect(signed.signature).toMatchObject({ via: 'portal', name: SIGN.fullName, userId: null, ipAddress: null });
    expect(signed.versions.map((v) => v.purpose)).toEqual(['sent', 'signed']);

    // Staff see who and from where.
    const seen = (await w.as.owner.get(`/api/v1/documents/${act.id}`)).json<Document>();
    expect(seen.signature).toMatchObject({ userId: w.as.clientA.user.id, ipAddress: '127.0.0.1' });

    // The sent version is byte for byte what the client got; the signed copy is new bytes with its own hash.
    const v1 = (await w.as.owner.get(`/api/v1/documents/${act.id}/versions/1/pdf`)).rawPayload;
    expect(v1.equals(sentBytes)).toBe(true);
    expect(seen.versions[0].sha256).toBe(sha256(sentBytes));
    const copy = (await w.as.clientA.get(`/api/v1/documents/${act.id}/pdf`)).rawPayload;
    expect(sha256(copy)).toBe(seen.versions[1].sha256);
    expect(seen.pdfSha256).toBe(seen.versions[1].sha256);
    expect(copy.equals(sentBytes)).toBe(false);
    expect(await pdfPages(copy)).toBe((await pdfPages(sentBytes)) + 1);
    const text = await pdfText(copy);
    expect(text).toContain(`${SIGN.fullName}, on behalf of Alpha Works, signed document ${act.number}`);
    expect(text).toContain(sha256(sentBytes));

    // History, timeline and audit.
    const history = (await w.as.owner.get(`/api/v1/documents/${act.id}/history`)).json().items as Array<{ kind: string; signer: string }>;
    expect(history.at(-1)).toMatchObject({ kind: 'signed', signer: SIGN.fullName });
    const timeline = (await w.as.owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=50`)).json().items as Array<{ kind: string }>;
    expect(timeline.map((e) => e.kind)).toContain('document_signed');
    const audit = (await t.admin.get(`/api/v1/audit-log?recordType=document&recordId=${act.id}`)).json().items as Array<{
      changes: Record<string, { after: unknown }>;
    }>;
    expect(audit.some((e) => e.changes.status?.after === 'signed')).toBe(true);
  });

  it('answers a second signature or a late declination with 409 and the reason', async () => {
    const again = await w.as.clientA.post(`/api/v1/documents/${act.id}/sign`, SIGN);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(`Document ${act.number} is already signed; a signed document is neither signed again nor declined.`);
    const decline = await w.as.clientA.post(`/api/v1/documents/${act.id}/decline`, { reason: 'Changed our mind' });
    expect(decline.statusCode).toBe(409);
    expect(decline.json().code).toBe('document.already_signed');
    expect((await w.as.owner.post(`/api/v1/documents/${act.id}/cancel`, { reason: 'x' })).statusCode).toBe(409);
  });
});

describe('two answers at once', () => {
  it('one signature wins; the other is told the document is already signed, and there is one signed copy', async () => {
    const contract = await sentOfA('contract');
    const answers = await Promise.all([
      w.as.clientA.post(`/api/v1/documents/${contract.id}/sign`, SIGN),
      w.as.clientA.post(`/api/v1/documents/${contract.id}/sign`, { ...SIGN, fullName: 'Anna Twice' }),
      w.as.clientA.post(`/api/v1/documents/${contract.id}/decline`, { reason: 'Too late' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const doc = (await w.as.owner.get(`/api/v1/documents/${contract.id}`)).json<Document>();
    expect(doc.versions.map((v) => v.purpose)).toEqual(['sent', 'signed']);
  });
});

describe('declining, kinds that are not signed, and paper copies', () => {
  it('a declined contract keeps the reason and is then neither signed nor sent', async () => {
    const contract = await sentOfA('contract');
    const res = await w.as.clientA.post(`/api/v1/documents/${contract.id}/decline`, { reason: 'The fee is not what we agreed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Document>()).toMatchObject({ status: 'declined', declination: { reason: 'The fee is not what we agreed' } });
    expect((await w.as.clientA.post(`/api/v1/documents/${contract.id}/sign`, SIGN)).json().code).toBe('document.already_declined');
    expect((await w.as.clientA.post(`/api/v1/documents/${contract.id}/decline`, { reason: ' ' })).statusCode).toBe(400);
    const seen = (await w.as.owner.get(`/api/v1/documents/${contract.id}`)).json<Document>();
    expect(seen.declination).toMatchObject({ name: w.as.clientA.user.name, userId: w.as.clientA.user.id });
  });

  it('a status report is read, not signed', async () => {
    const report = await sentOfA('status_report');
    const res = await w.as.clientA.post(`/api/v1/documents/${report.id}/sign`, SIGN);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('document.not_signable');
  });

  it('the manager records a signed paper copy: a PDF scan up to 10 MB, checked by content', async () => {
    const proposal = await sentOfA('proposal');
    const url = `/api/v1/documents/${proposal.id}/signed-copy?signerName=${encodeURIComponent('Anna Alpha')}`;
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 1), Buffer.from('\n%%EOF\n')]);
    const pdf = { 'content-type': 'application/pdf' };
    expect((await w.as.owner.put(url, Buffer.from('<html>not a pdf</html>'), pdf)).statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
    expect((await w.as.owner.put(url, big, pdf)).statusCode).toBe(413);
    expect((await w.as.clientA.put(url, scan, pdf)).statusCode).toBe(403);
    expect((await w.as.nonOwner.put(url, scan, pdf)).statusCode).toBe(404);
    expect((await w.as.owner.get(`/api/v1/documents/${proposal.id}`)).json().status).toBe('sent');

    const res = await w.as.owner.put(url, scan, pdf);
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json<Document>();
    expect(doc).toMatchObject({ status: 'signed', signature: { via: 'paper', name: 'Anna Alpha' } });
    expect(doc.versions.map((v) => [v.purpose, v.sha256])).toEqual([
      ['sent', expect.any(String)],
      ['paper', sha256(scan)],
    ]);
    expect((await w.as.clientA.get(`/api/v1/documents/${proposal.id}/pdf`)).rawPayload.equals(scan)).toBe(true);
    expect((await w.as.owner.put(url, scan, pdf)).statusCode).toBe(409);
  });
});
