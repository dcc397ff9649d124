import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { invoicePaymentsQuery, type Invoice, type Payment } from './api';
import { InvoicePayments } from './InvoiceHistory';

const payment = (id: string, reverse: boolean): Payment => ({
  id,
  version: 1,
  createdAt: '2026-03-02T10:00:00Z',
  updatedAt: '2026-03-02T10:00:00Z',
  invoiceId: 'i1',
  invoiceNumber: '2026-000001',
  accountId: 'a1',
  amountMinor: 10_000,
  currency: 'EUR',
  paidOn: '2026-03-02',
  method: 'bank',
  reference: id,
  status: reverse ? 'recorded' : 'reversed',
  recordedBy: 'u1',
  reversedAt: null,
  reversalReason: null,
  can: { reverse },
});

function renderPayments(items: Payment[]) {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
  client.setQueryData(invoicePaymentsQuery('i1').queryKey, { items });
  render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <InvoicePayments invoice={{ id: 'i1' } as Invoice} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('the payments of an invoice', () => {
  beforeAll(() => i18n.changeLanguage('en'));

  it('offers to reverse exactly the payments that say it may be done', () => {
    renderPayments([payment('p1', true), payment('p2', false)]);
    const rows = screen.getAllByTestId('payment-row');
    expect(rows.map((row) => row.querySelectorAll('button').length)).toEqual([1, 0]);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Export payments', 'Reverse']);
  });

  it('exports the invoice’s payments, and only them, from the section’s Export menu', async () => {
    renderPayments([payment('p1', true)]);
    fireEvent.click(screen.getByRole('button', { name: 'Export payments' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.getAttribute('href'))).toEqual([
      '/api/v1/payments.csv?invoiceId=i1',
      '/api/v1/payments.csv?invoiceId=i1&delimiter=semicolon',
      '/api/v1/payments.xlsx?invoiceId=i1',
    ]);
  });

  it('offers no export while the invoice has no payment', () => {
    renderPayments([]);
    expect(screen.queryByRole('button', { name: 'Export payments' })).toBeNull();
  });
});
