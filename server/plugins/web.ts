import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { COLOR_SCHEME_COOKIE, parseColorScheme } from '../../common/color-scheme.js';
import { documentFor, type PagePreloads } from './web-document.js';

export interface WebAppOptions {
  /** The session cookie's name; a page opened with one asks for the signed-in user at once. */
  sessionCookie?: string;
}

/** Files at the root of the build that are served as they are (robots.txt is not a page). */
const ROOT_FILES: Record<string, string> = { '/robots.txt': 'text/plain; charset=utf-8' };

/**
 * Serves the built web app: hashed files under /assets/ (immutable, precompressed .br/.gz
 * written by the build), and index.html for every other non-API path so deep links load,
 * fitted to the visitor (colour scheme, session, the code of the page opened). All are read
 * per request, so a rebuild is served without a restart.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string, opts: WebAppOptions = {}) {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build` to serve the pages');
    return;
  }
  await app.register(fastifyStatic, {
    root: path.join(distDir, 'assets'),
    prefix: '/assets/',
    index: false,
    maxAge: '1y',
    immutable: true,
    preCompressed: true,
    // Source maps are not built for production; one left in the folder is still never served.
    allowedPath: (pathName) => !/\.map(\.br|\.gz)?$/i.test(pathName),
  });
  const preloadsFile = path.join(distDir, 'page-preloads.json');
  const readPreloads = () =>
    fs.promises.readFile(preloadsFile, 'utf8').then(
      (text) => JSON.parse(text) as PagePreloads,
      () => null,
    );
  const cookie = (req: FastifyRequest, name: string) => (req as { cookies?: Record<string, string | undefined> }).cookies?.[name];
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const p = req.url.split('?')[0];
    if (p.startsWith('/api/') || p === '/healthz' || p === '/readyz' || p === '/metrics') return reply.callNotFound();
    const rootFile = ROOT_FILES[p];
    if (rootFile) {
      const body = await fs.promises.readFile(path.join(distDir, p)).catch(() => null);
      if (!body) return reply.callNotFound();
      return reply.header('cache-control', 'public, max-age=3600').type(rootFile).send(body);
    }
    const [html, preloads] = await Promise.all([fs.promises.readFile(index, 'utf8'), readPreloads()]);
    const visitor = {
      path: p,
      hasQuery: req.url.includes('?'),
      hasSession: Boolean(opts.sessionCookie && cookie(req, opts.sessionCookie)),
      colorScheme: parseColorScheme(cookie(req, COLOR_SCHEME_COOKIE)),
    };
    const page = documentFor(html, visitor, preloads);
    // The page differs with the visitor's cookies (colour scheme, session): no shared copy.
    return reply.header('cache-control', 'no-cache').header('vary', 'cookie').type('text/html').send(page);
  });
}
