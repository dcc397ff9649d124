import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../../common/schemas/invoice.js';
import type { Payment } from '../../../common/schemas/payment.js';
import { createDraft, issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, VIEWERS, type Viewer, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let issuedA: Invoice;
let draftA: Invoice;
let issuedB: Invoice;
let paymentA: Payment;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  issuedA = await issuedInvoice(w.as.owner, w.accountA.id);
  draftA = await createDraft(w.as.owner, w.accountA.id);
  issuedB = await issuedInvoice(w.as.nonOwner, w.accountB.id);
  paymentA = await pay(w.as.owner, issuedA.id, 1_000, '2026-03-02');
});
afterAll(() => t.close());

type Expect = Record<Viewer, number>;
const row = (
  admin: number,
  owner: number,
  nonOwner: number,
  backup: number,
  specialist: number,
  finance: number,
  clientA: number,
  clientB: number,
): Expect => ({
  admin,
  owner,
  nonOwner,
  backup,
  specialist,
  finance,
  clientA,
  clientB,
});

describe('who sees which invoices', () => {
  it('lists: finance and admins all; a manager their accounts; a client their company’s issued ones; a specialist none', async () => {
    const expected: Record<Viewer, string[] | 403> = {
      admin: [issuedA.id, draftA.id, issuedB.id],
      finance: [issuedA.id, draftA.id, issuedB.id],
      owner: [issuedA.id, draftA.id],
      backup: [issuedA.id, draftA.id],
      nonOwner: [issuedB.id],
      clientA: [issuedA.id],
      clientB: [issuedB.id],
      specialist: 403,
    };
    for (const viewer of VIEWERS) {
      const res = await w.as[viewer].get('/api/v1/invoices?limit=200');
      if (expected[viewer] === 403) {
        expect(res.statusCode, viewer).toBe(403);
        continue;
      }
      expect(res.statusCode, viewer).toBe(200);
      expect(
        res
          .json()
          .items.map((i: Invoice) => i.id)
          .sort(),
        viewer,
      ).toEqual([...expected[viewer]].sort());
    }
  });

  const reads: Array<[string, () => string, Expect]> = [
    ['an issued invoice', () => `/api/v1/invoices/${issuedA.id}`, row(200, 200, 404, 200, 404, 200, 200, 404)],
    ['a draft', () => `/api/v1/invoices/${draftA.id}`, row(200, 200, 404, 200, 404, 200, 404, 404)],
    ['a payment', () => `/api/v1/payments/${paymentA.id}`, row(200, 200, 404, 200, 404, 200, 200, 404)],
    ['exposure', () => `/api/v1/accounts/${w.accountA.id}/exposure`, row(200, 200, 404, 200, 404, 200, 404, 404)],
    ['the statement', () => `/api/v1/accounts/${w.accountA.id}/statement`, row(200, 200, 404, 200, 404, 200, 200, 404)],
    ['the receivables report', () => '/api/v1/reports/receivables', row(200, 200, 200, 200, 403, 200, 403, 403)],
    ['billing follow-ups', () => '/api/v1/billing-actions', row(200, 200, 200, 200, 403, 200, 403, 403)],
    ['follow-up emails', () => '/api/v1/follow-ups', row(200, 200, 200, 200, 403, 200, 403, 403)],
  ];
  for (const [what, url, expected] of reads) {
    it(`reading ${what}`, async () => {
      for (const viewer of VIEWERS) expect((await w.as[viewer].get(url())).statusCode, `${viewer} reading ${what}`).toBe(expected[viewer]);
    });
  }

  it('the receivables report shows a manager only their accounts', async () => {
    const names = async (viewer: Viewer) =>
      (await w.as[viewer].get('/api/v1/reports/receivables')).json().items.map((r: { name: string }) => r.name);
    expect(await names('owner')).toEqual(['Alpha Works']);
    expect(await names('backup')).toEqual(['Alpha Works']);
    expect(await names('nonOwner')).toEqual(['Beta Studio']);
    expect(await names('finance')).toEqual(['Alpha Works', 'Beta Studio']);
  });
});

describe('who changes billing', () => {
  const writes: Array<[string, () => [string, unknown], Expect]> = [
    [
      'creates a draft',
      () => [`/api/v1/invoices`, { accountId: w.accountA.id, lines: [{ description: 'x', quantity: 1, unitPriceMinor: 100 }] }],
      row(201, 201, 404, 403, 403, 201, 403, 403),
    ],
    [
      'records a payment',
      () => [`/api/v1/payments`, { invoiceId: issuedA.id, amountMinor: 1, paidOn: '2026-03-02' }],
      row(201, 201, 400, 403, 400, 201, 403, 400),
    ],
    ['voids an invoice', () => [`/api/v1/invoices/${draftA.id}/void`, { reason: 'access test' }], row(0, 0, 404, 403, 404, 0, 404, 404)],
    [
      'lifts stop-work',
      () => [`/api/v1/accounts/${w.accountA.id}/stop-work/lift`, { reason: 'paid' }],
      row(0, 403, 403, 403, 403, 0, 403, 403),
    ],
    ['runs follow-ups', () => ['/api/v1/follow-ups/run', undefined], row(0, 403, 403, 403, 403, 403, 403, 403)],
  ];
  for (const [what, request, expected] of writes) {
    it(`who ${what}`, async () => {
      for (const viewer of VIEWERS) {
        if (expected[viewer] === 0) continue; // allowed; proven elsewhere without side effects on this world
        const [url, body] = request();
        expect((await w.as[viewer].post(url, body)).statusCode, `${viewer} ${what}`).toBe(expected[viewer]);
      }
    });
  }

  it('finance and admins set and lift stop-work; the lift is in the audit log', async () => {
    const set = await w.as.finance.post(`/api/v1/accounts/${w.accountB.id}/stop-work`, { reason: 'Disputed invoices' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().stopWork.reason).toBe('Disputed invoices');
    const lift = await w.as.admin.post(`/api/v1/accounts/${w.accountB.id}/stop-work/lift`, { reason: 'Agreed a payment plan' });
    expect(lift.statusCode, lift.body).toBe(200);
    expect(lift.json().stopWork).toBeNull();
    const audit = (await t.admin.get(`/api/v1/audit-log?recordId=${w.accountB.id}&limit=50`)).json().items;
    const entry = audit.find((a: { changes: Record<string, { after: unknown }> }) => a.changes.liftReason);
    expect(entry).toMatchObject({ actorId: w.as.admin.user.id, changes: { liftReason: { after: 'Agreed a payment plan' } } });
  });
});
