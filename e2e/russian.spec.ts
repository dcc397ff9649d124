/**
 * The whole app in Russian, as each role sees it on the demo agency: every page the role can
 * open, with its tabs and its create forms, is read for words in Latin letters. Names, codes,
 * emails, addresses, numbers and currency codes are no words to translate, nor is anything the
 * demo's clients wrote (their companies, people, projects and notes, kept in the database);
 * what remains must be Russian, apart from a short list of names below. An English UI string
 * that slips through fails the journey.
 *
 * The demo agency lives on a server of its own, started here on a fresh SQLite database.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { demoDataDir, startOwnServer } from './own-server';

/** Words that stay in Latin letters in Russian on purpose. */
const ALLOWED = new Set([
  'Liaison', // the product
  'English', // the language switch names each language in itself
  'API', // «API-токены», «API Liaison»
  'CSV', // «Скачать CSV»
  'PDF', // «Скачать PDF», «Счёт в PDF»
  'SHA', // «SHA-256 отправленного PDF»
  'PNG', // the logo's file formats: «PNG, JPEG или SVG»
  'JPEG',
  'SVG',
  'ID', // «ID записи»
  'SMTP_URL', // a setting's name: «не задан SMTP_URL»
  'SEO', // a kind of work, so called in Russian too
  'NPS', // the survey kinds, so called in Russian too: «опрос NPS»
  'CSAT',
  'CMS', // brief questions: «Адрес сайта и CMS»
  'CRM', // «Какими системами аналитики и CRM вы пользуетесь?»
  'Google', // authenticator apps the security page names
  'Microsoft',
  'Authenticator',
  'Aegis',
  '1Password',
  'Ctrl', // keys, named as on the keyboard: «Ctrl+Enter — отправить»
  'Enter',
  'Esc',
  'K', // the search shortcut: «Ctrl+K»
]);
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const DEMO_PASSWORD = 'Liaison-Demo-2026';

/** Tables with nothing a person wrote: sessions, jobs, settings, migrations, credentials. */
const NOT_DATA = /^(kysely_|sessions$|login_|jobs$|job_runs$|settings$|two_factor_|number_sequences$)/;

/**
 * Everything the demo's people wrote, longest first: any text value in the database with a
 * Latin letter, and the strings inside JSON values. Lower-case codes (`in_progress`, `seo`)
 * are left out, so a status or role shown raw is still caught.
 */
