/**
 * A server of a spec file's own that really sends email: an SMTP sink catches it and links are
 * built from PUBLIC_URL, on a fresh SQLite database. Started before the file's tests, stopped after.
 */
import { test, expect, request as playwrightRequest, type Browser, type Page } from '@playwright/test';
import { startSmtpSink, type SmtpSink } from '../server/test/smtp-sink';
import { signIn } from './fixtures';
import { ownDataDir, startOwnServer } from './own-server';

export function useMailingServer(prefix: string, admin: { email: string; password: string }) {
  let sink: SmtpSink | undefined;
  let stop: (() => void) | undefined;
  let baseURL = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sink = await startSmtpSink();
    ({ baseURL, stop } = await startOwnServer({
      DATA_DIR: ownDataDir(prefix),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      SMTP_URL: sink.url,
      PUBLIC_URL: '{baseURL}',
    }));
  });

  test.afterAll(async () => {
    stop?.();
    await sink?.close();
  });

  const visitor = async (browser: Browser, viewport: { width: number; height: number }, locale = 'en-GB'): Promise<Page> => {
    const context = await browser.newContext({ baseURL, viewport, locale, storageState: { cookies: [], origins: [] } });
    return context.newPage();
  };

  return {
    baseURL: () => baseURL,

    /** A request context signed in as the administrator. */
    adminContext: async () => {
      const context = await playwrightRequest.newContext({ baseURL });
      expect((await context.post('/api/v1/auth/login', { data: admin })).status()).toBe(200);
      return context;
    },

    /** The link to `page` in an email the sink received for `to` (other emails to them may have none). */
    linkEmailedTo: async (to: string, page: string): Promise<string> => {
      const pattern = new RegExp(`(https?://\\S+${page}#token=[\\w-]+)`);
      let link = '';
      await expect
        .poll(() => {
          const mails = (sink?.messages ?? []).filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));
          link = mails.map((m) => pattern.exec(m.text ?? '')?.[1]).find(Boolean) ?? '';
          return link;
        })
        .not.toBe('');
      return link;
    },

    /**
     * The first match of `pattern` in the emails the sink received for `to` (each read alone), once
     * one arrives: its first group when it has one (a link after the words that tell emails apart).
     */
    matchEmailedTo: async (to: string, pattern: RegExp): Promise<string> => {
      let found = '';
      await expect
        .poll(() => {
          const mails = (sink?.messages ?? []).filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));
          const match = (text: string) => {
            const m = pattern.exec(text);
            return m ? (m[1] ?? m[0]) : undefined;
          };
          found = mails.map((m) => match(`${m.subject ?? ''}\n${m.text ?? ''}`)).find(Boolean) ?? '';
          return found;
        })
        .not.toBe('');
      return found;
    },

    /** A new browser of its own (no session) with this viewport, reaching this server. */
    visitor,

    /** A new browser of its own on a desktop screen, signed in through the sign-in page. */
    signedIn: async (browser: Browser, email: string, password: string): Promise<Page> => {
      const page = await visitor(browser, { width: 1280, height: 800 });
      await page.goto('/sign-in');
      await signIn(page, email, password);
      // Signed in once the sign-in page is left: navigating at once would abort the sign-in request.
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      return page;
    },
  };
}
