// Mantine's global styles; each component's own sheet comes with its code (scripts/vite-mantine-css.ts).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import './zod-config';
import { lazy, startTransition, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError, onUnauthorized } from './api/client';
import { cookieColorSchemeManager } from './color-scheme';
import { i18nReady } from './i18n';
import { useAnyToastShown } from './lib/notify';
import { createAppRouter, preloadPageCode } from './router';
import { cssVariablesResolver, theme } from './theme';

// Development serves Mantine pre-bundled, without the per-component sheets of a build.
if (import.meta.env.DEV) await import('@mantine/core/styles.layer.css');

// Toasts appear only after something happened; their code loads with the first one.
const Notifications = lazy(() => import('./notifications'));

function Toasts() {
  return useAnyToastShown() ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}

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
// The page's code downloads while the session is checked, rather than after.
preloadPageCode(router, window.location.pathname);

// The session ended (expired or signed out elsewhere): sign in again, then come back here.
onUnauthorized(() => {
  const { pathname, search } = window.location;
  if (pathname === '/sign-in' || pathname === '/setup') return;
  queryClient.clear();
  void router.navigate({ to: '/sign-in', search: { next: pathname + search } });
});

const colorSchemeManager = cookieColorSchemeManager('liaison.color-scheme');

const root = createRoot(document.getElementById('root')!);

// English is bundled; another language's words arrive first so the page never shows in English.
// The first render is a transition, which React renders in short slices: on a slow phone the
// page's first render then never holds the main thread for long.
void i18nReady.then(() =>
  startTransition(() =>
    root.render(
      <StrictMode>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={cssVariablesResolver}
          colorSchemeManager={colorSchemeManager}
          defaultColorScheme="light"
        >
          <Toasts />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  ),
);