function writtenByPeople(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^[[{]/.test(value)) {
        try {
          return add(JSON.parse(value));
        } catch {
          // not JSON after all: plain text
        }
      }
      if (/[A-Za-z]/.test(value) && !/^[a-z0-9_.:-]+$/.test(value) && value.trim().length > 1) found.add(value.trim());
    } else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    for (const { name } of tables.filter((t) => !NOT_DATA.test(t.name))) {
      for (const row of db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) Object.values(row).forEach(add);
    }
  } finally {
    db.close();
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** The words of a text in Latin letters that are neither data, codes nor allowed names. */
function latinWords(text: string, written: string[]): string[] {
  let rest = text
    .replace(/\S+@\S+/g, ' ') // emails
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' '); // domains and file names
  if (!/[A-Za-z]/.test(rest)) return [];
  for (const value of written) {
    if (!rest.includes(value)) continue;
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  }
  return rest
    .split(/[\s,;:!?()«»“”"„'’…—–/|·•→+=*]+/)
    .map((token) => token.replace(/^[.-]+|[.-]+$/g, ''))
    .filter((token) => /[A-Za-z]/.test(token) && !/[а-яё]/i.test(token) && !/\d/.test(token))
    .filter((token) => !ALLOWED.has(token) && !CURRENCIES.has(token));
}

interface Shown {
  text: string;
  where: string;
}

/**
 * Text the user is shown: visible text nodes, the options of visible selects, and the labels
 * of visible elements that assistive technology reads (aria-label, title, placeholder, alt).
 * Code (`<code>`) and an avatar's initials are not language; `skip` leaves out a part of the page on purpose.
 */
function shownTexts(page: Page, skip?: string): Promise<Shown[]> {
  return page.evaluate((skipSelector) => {
    const shown: { text: string; where: string }[] = [];
    const describe = (el: Element) => {
      const testId = el.closest('[data-testid]')?.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${testId ? ` in [data-testid=${testId}]` : ''}`;
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    // An avatar's initials are letters of a name (data), not words.
    const excluded = (el: Element) =>
      !!el.closest('code, script, style, noscript, .mantine-Avatar-placeholder') || (!!skipSelector && !!el.closest(skipSelector));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // A chart wraps a long label into lines (tspans of one SVG <text>): read the label whole, once.
    const labelsRead = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const label = node.parentElement?.closest('svg text') ?? null;
      if (label && labelsRead.has(label)) continue;
      if (label) labelsRead.add(label);
      const el = label ?? node.parentElement;
      const text = label
        ? [...label.querySelectorAll('tspan')].map((line) => line.textContent?.trim()).join(' ') || label.textContent?.trim()
        : node.textContent?.trim();
      if (!el || !text || excluded(el)) continue;
      const select = el.closest('select');
      if (select ? visible(select) : visible(el)) shown.push({ text, where: describe(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (excluded(el) || !visible(el)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const text = el.getAttribute(attribute)?.trim();
        if (text) shown.push({ text, where: `${describe(el)} @${attribute}` });
      }
    }
    return shown;
  }, skip ?? null);
}

let stopServer: (() => void) | undefined;
let baseURL = '';
let written: string[] = [];

// A walk opens and reads dozens of pages (the administrator's over thirty): more than one journey's minute.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // SQLite in its own folder, whatever database the rest of the journeys use.
  const dataDir = demoDataDir('liaison-ru-');
  written = writtenByPeople(path.join(dataDir, 'liaison.sqlite'));
  ({ baseURL, stop: stopServer } = await startOwnServer({ DATA_DIR: dataDir }));
});

test.afterAll(() => {
  stopServer?.();
});

/** A browser signed in as a demo user whose language is Russian. */
async function russianUser(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, locale: 'ru-RU' });
  const page = await context.newPage();
  expect((await page.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } })).status()).toBe(200);
  expect((await page.request.patch('/api/v1/auth/me', { data: { language: 'ru' } })).status()).toBe(200);
  return page;
}

const get = async <T>(page: Page, url: string): Promise<T> => {
  const res = await page.request.get(`/api/v1${url}`);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
};
const first = async (page: Page, url: string) => (await get<{ items: { id: string }[] }>(page, url)).items[0]?.id;

/** One page the role opens: where, and what to do there before reading it. */
interface Visit {
  url: string;
  /** Submit the empty form, so its messages are read too. */
  submitEmpty?: boolean;
  skip?: string;
}

/** Opens each page, reads it, and fails with every English word found, by page. */
async function readInRussian(page: Page, visits: Visit[]) {
  test.slow(); // up to forty pages, each read whole
  const found: string[] = [];
  for (const visit of visits) {
    await page.goto(visit.url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.lang), visit.url).toBe('ru');
    if (visit.submitEmpty) {
      await page.locator('form button[type=submit]').first().click();
      await expect(page.locator('[aria-invalid=true]').first()).toBeVisible();
    }
    for (const { text, where } of await shownTexts(page, visit.skip)) {
      const words = latinWords(text, written);
      if (words.length) found.push(`${visit.url} · ${where}: “${text}” (${words.join(', ')})`);
    }
  }
  expect([...new Set(found)], 'English words on pages shown in Russian').toEqual([]);
}

/** The pages of one project: its tabs. */
const projectTabs = (id: string): Visit[] =>
  ['plan', 'requirements', 'brief', 'tasks', 'team'].map((tab) => ({ url: `/projects/${id}?tab=${tab}` }));

/** The tabs of one account (a tab the role does not have opens the first), and its timeline filtered. */
const accountTabs = (id: string): Visit[] => [
  { url: `/accounts/${id}` },
  { url: `/accounts/${id}?kinds=money` },
  ...['next-steps', 'contacts', 'projects', 'billing', 'documents', 'details'].map((tab) => ({ url: `/accounts/${id}?tab=${tab}` })),
];

/** Accounts and contacts, with one account and one of its contacts. */
const accountPages = (accountId: string, contactId: string): Visit[] => [
  { url: '/accounts' },
  ...accountTabs(accountId),
  { url: '/contacts' },
  { url: `/contacts/${contactId}` },
];

/** Projects and the delivery reports, with one project and its tabs. */
const deliveryPages = (projectId: string): Visit[] => [
  { url: '/projects' },
  ...projectTabs(projectId),
  { url: '/portfolio' },
  { url: '/delivery' },
  { url: '/workload' },
];

/** A task's own page, and its edit page for those who may change it. */
const taskPages = (taskId: string): Visit[] => [{ url: `/tasks/${taskId}` }, { url: `/tasks/${taskId}/edit` }];

/** Invoices and receivables, with one invoice and its account's statement. */
const billingPages = (accountId: string, invoiceId: string): Visit[] => [
  { url: '/invoices' },
  { url: `/invoices/${invoiceId}` },
  { url: '/receivables' },
  { url: `/accounts/${accountId}/statement` },
  { url: '/follow-ups' },
];

/** The documents registry, and one draft of the account in Russian (made here: the demo has none). */
async function documentPages(page: Page, accountId: string): Promise<Visit[]> {
  const res = await page.request.post('/api/v1/documents', {
    data: { kind: 'act', accountId, language: 'ru', lines: [{ description: 'Дизайн', quantity: 2, unitPriceMinor: 50_000 }] },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  // A document is in its own language: an English client's report is titled in English, as its PDF is.
  const listed = await get<{ items: { language: string; title: string }[] }>(page, '/documents?limit=100');
  written.push(...listed.items.filter((d) => d.language !== 'ru').map((d) => d.title));
  written.sort((a, b) => b.length - a.length);
  return [{ url: '/documents' }, { url: `/documents/${id}` }, { url: '/documents/new', submitEmpty: true }];
}

/** The sales report with its charts, and the objections with one category's playbook open. */
const salesPages: Visit[] = [{ url: '/sales-report' }, { url: '/objections' }, { url: '/objections?category=timing' }];

/** What every staff user has of their own. */
const ownPages: Visit[] = [{ url: '/tokens' }, { url: '/security' }];

/** A project in progress, its account and a contact there, as the user finds them. */
async function projectAndAccount(page: Page) {
  const projectId = await first(page, '/projects?stage=in_progress&limit=1');
  const { accountId } = await get<{ accountId: string }>(page, `/projects/${projectId}`);
  return { projectId, accountId, contactId: await first(page, `/contacts?accountId=${accountId}&limit=1`) };
}

test('the administrator’s pages are all in Russian', async ({ browser }) => {
  test.setTimeout(150_000); // every page of the app, the template editor's PDF preview among them
  const page = await russianUser(browser, 'admin@demo.liaison.test');
  const { projectId, accountId, contactId } = await projectAndAccount(page);
  const invoice = await first(page, '/invoices?status=overdue&limit=1');
  const draft = await first(page, '/invoices?status=draft&limit=1');
  const task = await first(page, `/tasks?projectId=${projectId}&limit=1`);
  await readInRussian(page, [
    ...accountPages(accountId, contactId),
    { url: `/accounts/${accountId}/edit` },
    { url: '/accounts/new', submitEmpty: true },
    { url: `/contacts/${contactId}/edit` },
    { url: '/contacts/new', submitEmpty: true },
    { url: '/next-steps' },
    { url: '/next-steps?whose=all&state=done' },
    ...deliveryPages(projectId),
    ...taskPages(task),
    { url: `/projects/${projectId}/edit` },
    { url: '/projects/new', submitEmpty: true },
    ...billingPages(accountId, invoice),
    { url: `/invoices/${draft}/edit` },
    { url: '/invoices/new', submitEmpty: true },
    { url: '/users' },
    { url: '/users/new', submitEmpty: true },
    { url: '/satisfaction-report' },
    { url: '/settings/delivery' },
    ...salesPages,
    ...(await documentPages(page, accountId)),
    { url: '/settings/agency' },
    { url: '/settings/templates' },
    // The changes column lists the record's fields as the API names them, a technical record.
    { url: '/audit', skip: 'tbody td:nth-child(5)' },
    ...ownPages,
  ]);
});

test('an account manager’s pages are all in Russian', async ({ browser }) => {
  const page = await russianUser(browser, 'anna@demo.liaison.test');
  const { projectId, accountId, contactId } = await projectAndAccount(page);
  const invoice = await first(page, `/invoices?accountId=${accountId}&limit=1`);
  const task = await first(page, `/tasks?projectId=${projectId}&limit=1`);
  await readInRussian(page, [
    ...accountPages(accountId, contactId),
    { url: '/next-steps' },
    ...deliveryPages(projectId),
    ...taskPages(task),
    ...billingPages(accountId, invoice),
    ...salesPages,
    ...(await documentPages(page, accountId)),
    ...ownPages,
  ]);
});

test('a specialist’s pages are all in Russian', async ({ browser }) => {
  const page = await russianUser(browser, 'sam.seo@demo.liaison.test');
  const task = (await get<{ items: { id: string; projectId: string }[] }>(page, '/tasks?assigneeId=me&open=true&limit=1')).items[0];
  await readInRussian(page, [
    { url: '/my-work' },
    { url: '/my-work?show=done' },
    // The specialist's own task: its page, with its history and time log.
    ...(task ? [{ url: `/tasks/${task.id}` }, ...projectTabs(task.projectId)] : []),
    ...ownPages,
  ]);
});

test('finance’s pages are all in Russian', async ({ browser }) => {
  const page = await russianUser(browser, 'fiona@demo.liaison.test');
  const invoice = await first(page, '/invoices?status=open&limit=1');
  const { accountId } = await get<{ accountId: string }>(page, `/invoices/${invoice}`);
  const contactId = await first(page, `/contacts?accountId=${accountId}&limit=1`);
  await readInRussian(page, [
    ...accountPages(accountId, contactId),
    { url: '/next-steps?whose=all' },
    ...billingPages(accountId, invoice),
    ...salesPages,
    ...(await documentPages(page, accountId)),
    ...ownPages,
  ]);
});

test('the sign-in page is in Russian for a Russian browser', async ({ browser }) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, locale: 'ru-RU' });
  await readInRussian(await context.newPage(), [{ url: '/sign-in', submitEmpty: true }]);
});

test('the client portal is in Russian, every page of it', async ({ browser }) => {
  const page = await russianUser(browser, 'client@northwind.example');
  const projectId = await first(page, '/projects?limit=1');
  const documentId = await first(page, '/documents?limit=1');
  expect(projectId && documentId, 'the demo client has a project and a document').toBeTruthy();
  // The user menu and a manager's picture show initials, letters of a name (data), not words; a
  // status report is titled in its own language, the company's, which here is English.
  const skip = '[data-testid=portal-user-menu], .mantine-Avatar-root, [data-kind=status_report], [data-testid=portal-report] a';
  await readInRussian(
    page,
    [
      '/portal',
      '/portal/projects',
      `/portal/projects/${projectId}`,
      '/portal/documents',
      `/portal/documents/${documentId}`,
      '/portal/invoices',
      '/portal/manager',
    ].map((url) => ({ url, skip })),
  );
});

test('the journey tells English from data', () => {
  const data = ['Northwind Traders', 'Emma', 'Walker', 'Final review'];
  expect(latinWords('Клиент Northwind Traders, контакт Emma Walker', data)).toEqual([]);
  expect(latinWords('Веха: Final review', data)).toEqual([]);
  expect(latinWords('Load more', data)).toEqual(['Load', 'more']);
  expect(latinWords('review', data)).toEqual(['review']); // a stage shown raw is not the milestone's name
  expect(latinWords('designer', data)).toEqual(['designer']);
  expect(latinWords('Скачать CSV · 1 380,00 EUR · anna@demo.liaison.test · sibmed.example · 2026-000409', data)).toEqual([]);
});
