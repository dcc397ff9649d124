import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublicProposal } from '@common/schemas/proposal';
import i18n from '../../i18n';
import { acceptByLink, declineByLink } from './api';
import { ProposalLinesTable } from './ProposalParts';
import { PublicDecision } from './PublicDecision';

const decided = { status: 'declined', decidedAt: '2026-12-01T10:00:00Z' } as PublicProposal;

function answerWith(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const show = (onDecided = vi.fn(), onStale = vi.fn()) => {
  render(
    <MantineProvider>
      <PublicDecision
        accept={(name) => acceptByLink('t0k3n', name)}
        decline={(reason) => declineByLink('t0k3n', reason)}
        onDecided={onDecided}
        onStale={onStale}
      />
    </MantineProvider>,
  );
  return { onDecided, onStale };
};

describe('the client’s answer on a proposal link', () => {
  beforeAll(() => i18n.changeLanguage('en'));
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a reason before declining, and sends nothing without one', async () => {
    const fetch = answerWith(200, decided);
    show();
    fireEvent.click(screen.getByTestId('proposal-decline'));
    expect(await screen.findByText('Say why you decline')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('declines with the reason typed and hands the answer back', async () => {
    const fetch = answerWith(200, decided);
    const { onDecided } = show();
    fireEvent.change(screen.getByLabelText(/Why do you decline/), { target: { value: ' Too expensive ' } });
    fireEvent.click(screen.getByTestId('proposal-decline'));
    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(decided));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/public/proposals/t0k3n/decline');
    expect(JSON.parse(init.body as string)).toEqual({ reason: 'Too expensive' });
  });

  it('accepts without a name, and reads the link again when someone decided meanwhile', async () => {
    const fetch = answerWith(409, { status: 409, title: 'Conflict', code: 'proposal.decided', params: { status: 'accepted' } });
    const { onDecided, onStale } = show();
    fireEvent.click(screen.getByTestId('proposal-accept'));
    await waitFor(() => expect(onStale).toHaveBeenCalled());
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ name: null });
    expect(onDecided).not.toHaveBeenCalled();
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});

describe('a proposal’s lines', () => {
  it('shows the subtotal and the account’s discount only when there is one, and the total', () => {
    const item = {
      kind: 'item' as const,
      description: 'SEO audit',
      quantity: 2,
      unitPriceMinor: 50_000,
      discountPercent: 10,
      totalMinor: 90_000,
    };
    const loyalty = {
      kind: 'loyalty' as const,
      description: 'Loyal client',
      quantity: 1,
      unitPriceMinor: -4_500,
      discountPercent: 5,
      totalMinor: -4_500,
    };
    const { rerender } = render(
      <MantineProvider>
        <ProposalLinesTable content={{ lines: [item], subtotalMinor: 90_000, discountMinor: 0, totalMinor: 90_000 }} currency="EUR" />
      </MantineProvider>,
    );
    expect(screen.queryByTestId('proposal-subtotal')).toBeNull();
    expect(screen.getByTestId('proposal-total').textContent).toBe('€900.00');
    rerender(
      <MantineProvider>
        <ProposalLinesTable
          content={{ lines: [item, loyalty], subtotalMinor: 90_000, discountMinor: -4_500, totalMinor: 85_500 }}
          currency="EUR"
        />
      </MantineProvider>,
    );
    expect(screen.getAllByTestId('proposal-line')).toHaveLength(1);
    expect(screen.getByTestId('proposal-subtotal').textContent).toBe('€900.00');
    expect(screen.getByText('Account discount 5%: Loyal client')).toBeTruthy();
    expect(screen.getByTestId('proposal-total').textContent).toBe('€855.00');
  });
});
