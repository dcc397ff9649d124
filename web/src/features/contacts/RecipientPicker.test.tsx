import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { RecipientPicker } from './RecipientPicker';

const contact = (id: string, firstName: string, email: string | null) => ({ id, firstName, lastName: 'Client', email });

function answerWith(status: number, body: unknown) {
  const fetch = vi.fn(
    async (_url: RequestInfo | URL) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const show = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MantineProvider>
        <RecipientPicker
          accountId="acc-1"
          enabled
          label="Send to"
          value={null}
          onChange={() => undefined}
          noRecipients="Nobody here has an email"
          testId="recipient"
        >
          <p>The rest of the form</p>
        </RecipientPicker>
      </MantineProvider>
    </QueryClientProvider>,
  );

describe('choosing a recipient among the account’s contacts', () => {
  beforeAll(() => i18n.changeLanguage('en'));
  afterEach(() => vi.unstubAllGlobals());

  it('offers only the contacts with an email, then the rest of the form', async () => {
    const fetch = answerWith(200, {
      items: [contact('c1', 'Lena', 'lena@client.test'), contact('c2', 'Ivan', null)],
      nextCursor: null,
    });
    show();
    expect(await screen.findByText('The rest of the form')).toBeTruthy();
    expect(fetch.mock.calls[0][0]).toContain('accountId=acc-1');
    fireEvent.click(screen.getByTestId('recipient'));
    expect(await screen.findByRole('option', { name: 'Lena Client · lena@client.test', hidden: true })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Ivan/, hidden: true })).toBeNull();
  });

  it('says when no contact has an email, and shows no form', async () => {
    answerWith(200, { items: [contact('c2', 'Ivan', null)], nextCursor: null });
    show();
    expect(await screen.findByText('Nobody here has an email')).toBeTruthy();
    expect(screen.queryByText('The rest of the form')).toBeNull();
  });

  it('says when the contacts did not load', async () => {
    answerWith(500, { title: 'Internal Server Error', status: 500 });
    show();
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('The rest of the form')).toBeNull();
  });
});
