/** Invoices, payments, receivables, statements, credit warnings and follow-ups: queries and writes. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BillingAction, BillingSettings, FollowUpEmail, FollowUpRun } from '@common/schemas/billing';
import type { CreditNoteCreate, Invoice, InvoiceCreate, InvoiceIssuedSchema, InvoiceUpdate } from '@common/schemas/invoice';
import type { Payment, PaymentCreate } from '@common/schemas/payment';
import type { Exposure, ReceivablesReport, Statement } from '@common/schemas/receivables';
import { api, ApiError, buildUrl, request, type Query } from '../../api/client';
import { parseProblem } from '../../api/errors';

export type IssuedInvoice = z.infer<typeof InvoiceIssuedSchema>;
export type { BillingAction, FollowUpEmail, FollowUpRun, Invoice, Payment };

export const invoiceQuery = (id: string) =>
  queryOptions({ queryKey: ['invoices', id], queryFn: () => api.get<Invoice>(`/invoices/${id}`) });

export const invoicePaymentsQuery = (invoiceId: string) =>
  queryOptions({
    queryKey: ['payments', 'invoice', invoiceId],
    queryFn: () => api.get<{ items: Payment[] }>('/payments', { invoiceId, limit: 200 }),
    select: (page) => page.items,
  });

export interface InvoiceFollowUp {
  levelDays: number;
  runDate: string;
  emailId: string | null;
  emailStatus: 'pending' | 'sent' | 'failed' | null;
  lastError: string | null;
}

export const invoiceFollowUpsQuery = (invoiceId: string) =>
  queryOptions({
    queryKey: ['follow-ups', 'invoice', invoiceId],
    queryFn: () => api.get<{ items: InvoiceFollowUp[] }>(`/invoices/${invoiceId}/follow-ups`),
    select: (page) => page.items,
  });

/** What the account owes and the warnings to show before adding `addingMinor` more. */
export const exposureQuery = (accountId: string, addingMinor = 0) =>
  queryOptions({
    queryKey: ['exposure', accountId, addingMinor],
    queryFn: () => api.get<Exposure>(`/accounts/${accountId}/exposure`, { addingMinor }),
  });

export const receivablesQuery = (query: Query) =>
  queryOptions({
    queryKey: ['reports', 'receivables', query],
    queryFn: () => api.get<ReceivablesReport>('/reports/receivables', query),
  });

export const statementQuery = (accountId: string, query: Query) =>
  queryOptions({
    queryKey: ['statement', accountId, query],
    queryFn: () => api.get<Statement>(`/accounts/${accountId}/statement`, query),
  });

export const billingSettingsQuery = queryOptions({
  queryKey: ['settings', 'billing'],
  queryFn: () => api.get<BillingSettings>('/settings/billing'),
  staleTime: 5 * 60_000,
});

/** A CSV download link for a report; the browser sends the session cookie with it. */
export const csvUrl = (path: string, query: Query = {}) => buildUrl(path, query);

/** Any money write changes invoices, payments, receivables, exposure, accounts' flags and the timeline: refresh them all. */
function useMoneyChanged() {
  const queryClient = useQueryClient();
  return (invoice?: Invoice, accountId = invoice?.accountId) => {
    if (invoice) queryClient.setQueryData(invoiceQuery(invoice.id).queryKey, invoice);
    for (const key of ['invoices', 'payments', 'reports', 'exposure', 'statement', 'follow-ups', 'billing-actions', 'accounts']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
    if (accountId) void queryClient.invalidateQueries({ queryKey: ['timeline', accountId] });
  };
}

export function useSaveDraft() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ invoice, body }: { invoice?: Invoice; body: InvoiceCreate | InvoiceUpdate }) =>
      invoice ? api.patch<Invoice>(`/invoices/${invoice.id}`, body, invoice.version) : api.post<Invoice>('/invoices', body),
    onSuccess: (saved) => changed(saved),
  });
}

export function useIssueInvoice() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ invoice, issueDate }: { invoice: Invoice; issueDate?: string }) =>
      request<IssuedInvoice>(`/invoices/${invoice.id}/issue`, {
        method: 'POST',
        body: issueDate ? { issueDate } : {},
        version: invoice.version,
      }),
    onSuccess: (issued) => changed(issued),
  });
}

export function useVoidInvoice() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ invoice, reason }: { invoice: Invoice; reason: string }) =>
      api.post<Invoice>(`/invoices/${invoice.id}/void`, { reason }),
    onSuccess: (voided) => changed(voided),
  });
}

export function useCreditNote() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ invoice, body }: { invoice: Invoice; body: CreditNoteCreate }) =>
      api.post<Invoice>(`/invoices/${invoice.id}/credit-note`, body),
    onSuccess: () => changed(),
  });
}

/** Records a payment; the key makes a double click or a retried request record it once. */
export function useRecordPayment() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: PaymentCreate; idempotencyKey: string }) =>
      fetchWithKey<Payment>('/payments', body, idempotencyKey),
    onSuccess: () => changed(),
  });
}

export function useReversePayment() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ payment, reason }: { payment: Payment; reason: string }) =>
      api.post<Payment>(`/payments/${payment.id}/reverse`, { reason }),
    onSuccess: () => changed(),
  });
}

export function useStopWork() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ accountId, reason, lift }: { accountId: string; reason: string; lift: boolean }) =>
      api.post<Exposure>(`/accounts/${accountId}/stop-work${lift ? '/lift' : ''}`, { reason }),
    onSuccess: (_, { accountId }) => changed(undefined, accountId),
  });
}

export function useCompleteAction() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: (action: BillingAction) => api.post<BillingAction>(`/billing-actions/${action.id}/done`),
    onSuccess: () => changed(),
  });
}

export function useRunFollowUps() {
  const changed = useMoneyChanged();
  return useMutation({ mutationFn: () => api.post<FollowUpRun>('/follow-ups/run'), onSuccess: () => changed() });
}

export function useRetryEmail() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: (email: FollowUpEmail) => api.post<FollowUpEmail>(`/follow-ups/${email.id}/retry`),
    onSuccess: () => changed(),
  });
}

/** A POST with an Idempotency-Key header, which the shared client has no option for. */
async function fetchWithKey<T>(path: string, body: unknown, key: string): Promise<T> {
  const response = await fetch(buildUrl(path), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  }).catch((cause: unknown) => {
    throw new ApiError({ status: 0, title: 'Network error', detail: String(cause) });
  });
  if (!response.ok) throw await parseProblem(response);
  return (await response.json()) as T;
}
