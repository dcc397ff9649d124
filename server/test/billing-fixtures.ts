import { expect } from 'vitest';
import type { Invoice, InvoiceLineInput } from '../../common/schemas/invoice.js';
import type { Payment } from '../../common/schemas/payment.js';
import type { Caller } from './harness.js';

export const LINES: InvoiceLineInput[] = [
  { description: 'SEO audit', quantity: 1, unitPriceMinor: 100_000, taxPercent: 20 },
  { description: 'Copywriting, hours', quantity: 2.5, unitPriceMinor: 4_000 },
];

/** A draft through the API. */
export async function createDraft(by: Caller, accountId: string, lines: InvoiceLineInput[] = LINES): Promise<Invoice> {
  const res = await by.post('/api/v1/invoices', { accountId, lines });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A draft, issued (today unless a date is given). */
export async function issuedInvoice(
  by: Caller,
  accountId: string,
  opts: { lines?: InvoiceLineInput[]; issueDate?: string } = {},
): Promise<Invoice> {
  const draft = await createDraft(by, accountId, opts.lines);
  const res = await by.post(`/api/v1/invoices/${draft.id}/issue`, opts.issueDate ? { issueDate: opts.issueDate } : {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Records a payment and expects it to succeed. */
export async function pay(by: Caller, invoiceId: string, amountMinor: number, paidOn: string, key?: string): Promise<Payment> {
  const res = await by.post('/api/v1/payments', { invoiceId, amountMinor, paidOn }, key ? { 'idempotency-key': key } : {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function getInvoice(by: Caller, id: string): Promise<Invoice> {
  const res = await by.get(`/api/v1/invoices/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
