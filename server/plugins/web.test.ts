import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';

const INDEX = '<!doctype html><html lang="en"><head></head><body><div id="root"></div></body></html>\n';

describe('the page the server sends', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-web-'));
  let app: FastifyInstance;
  let database: TestDatabase;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
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

  it('serves robots.txt as text, and never a page for the API', async () => {
    const robots = await page('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toMatch(/text\/plain/);
    expect(robots.body).toContain('Disallow: /api/');
    expect((await page('/api/v1/nothing-here')).headers['content-type']).toMatch(/problem\+json/);
  });
});
