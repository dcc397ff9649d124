import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { documentFor, pageAssets, type PagePreloads } from './web-document.js';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta name="color-scheme" content="light dark" />
    <script type="module" crossorigin src="/assets/index-1a2b.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

const PRELOADS: PagePreloads = {
  rules: [
    { path: '^/sign-in/?$', scripts: ['/assets/SignInPage-1.js', '/assets/forms-1.js'], styles: [] },
    { path: '^/', session: false, scripts: ['/assets/SignInPage-1.js', '/assets/forms-1.js'], styles: [] },
    {
      path: '^/accounts/?$',
      scripts: ['/assets/Shell-1.js', '/assets/AccountsPage-1.js'],
      styles: ['/assets/Shell-1.css'],
      data: ['/api/v1/accounts?sort=name&limit=50'],
    },
    {
      path: '^/accounts/([^/]+)/?$',
      scripts: ['/assets/Shell-1.js', '/assets/AccountPage-1.js'],
      styles: [],
      data: ['/api/v1/accounts/$1', '/api/v1/accounts/$1/timeline?limit=30', 'https://elsewhere.test/steal'],
    },
    { path: '^/', scripts: ['/assets/Shell-1.js', '"><script>alert(1)</script>'], styles: [] },
  ],
};

describe('the page the server sends', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-web-'));
  let app: FastifyInstance;
  let database: TestDatabase;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dist, 'page-preloads.json'), JSON.stringify(PRELOADS));
    fs.writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\nDisallow: /api/\n');
    database = await createTestDatabase();
    app = await buildApp({ db: database.db, dialect: database.dialect, logLevel: 'silent', webDist: dist });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const page = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('paints dark from the first frame for someone who chose dark, and light otherwise', async () => {
    const dark = await page('/accounts', 'liaison_color_scheme=dark');
    expect(dark.body).toContain('<html data-mantine-color-scheme="dark" lang="en">');
    expect(dark.body).toContain('<meta name="color-scheme" content="dark"');
    expect(dark.headers.vary).toMatch(/cookie/i);
    expect(dark.headers['cache-control']).toBe('no-cache');

    const light = await page('/accounts', 'liaison_color_scheme=light');
    expect(light.body).toContain('<html data-mantine-color-scheme="light" lang="en">');
    for (const cookie of [undefined, 'liaison_color_scheme=auto', 'liaison_color_scheme=%22%3E%3Cscript%3E']) {
      const plain = await page('/accounts', cookie);
      expect(plain.body, String(cookie)).toContain('<html lang="en">');
      expect(plain.body).toContain('<meta name="color-scheme" content="light dark"');
    }
  });

  it('asks for the signed-in user with the scripts only when there is a session and a page that needs one', async () => {
    const me = '<link rel="preload" href="/api/v1/auth/me" as="fetch" crossorigin>';
    expect((await page('/accounts', 'liaison_session=abc')).body).toContain(me);
    expect((await page('/accounts')).body).not.toContain(me);
    expect((await page('/sign-in', 'liaison_session=abc')).body).not.toContain(me);
    expect((await page('/setup', 'liaison_session=abc')).body).not.toContain(me);
  });

  it("announces the code of the page opened, as the build listed it, and only the build's files", async () => {
    const accounts = (await page('/accounts?q=acme', 'liaison_session=abc')).body;
    expect(accounts).toContain('<link rel="modulepreload" crossorigin href="/assets/AccountsPage-1.js">');
    // Fetched at once, applied with the code that needs it: the first paint does not wait for it.
    expect(accounts).toContain('<link rel="preload" as="style" crossorigin href="/assets/Shell-1.css">');
    expect(accounts).not.toContain('rel="stylesheet"');
    // Without a session the app sends the visitor to sign in: that is the code to fetch.
    const anonymous = (await page('/accounts')).body;
    expect(anonymous).toContain('href="/assets/SignInPage-1.js"');
    expect(anonymous).not.toContain('Shell-1');
    const other = (await page('/contacts', 'liaison_session=abc')).body;
    expect(other).toContain('href="/assets/Shell-1.js"');
    expect(other).not.toContain('<script>alert');
  });

  it("asks for the page's first API answers with its code, with the path's id, and never with a query or an id that is not one", async () => {
    const preload = (href: string) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`;
    const list = (await page('/accounts', 'liaison_session=abc')).body;
    expect(list).toContain(preload('/api/v1/auth/me'));
    expect(list).toContain(preload('/api/v1/accounts?sort=name&limit=50'));
    // A filtered list asks for other rows.
    expect((await page('/accounts?q=acme', 'liaison_session=abc')).body).not.toContain('/api/v1/accounts?');
    const account = (await page('/accounts/01a2-b3', 'liaison_session=abc')).body;
    expect(account).toContain(preload('/api/v1/accounts/01a2-b3'));
    expect(account).toContain(preload('/api/v1/accounts/01a2-b3/timeline?limit=30'));
    expect(account).not.toContain('elsewhere.test');
    const odd = (await page('/accounts/%22%3E%3Cscript%3E', 'liaison_session=abc')).body;
    expect(odd).toContain('AccountPage-1.js');
    expect(odd).not.toContain('as="fetch" crossorigin><');
    expect(odd).not.toContain('/api/v1/accounts/%22');
  });

  it('serves robots.txt as text, and never a page for the API', async () => {
    const robots = await page('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toMatch(/text\/plain/);
    expect(robots.body).toContain('Disallow: /api/');
    expect((await page('/api/v1/nothing-here')).headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('documentFor', () => {
  it('leaves the page as built when nothing is known about the visitor', () => {
    expect(documentFor(INDEX, { path: '/sign-in', hasSession: false, colorScheme: null })).toBe(INDEX);
  });

  it('picks the first rule that fits the path and the session', () => {
    expect(pageAssets(PRELOADS, { path: '/sign-in', hasSession: true }).scripts).toContain('/assets/SignInPage-1.js');
    expect(pageAssets(PRELOADS, { path: '/accounts/', hasSession: true }).scripts).toEqual([
      '/assets/Shell-1.js',
      '/assets/AccountsPage-1.js',
    ]);
    expect(pageAssets(null, { path: '/accounts', hasSession: true })).toEqual({ scripts: [], styles: [], data: [] });
  });
});
