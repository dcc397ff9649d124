import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import mantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';
import { noChunkCycles } from './scripts/vite-chunk-cycles';
import { mantineCssPerComponent } from './scripts/vite-mantine-css';
import { pagePreloads } from './scripts/vite-page-preloads';
import { precompress } from './scripts/vite-precompress';

const api = 'http://127.0.0.1:3000';

const SHELL = 'src/components/Shell.tsx';
const SIGN_IN = 'src/features/auth/SignInPage.tsx';
/**
 * The pages whose code the server announces in the HTML (see scripts/vite-page-preloads.ts):
 * the first pages people open. Any other page still gets the shell's code announced.
 */
const FIRST_PAGES = [
  // Whether this is a fresh install (then the page sends the visitor to set it up).
  { path: '^/sign-in/?$', modules: [SIGN_IN], data: ['/api/v1/setup'] },
  { path: '^/setup/?$', modules: ['src/features/auth/SetupPage.tsx'] },
  // Pages opened from emailed links, with or without a session.
  { path: '^/invitation/?$', modules: ['src/features/auth/AcceptInvitationPage.tsx'] },
  { path: '^/reset-password/?$', modules: ['src/features/auth/ResetPasswordPage.tsx'] },
  { path: '^/forgot-password/?$', modules: ['src/features/auth/ForgotPasswordPage.tsx'] },
  { path: '^/s/[^/]+/?$', modules: ['src/features/surveys/PublicSurveyPage.tsx'] },
  // Without a session every other page sends the visitor to sign in.
  { path: '^/', session: false, modules: [SIGN_IN], data: ['/api/v1/setup'] },
  // A client's start page and what waits for them (features/portal/api.ts).
  { path: '^/portal/?$', modules: ['src/features/portal/PortalHomePage.tsx'], data: ['/api/v1/portal/home'] },
  {
    path: '^/accounts/?$',
    modules: [SHELL, 'src/features/accounts/AccountsPage.tsx'],
    // The list's first page as AccountsPage asks for it (router.tsx, its loader).
    data: ['/api/v1/accounts?sort=name&limit=50'],
  },
  {
    path: '^/accounts/(?!new/?$)([^/]+)/?$',
    modules: [SHELL, 'src/features/accounts/AccountPage.tsx'],
    // The account and the first page of its timeline (features/timeline/api.ts).
    data: ['/api/v1/accounts/$1', '/api/v1/accounts/$1/timeline?limit=30'],
  },
  // The sales report for the current period and every owner, as SalesReportPage asks for it (report-api.ts).
  { path: '^/sales-report/?$', modules: [SHELL, 'src/features/deals/SalesReportPage.tsx'], data: ['/api/v1/reports/pipeline'] },
  {
    path: '^/objections/?$',
    modules: [SHELL, 'src/features/objections/ObjectionsPage.tsx'],
    // The categories with their counts, and their names (features/objections/api.ts).
    data: ['/api/v1/objections/categories', '/api/v1/settings/objections'],
  },
  { path: '^/', modules: [SHELL] },
];

/** Lazily loaded modules that every page waits for (the API's message catalogue, see i18n). */
const EVERY_PAGE = ['../common/messages/index.ts'];

/** Validation (Zod and the shared schemas): only pages with a form need it. */
const FORMS = /node_modules[\\/]zod[\\/]|web[\\/]src[\\/]lib[\\/](forms|use-submit)\.ts|common[\\/]schemas[\\/]/;
/**
 * What the schemas build on that list pages use too (enums, currencies, limits, password rules):
 * a chunk of its own that both import, so the validation chunk never imports the shared one.
 */
const SCHEMA_BASICS = /common[\\/](enums|currencies|limits|password-rules|common-passwords)\.ts$/;
/**
 * What the sign-in page needs beyond the entry (the auth layout, password fields, TextInput, the
 * query hooks, Mantine's form state): a chunk of its own that the app's pages load too, so a
 * visit's first page does not wait for the hundred components only the app's pages use (the
 * common chunk), nor for validation, which it loads while the person types.
 */
const SIGN_IN_NEEDS =
  /web[\\/]src[\\/](features[\\/]auth[\\/]AuthLayout|components[\\/](PasswordField|NewPasswordField|describe-error)|lib[\\/]lazy-named)\.|@mantine[\\/](core[\\/]esm[\\/]components[\\/]TextInput[\\/]|form[\\/])|node_modules[\\/](klona|fast-deep-equal)[\\/]|@tanstack[\\/](react-query|query-core)[\\/]/;

/**
 * Code that only some pages use even when many share it: the client portal, and the words of
 * features that register their own (features/x/catalogue.ts and the i18n files they import).
 * They stay out of the chunk every staff page loads; the portal's pages share a chunk of their own.
 */
const PORTAL = /web[\\/]src[\\/](features[\\/]portal[\\/]|i18n[\\/]portal\.)/;
const FEATURE_WORDS = /web[\\/]src[\\/](i18n[\\/][a-z-]+\.(en|ru)\.json$|features[\\/][a-z-]+[\\/]catalogue\.ts$)/;

// The web app lives in web/; the server serves web/dist in production, and in
// development Vite proxies the API so the session cookie stays same-origin.
export default defineConfig({
  root: 'web',
  plugins: [react(), mantineCssPerComponent(), noChunkCycles(), pagePreloads(FIRST_PAGES, EVERY_PAGE), precompress()],
  resolve: {
    alias: { '@common': fileURLToPath(new URL('./common', import.meta.url)) },
  },
  css: { postcss: { plugins: [mantine()] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps: the served app should not hand out its sources (development has its own).
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Left alone, every page pulls a few dozen tiny shared chunks; over HTTP/1.1 on a phone
        // each costs a round trip. A page now needs its own chunk plus a handful of shared ones.
        codeSplitting: {
          groups: [
            // What the first paint needs stays in the entry's chunk.
            { name: 'boot', tags: ['$initial'], priority: 100 },
            { name: 'basics', test: SCHEMA_BASICS, priority: 40 },
            // Not its dependencies (enums, currencies), which list pages use without any form.
            { name: 'forms', test: FORMS, priority: 30, includeDependenciesRecursively: false },
            { name: 'essentials', test: SIGN_IN_NEEDS, priority: 25 },
            { name: 'portal', test: PORTAL, minShareCount: 2, priority: 22, includeDependenciesRecursively: false },
            // Components and helpers that three pages or more use, in one chunk.
            {
              name: 'common',
              test: (id) => !FEATURE_WORDS.test(id) && !PORTAL.test(id),
              minShareCount: 3,
              priority: 20,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});
