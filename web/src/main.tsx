import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError, onUnauthorized } from './api/client';
import './i18n';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Only a lost connection or a server hiccup is worth retrying; a 4xx will not change.
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});
const router = createAppRouter(queryClient);

// The session ended (expired or signed out elsewhere): sign in again, then come back here.
onUnauthorized(() => {
  const { pathname, search } = window.location;
  if (pathname === '/sign-in' || pathname === '/setup') return;
  queryClient.clear();
  void router.navigate({ to: '/sign-in', search: { next: pathname + search } });
});

const colorSchemeManager = localStorageColorSchemeManager({ key: 'liaison.color-scheme' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="light"
    >
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
