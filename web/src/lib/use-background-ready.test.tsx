import { waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordGate } from '../components/RecordGate';
import { useBackgroundReady } from './use-background-ready';

// Rendered without act(), which would flush the background render at once and hide the order.
const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let actEnvironment: boolean | undefined;
let container: HTMLElement;
let root: Root;
beforeEach(() => {
  actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
  scope.IS_REACT_ACT_ENVIRONMENT = false;
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  root.unmount();
  container.remove();
  scope.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
});

function Probe({ ready }: { ready: boolean }) {
  return <p>{useBackgroundReady(ready) ? 'content' : 'loading'}</p>;
}

describe('useBackgroundReady', () => {
  it('turns true only in a render after the urgent one', async () => {
    flushSync(() => root.render(<Probe ready={false} />));
    expect(container.textContent).toBe('loading');

    flushSync(() => root.render(<Probe ready />));
    expect(container.textContent).toBe('loading');
    await waitFor(() => expect(container.textContent).toBe('content'));

    // Once shown, content stays in urgent renders; and it goes at once when no longer ready.
    flushSync(() => root.render(<Probe ready />));
    expect(container.textContent).toBe('content');
    flushSync(() => root.render(<Probe ready={false} />));
    expect(container.textContent).toBe('loading');
  });

  it('defers a record that is already loaded: the loader shows first, then the record', async () => {
    const client = new QueryClient();
    client.setQueryData(['account'], { name: 'Northwind' });
    function Page() {
      const query = useQuery({ queryKey: ['account'], queryFn: () => ({ name: 'Northwind' }), staleTime: Infinity });
      return <RecordGate query={query}>{(account) => <h1>{account.name}</h1>}</RecordGate>;
    }
    flushSync(() =>
      root.render(
        <MantineProvider>
          <QueryClientProvider client={client}>
            <Page />
          </QueryClientProvider>
        </MantineProvider>,
      ),
    );
    expect(container.querySelector('h1')).toBeNull();
    expect(container.querySelector('[role="status"]')).not.toBeNull();
    await waitFor(() => expect(container.querySelector('h1')?.textContent).toBe('Northwind'));
    expect(container.querySelector('[role="status"]')).toBeNull();
  });
});
